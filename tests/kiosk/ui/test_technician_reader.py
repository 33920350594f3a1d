"""The technician's V-number reader test through the window: a real serial barcode reader on a pseudo-terminal
(the test writes on the master side as the scanner would). A good letter is reported without its digits, a bad one
by its kind and among the last errors, no reader configured is said plainly, and logout stops a waiting test."""

from __future__ import annotations

import os
import threading

from drivers.vnumber.settings import VNumberReaderSettings
from tests.kiosk.ui.conftest import tap
from tests.kiosk.ui.test_intakes_on_screen import VNUMBER
from tests.kiosk.ui.test_staff_mode import PIN, add_accounts, log_in
from tests.kiosk.ui.test_vnumber_reader_on_screen import READER_WAIT_MS, scanner_pty  # noqa: F401 (a fixture)


def _technician(qtbot, kiosk, **settings):  # type: ignore[no-untyped-def]
    window, parts = kiosk(**settings)
    add_accounts(parts)
    log_in(qtbot, window, "tech", PIN["tech"])
    assert window.stack.currentWidget() is window.staff_technician
    return window, window.staff_technician


def _reader_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("barcode-") and t.is_alive()]


def test_a_letter_read_is_reported_as_valid_without_its_digits(qtbot, kiosk, scanner_pty):  # noqa: F811
    master, port = scanner_pty
    window, view = _technician(qtbot, kiosk, vnumber_reader=VNumberReaderSettings(kind="serial", port=port))
    tap(qtbot, view.reader_button)
    qtbot.waitUntil(lambda: window._reader_test is not None and window._reader_test.running, timeout=READER_WAIT_MS)
    assert not window.vnumber_reading.running  # the participant's reader stays off: the device is the test's
    os.write(master, f"VNR {VNUMBER}\r\n".encode())
    qtbot.waitUntil(lambda: "serial:" in view.reader_result.text() and "…" not in view.reader_result.text(),
                    timeout=READER_WAIT_MS)
    text = view.reader_result.text()
    assert text.startswith("OK") and VNUMBER not in text and VNUMBER[-4:] not in text
    assert not view.errors and window._reader_test is None
    qtbot.waitUntil(lambda: not _reader_threads(), timeout=READER_WAIT_MS)


def test_a_bad_code_is_a_failure_named_by_its_kind_and_listed(qtbot, kiosk, scanner_pty):  # noqa: F811
    master, port = scanner_pty
    window, view = _technician(qtbot, kiosk, vnumber_reader=VNumberReaderSettings(kind="serial", port=port))
    tap(qtbot, view.reader_button)
    qtbot.waitUntil(lambda: window._reader_test is not None and window._reader_test.running, timeout=READER_WAIT_MS)
    os.write(master, b"https://example.org/not-a-vnumber\r\n")
    qtbot.waitUntil(lambda: bool(view.errors), timeout=READER_WAIT_MS)
    assert "BarcodePayloadError" in view.reader_result.text() and "example.org" not in view.reader_result.text()
    assert "BarcodePayloadError" in view.error_list.text()


def test_no_reader_configured_is_said_plainly(qtbot, kiosk):
    _window, view = _technician(qtbot, kiosk)
    tap(qtbot, view.reader_button)
    assert "toetsenblok" in view.reader_result.text() and not view.errors  # the site's language: Dutch


def test_logout_stops_a_waiting_reader_test(qtbot, kiosk, scanner_pty):  # noqa: F811
    _master, port = scanner_pty
    window, view = _technician(qtbot, kiosk, vnumber_reader=VNumberReaderSettings(kind="serial", port=port))
    tap(qtbot, view.reader_button)
    qtbot.waitUntil(lambda: window._reader_test is not None and window._reader_test.running, timeout=READER_WAIT_MS)
    tap(qtbot, view.logout_button)
    assert window._reader_test is None and view.reader_result.text() == ""
    qtbot.waitUntil(lambda: not _reader_threads(), timeout=READER_WAIT_MS)


def test_the_kiosks_recent_warnings_are_shown_masked_and_forgotten_at_logout(qtbot, kiosk):
    import logging

    from kiosk import recent_log

    handler = recent_log.RecentLog()
    logging.getLogger().addHandler(handler)
    previous, recent_log._installed = recent_log._installed, handler
    try:
        logging.getLogger("kiosk.test").warning("the reader read %s and gave up", VNUMBER)
        _window, view = _technician(qtbot, kiosk)
        assert "kiosk.test: the reader read [digits] and gave up" in view.log.text()
        assert VNUMBER not in view.log.text()
        tap(qtbot, view.logout_button)
        assert view.log.text() == ""
    finally:
        logging.getLogger().removeHandler(handler)
        recent_log._installed = previous
