"""Whole intakes through the kiosk window, the real flow, the device worker and the simulated scanner on a pty."""

from __future__ import annotations

from sqlalchemy import select

from drivers.errors import MessyImageError
from enrollment.records.models import CaptureRow, ConsentRecord, IdentificationResult, Intake
from enrollment.records.sealed_text import consent_reason
from kiosk.demo import synthetic_vnumber
from kiosk.flow import Step
from kiosk.ui.app import DEMO_SEED
from kiosk.ui.screens.desk import DECLINED, SCANNER
from tests.kiosk.ui.conftest import WAIT_MS, choose, in_record, tap, type_digits

VNUMBER = str(synthetic_vnumber(DEMO_SEED))
WORDS_OF_A_RESULT = ("match", "hit", "found", "before", "gevonden", "eerder")


def _to_capture(qtbot, window, language: str = "Nederlands") -> None:  # type: ignore[no-untyped-def]
    choose(qtbot, window, language)
    assert window.stack.currentWidget() is window.information
    tap(qtbot, window.information.next_button)
    tap(qtbot, window.consent.yes)
    type_digits(qtbot, window, VNUMBER)
    assert window.stack.currentWidget() is window.capture


def _visible_text(window) -> str:  # type: ignore[no-untyped-def]
    return window.current_screen().spoken_text().lower()


def test_a_dutch_intake_reaches_the_receipt_and_is_stored_in_dutch(qtbot, kiosk):
    window, parts = kiosk()
    _to_capture(qtbot, window)
    assert window.capture.title.text() == "Leg uw vinger op de scanner"  # the Dutch .qm is installed
    qtbot.waitUntil(lambda: window.flow.step is Step.RECEIPT, timeout=WAIT_MS)
    assert window.stack.currentWidget() is window.receipt
    number = window.receipt_number
    rows = in_record(parts, lambda s: s.execute(select(ConsentRecord.language, ConsentRecord.decision).join(
        Intake).where(Intake.id == number)).all())
    assert [(lang, decision.value) for lang, decision in rows] == [("nl", "given")]
    prints = in_record(parts, lambda s: s.query(CaptureRow).filter(CaptureRow.intake_id == number,
                                                                   CaptureRow.template_sealed.is_not(None)).count())
    assert prints == 2 * 3  # two fingers, three impressions each
    tap(qtbot, window.receipt.done)
    assert window.flow.step is Step.LANGUAGE and window.stack.currentWidget() is window.language


def test_the_information_screen_shows_the_consent_text_of_the_chosen_language(qtbot, kiosk):
    from enrollment.consent import consent_text

    window, _ = kiosk()
    choose(qtbot, window, "Nederlands")
    shown = window.information.heading.text() + "\n" + window.information.text.text()
    assert shown == consent_text("nl").text


def test_the_returning_person_sees_only_the_receipt_and_go_to_the_desk(qtbot, kiosk):
    window, parts = kiosk(returning=True)
    _to_capture(qtbot, window, "English")
    qtbot.waitUntil(lambda: window.flow.step is Step.RECEIPT, timeout=WAIT_MS)
    text = _visible_text(window)
    assert "go to the desk" in text
    assert not any(word in text for word in WORDS_OF_A_RESULT), text
    number = window.receipt_number
    decisions = in_record(parts, lambda s: s.scalars(select(IdentificationResult.decision).where(
        IdentificationResult.intake_id == number)).all())
    assert "hit" in {d.value for d in decisions}  # the officer sees it later


def test_declining_leads_to_the_desk_with_the_refusal_recorded(qtbot, kiosk):
    window, parts = kiosk()
    choose(qtbot, window, "English")
    tap(qtbot, window.information.next_button)
    tap(qtbot, window.consent.no)
    assert window.stack.currentWidget() is window.refusal
    tap(qtbot, window.refusal.buttons[1])
    tap(qtbot, window.vnumber.none_button)
    qtbot.waitUntil(lambda: window.flow.step is Step.RECEIPT, timeout=WAIT_MS)
    assert window.stack.currentWidget() is window.desk and window.desk.reason == DECLINED
    assert "please go to the desk" in _visible_text(window)
    number = window.receipt_number
    rows = in_record(parts, lambda s: [(c.decision.value, consent_reason(s, c)) for c in s.scalars(
        select(ConsentRecord).where(ConsentRecord.intake_id == number))])
    assert rows == [("refused", "worried about what happens with the data")]


def test_a_scanner_fault_mid_capture_shows_the_encouraging_message_and_goes_on(qtbot, kiosk):
    window, parts = kiosk()
    parts.faults.add("messy")
    _to_capture(qtbot, window, "English")
    qtbot.waitUntil(lambda: window.capture.message.isVisible(), timeout=WAIT_MS)
    assert window.capture.message.text() == MessyImageError.user_message
    qtbot.waitUntil(lambda: window.flow.step is Step.RECEIPT, timeout=WAIT_MS)
    assert sum(o.failures for o in window.flow.outcomes.values()) == 1


def test_a_finger_that_cannot_be_given_is_skipped_and_the_intake_goes_on(qtbot, kiosk):
    window, _ = kiosk()
    _to_capture(qtbot, window, "English")
    first = window.flow.current_finger
    tap(qtbot, window.capture.skip)
    assert window.flow.outcomes[first].skipped_reason == "the person cannot give this finger"
    assert window.flow.current_finger != first
    qtbot.waitUntil(lambda: window.flow.step is Step.RECEIPT, timeout=WAIT_MS)
    assert window.stack.currentWidget() is window.receipt


def test_the_scanner_unplugged_shows_the_desk_and_the_kiosk_goes_on_when_it_returns(qtbot, kiosk):
    window, parts = kiosk()
    parts.faults.add("unplug:after=3")
    _to_capture(qtbot, window, "English")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.desk, timeout=WAIT_MS)
    assert window.desk.reason == SCANNER and not window.desk.done.isVisible()
    parts.manager.simulator.plug()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.capture, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.flow.step is Step.RECEIPT, timeout=WAIT_MS)
    assert all(o.failures == 0 for o in window.flow.outcomes.values())  # not the person's failure


def test_idle_warns_offers_more_time_then_discards_the_partial_intake(qtbot, kiosk):
    window, parts = kiosk(idle_timeout_s=0.3, idle_warning_s=1)
    choose(qtbot, window, "English")
    tap(qtbot, window.information.next_button)
    qtbot.waitUntil(window.idle.isVisible, timeout=WAIT_MS)
    tap(qtbot, window.idle.button)
    assert not window.idle.isVisible() and window.stack.currentWidget() is window.consent
    abandoned = window.flow
    qtbot.waitUntil(window.idle.isVisible, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.flow is not abandoned, timeout=WAIT_MS)
    assert abandoned.step is Step.CANCELLED
    assert window.stack.currentWidget() is window.language and not window.idle.isVisible()
    stored = in_record(parts, lambda s: s.query(Intake).filter(Intake.kiosk_id == parts.recorder.site.kiosk_id).count())
    assert stored == 0


def test_no_finger_within_the_capture_time_is_no_attempt_and_a_person_who_left_is_not_recorded(qtbot, kiosk):
    window, parts = kiosk(idle_timeout_s=4.0, idle_warning_s=1, capture_timeout_s=1.0)
    parts.faults.add("no_finger:times=1000000")
    _to_capture(qtbot, window, "English")
    qtbot.waitUntil(window.capture.message.isVisible, timeout=WAIT_MS)  # "We did not see a finger in time ..."
    abandoned = window.flow
    qtbot.waitUntil(lambda: window.flow is not abandoned, timeout=WAIT_MS)
    assert abandoned.step is Step.CANCELLED
    assert all(o.attempts == 0 for o in abandoned.outcomes.values())


def _whole_intake_checking_each_screen(qtbot, window, language: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Drive one intake to the receipt (the screens' own buttons, the simulated scanner), checking the layout of
    every screen on the way; returns the problems found."""
    from kiosk.ui.layout_check import layout_problems

    problems: list[str] = []

    def check() -> None:
        screen = window.current_screen()
        problems.extend(f"{screen.name}: {p}" for p in layout_problems(screen))

    check()  # the language screen
    choose(qtbot, window, language)
    check()
    tap(qtbot, window.information.next_button)
    check()
    tap(qtbot, window.consent.yes)
    check()
    type_digits(qtbot, window, VNUMBER)
    check()
    qtbot.waitUntil(lambda: window.flow.step is Step.RECEIPT, timeout=WAIT_MS)
    check()
    return problems


def test_an_arabic_intake_runs_right_to_left_to_the_receipt_and_is_stored_in_arabic(qtbot, kiosk):
    from PySide6.QtCore import Qt

    window, parts = kiosk()
    problems = _whole_intake_checking_each_screen(qtbot, window, "العربية")
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert problems == []
    number = window.receipt_number
    rows = in_record(parts, lambda s: s.execute(select(ConsentRecord.language, ConsentRecord.text_sha256).join(
        Intake).where(Intake.id == number)).all())
    from enrollment.consent import consent_text
    from enrollment.records.consents import text_digest

    assert rows == [("ar", text_digest(consent_text("ar").text))]  # the record names the Arabic text shown
    tap(qtbot, window.receipt.done)
    assert window.flow.step is Step.LANGUAGE


def test_a_large_text_intake_reaches_the_receipt_with_nothing_clipped(qtbot, kiosk):
    window, parts = kiosk(large_text=True)
    assert _whole_intake_checking_each_screen(qtbot, window, "Nederlands") == []
    number = window.receipt_number
    assert in_record(parts, lambda s: s.query(CaptureRow).filter(CaptureRow.intake_id == number,
                                                                 CaptureRow.template_sealed.is_not(None)).count()) == 6
