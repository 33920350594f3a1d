"""The technician's view through the window over the real stack: the health report and key state after login, the
scanner's self-test and a test capture through the kiosk's own device worker against the simulated scanner, a fault
injected into the simulator shown with its technician message, and nothing of it left after logout."""

from __future__ import annotations

from drivers.simulator.faults import Fault
from enrollment.access.service import KEY_HOLDER
from enrollment.audit.entries import Kind
from tests.kiosk.ui.conftest import WAIT_MS, tap
from tests.kiosk.ui.test_staff_mode import PIN, add_accounts, audit, log_in, on_engine


def _logged_in(qtbot, kiosk):  # type: ignore[no-untyped-def]
    window, parts = kiosk()
    add_accounts(parts)
    log_in(qtbot, window, "tech", PIN["tech"])
    assert window.stack.currentWidget() is window.staff_technician
    return window, parts, window.staff_technician


def test_the_technician_sees_the_health_report_and_the_keys(qtbot, kiosk):
    _window, parts, view = _logged_in(qtbot, kiosk)
    health = view.health.text()
    for row in ("settings", "database", "keys", "fonts", "disk", "outbox:", "translations:", "aanmeldzuil"):
        assert row in health
    assert "database  OK" in health  # the demo's own record, not the empty folder around it
    assert "demosleutels" in view.keys.text() and "Auditlog: " in view.keys.text()  # the site's language: Dutch
    assert any(e.kind is Kind.LOGIN for e in audit(parts))


def test_the_self_test_and_a_test_capture_run_on_the_simulated_scanner(qtbot, kiosk):
    _window, _parts, view = _logged_in(qtbot, kiosk)
    tap(qtbot, view.self_test_button)
    qtbot.waitUntil(lambda: "self-test: ZFM on" in view.scanner_result.text(), timeout=WAIT_MS)
    assert ": ok" in view.scanner_result.text() and not view.errors
    tap(qtbot, view.capture_button)
    qtbot.waitUntil(lambda: "test capture:" in view.scanner_result.text(), timeout=WAIT_MS)
    assert "pixels at 500 dpi" in view.scanner_result.text()
    assert view.image.pixmap() is not None and not view.image.pixmap().isNull()


def test_a_fault_injected_into_the_simulator_shows_as_a_failure_and_among_the_last_errors(qtbot, kiosk):
    window, parts, view = _logged_in(qtbot, kiosk)
    parts.faults.add(Fault("messy"))  # the simulator's `--fault messy`: Img2Tz answers "too messy"
    tap(qtbot, view.capture_button)
    qtbot.waitUntil(lambda: "test capture:" in view.scanner_result.text(), timeout=WAIT_MS)
    result = view.scanner_result.text()
    assert "test capture" in view.error_list.text() and len(view.errors) == 1
    assert result.startswith("MISLUKT: test capture: IMG2TZ") and "too messy" in result
    tap(qtbot, view.logout_button)
    assert window.stack.currentWidget() is window.language
    assert not view.errors and view.health.text() == "" and view.image.pixmap().isNull()


def _rotations(parts) -> list:  # type: ignore[no-untyped-def]
    return [e for e in audit(parts) if e.kind is Kind.KEY_OPERATION and e.details.get("operation") == "rotate"]


def test_the_technician_rotates_the_keys_on_screen_after_confirming(qtbot, kiosk):
    _window, parts, view = _logged_in(qtbot, kiosk)
    assert "hoofdsleutel v1" in view.keys.text() and view.rotate_button.isVisible()
    tap(qtbot, view.rotate_button)
    assert view.confirm_rotation.isVisible() and not view.passphrase.isVisible()  # demo keys: no passphrase
    tap(qtbot, view.rotate_cancel_button)
    assert not view.confirm_rotation.isVisible() and not _rotations(parts)
    tap(qtbot, view.rotate_button)
    tap(qtbot, view.rotate_confirm_button)
    qtbot.waitUntil(lambda: "v2" in view.rotation_result.text(), timeout=WAIT_MS)
    assert "hoofdsleutel v2" in view.keys.text() and "gallery v2" in view.keys.text()
    assert view.rotation_result.text().startswith("Sleutels vernieuwd om ") and view.rotate_button.isEnabled()
    tech = on_engine(parts, lambda service: service.list_accounts(KEY_HOLDER))
    rotations = _rotations(parts)
    assert len(rotations) == 1 and rotations[0].actor == next(a.id for a in tech if a.name == "tech")
    assert rotations[0].details["master_version"] == 2


def test_an_officer_never_sees_the_rotate_button_and_a_rotation_asked_for_is_refused(qtbot, kiosk):
    window, parts = kiosk()
    add_accounts(parts)
    log_in(qtbot, window, "officer", PIN["officer"])
    assert window.stack.currentWidget() is window.staff_queue and not window.staff_technician.isVisible()
    window.technician_rotate_keys("")  # as if the signal came
    qtbot.waitUntil(lambda: window.staff_technician.rotation_result.text() != "", timeout=WAIT_MS)
    assert "officer" in window.staff_technician.rotation_result.text() and not _rotations(parts)
    assert on_engine(parts, lambda service: service.store.cipher.keyring.master_version) == 1


def test_staff_switch_to_large_text_on_their_own_screen_and_the_next_participant_starts_without_it(qtbot, kiosk):
    from kiosk.ui.layout_check import layout_problems

    window, _parts, view = _logged_in(qtbot, kiosk)
    assert not window.theme.large_text and view.large_text_button.isVisible()
    assert view.large_text_button.accessibleName() == "Grote letters"
    tap(qtbot, view.large_text_button)
    assert window.theme.large_text and all(v.large_text_button.isChecked() for v in window.staff_views)
    qtbot.waitUntil(lambda: view.capture_button.y() > view.self_test_button.y(), timeout=WAIT_MS)  # one below
    qtbot.wait(200)  # the layout passes after the new text sizes
    assert layout_problems(view) == []
    tap(qtbot, view.logout_button)
    assert window.stack.currentWidget() is window.language and not window.theme.large_text
    assert not view.large_text_button.isChecked()
