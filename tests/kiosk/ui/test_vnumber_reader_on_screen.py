"""The V-number screen with a real serial barcode scanner: a SerialBarcodeReader on a real pseudo-terminal,
the test writing on the master side as the scanner would."""

from __future__ import annotations

import os
import threading
import tty

import pytest

from drivers.vnumber.errors import BarcodePayloadError, InvalidVNumberError, ReaderUnavailableError
from drivers.vnumber.serial_scanner import SerialBarcodeReader
from drivers.vnumber.settings import VNumberReaderSettings
from kiosk.flow import Step
from tests.kiosk.ui.conftest import choose, tap, type_digits
from tests.kiosk.ui.test_intakes_on_screen import VNUMBER

READER_WAIT_MS = 60_000  # only for hangs


@pytest.fixture
def scanner_pty():
    """A real pseudo-terminal: the kiosk's reader opens the slave by name, the test writes on the master."""
    master, slave = os.openpty()
    tty.setraw(slave)  # no echo, no line discipline: bytes pass as a serial line would carry them
    yield master, os.ttyname(slave)
    os.close(master)
    os.close(slave)


def _reader_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("barcode-")]


def _to_vnumber(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    choose(qtbot, window, "English")
    tap(qtbot, window.information.next_button)
    tap(qtbot, window.consent.yes)
    assert window.stack.currentWidget() is window.vnumber


def test_a_scanned_letter_enters_the_vnumber_and_the_flow_moves_to_capture(qtbot, kiosk, scanner_pty):
    master, port = scanner_pty
    window, _ = kiosk(vnumber_reader=VNumberReaderSettings(kind="serial", port=port))
    assert not window.vnumber_reading.running  # not on the language screen
    _to_vnumber(qtbot, window)
    assert window.vnumber.reader_hint.isVisible()
    assert "barcode" in window.vnumber.spoken_text()
    assert isinstance(window.vnumber_reading.reader, SerialBarcodeReader) and window.vnumber_reading.running
    os.write(master, f"VNR {VNUMBER}\r\n".encode())
    qtbot.waitUntil(lambda: window.flow.step is Step.CAPTURE, timeout=READER_WAIT_MS)
    assert str(window.flow.vnumber) == VNUMBER
    assert window.vnumber.digits == VNUMBER
    assert window.stack.currentWidget() is window.capture
    assert not window.vnumber_reading.running and not _reader_threads()  # left the screen: stopped


def test_a_malformed_barcode_shows_the_calm_message_and_typing_still_works(qtbot, kiosk, scanner_pty):
    master, port = scanner_pty
    window, _ = kiosk(vnumber_reader=VNumberReaderSettings(kind="serial", port=port))
    _to_vnumber(qtbot, window)
    tap(qtbot, window.vnumber.keypad.keys["1"])
    os.write(master, b"https://example.org/not-a-vnumber\r\n")
    qtbot.waitUntil(window.vnumber.error.isVisible, timeout=READER_WAIT_MS)
    assert window.vnumber.error.text() == BarcodePayloadError.user_message
    assert window.flow.step is Step.VNUMBER and window.vnumber.digits == "1"  # what was typed stays
    tap(qtbot, window.vnumber.keypad.keys["D"])
    type_digits(qtbot, window, VNUMBER)
    assert window.flow.step is Step.CAPTURE and str(window.flow.vnumber) == VNUMBER
    assert not window.vnumber_reading.running and not _reader_threads()


def test_a_barcode_in_dutch_shows_the_dutch_message(qtbot, kiosk, scanner_pty):
    master, port = scanner_pty
    window, _ = kiosk(vnumber_reader=VNumberReaderSettings(kind="serial", port=port))
    choose(qtbot, window, "Nederlands")
    tap(qtbot, window.information.next_button)
    tap(qtbot, window.consent.yes)
    qtbot.waitUntil(lambda: window.vnumber.reader_hint.text() == "Of houd de barcode van uw brief onder de lezer.",
                    timeout=READER_WAIT_MS)  # the language change is posted to the widgets
    os.write(master, b"12345\r\n")  # five digits: not a V-number
    qtbot.waitUntil(window.vnumber.error.isVisible, timeout=READER_WAIT_MS)
    assert window.vnumber.error.text() == ("Dat nummer is niet te lezen als V-nummer. Controleer het of typ het "
                                           "nummer in.")


def test_leaving_the_screen_stops_the_reader(qtbot, kiosk, scanner_pty):
    _, port = scanner_pty
    window, _ = kiosk(vnumber_reader=VNumberReaderSettings(kind="serial", port=port))
    _to_vnumber(qtbot, window)
    assert window.vnumber_reading.running and len(_reader_threads()) == 1
    window.discard()  # the idle timeout's end: back to the language screen
    assert window.stack.currentWidget() is window.language
    assert not window.vnumber_reading.running and not _reader_threads()
    _to_vnumber(qtbot, window)
    tap(qtbot, window.vnumber.none_button)
    assert window.flow.step is not Step.VNUMBER
    assert not window.vnumber_reading.running and not _reader_threads()


def test_an_unavailable_reader_says_so_and_the_keypad_goes_on(qtbot, kiosk, tmp_path):
    window, _ = kiosk(vnumber_reader=VNumberReaderSettings(kind="serial", port=str(tmp_path / "ttyNOPE")))
    _to_vnumber(qtbot, window)
    assert window.vnumber.error.isVisible()
    assert window.vnumber.error.text() == ReaderUnavailableError.user_message
    type_digits(qtbot, window, VNUMBER)
    assert window.flow.step is Step.CAPTURE


def test_without_a_reader_there_is_no_hint_and_no_reader(qtbot, kiosk):
    window, _ = kiosk()
    _to_vnumber(qtbot, window)
    assert not window.vnumber.reader_hint.isVisible() and "barcode" not in window.vnumber.spoken_text()
    assert window.vnumber_reading.reader is None and not window.vnumber.error.isVisible()


def test_reader_messages_are_the_drivers_own_texts():
    from drivers.errors import ReaderError
    from kiosk.ui.reader_messages import source_messages

    for cls, text in source_messages().items():
        assert issubclass(cls, ReaderError) and text == cls.user_message, cls.__name__


@pytest.mark.parametrize("code", ["nl", "ar", "am"])
def test_the_hint_and_a_reader_message_fit_in_large_text(qtbot, kiosk, tmp_path, code):
    from kiosk.ui.languages import KNOWN
    from kiosk.ui.layout_check import layout_problems

    window, _ = kiosk(large_text=True, vnumber_reader=VNumberReaderSettings(kind="serial", port=str(tmp_path / "no")))
    _to_vnumber(qtbot, window)
    window.language_switch.install(KNOWN[code])
    window.vnumber.reader_failed(InvalidVNumberError("a test"))  # the longest of the messages
    qtbot.waitUntil(lambda: window.vnumber.reader_hint.text() != "Or hold your letter's barcode under the reader.",
                    timeout=READER_WAIT_MS)
    assert window.vnumber.error.text() != InvalidVNumberError.user_message
    qtbot.wait(5)
    assert window.vnumber.reader_hint.isVisible() and window.vnumber.error.isVisible()
    assert layout_problems(window.vnumber) == []
