"""A kiosk that restarts mid-intake goes on where it stopped: the window dropped part-way through a Dutch intake, a new
one built on the same data folder resumes it at the same finger, in Dutch, and stores one whole intake."""

from __future__ import annotations

from sqlalchemy import select

from enrollment.records.models import CaptureRow, ConsentRecord, Intake
from kiosk.flow import Step
from kiosk.pending_intake import FILE_NAME
from tests.kiosk.ui.conftest import WAIT_MS, choose, in_record, tap
from tests.kiosk.ui.test_accessibility import needs_sound_tools
from tests.kiosk.ui.test_intakes_on_screen import VNUMBER, _to_capture


def _drained(parts) -> None:  # type: ignore[no-untyped-def]
    """Everything the engine was given (the last snapshot kept) has run."""
    parts.engine.submit(lambda: None).result(WAIT_MS / 1000)


def test_a_restart_mid_capture_resumes_at_the_same_finger_in_dutch_and_stores_one_intake(qtbot, kiosk):
    window, parts = kiosk()
    _to_capture(qtbot, window)
    first = window.flow.fingers[0]
    qtbot.waitUntil(lambda: window.flow.outcomes[first].complete, timeout=WAIT_MS)
    parts.controller.blockSignals(True)  # the process "dies": nothing reaches the flow from here on
    window.shutdown()
    _drained(parts)
    flow = window.flow
    where = (flow.step, flow.current_finger, {p: len(o.impressions) for p, o in flow.outcomes.items()})
    assert where[0] is Step.CAPTURE
    snapshot = (parts.recorder.site.data_dir / FILE_NAME).read_bytes()
    assert VNUMBER.encode() not in snapshot
    assert all(i.template not in snapshot for o in flow.outcomes.values() for i in o.impressions)

    again, parts_again = kiosk()  # the kiosk restarted on the same data folder
    qtbot.waitUntil(lambda: again.flow.step is not Step.LANGUAGE, timeout=WAIT_MS)
    resumed = again.flow
    assert (resumed.intake_id, resumed.language, str(resumed.vnumber)) == (flow.intake_id, "nl", VNUMBER)
    assert (resumed.step, resumed.current_finger,
            {p: len(o.impressions) for p, o in resumed.outcomes.items()}) == where
    assert again.stack.currentWidget() is again.capture
    assert again.capture.title.text() == "Leg uw vinger op de scanner"  # the participant's language again
    assert again.resumed_note.isVisibleTo(again)
    assert again.resumed_note.text() == "De zuil is opnieuw gestart. U kunt verder waar u was."

    qtbot.waitUntil(lambda: again.flow.step is Step.RECEIPT, timeout=WAIT_MS)
    assert again.receipt_number == flow.intake_id
    kiosk_id = parts_again.recorder.site.kiosk_id
    assert in_record(parts_again, lambda s: s.scalars(select(Intake.id).where(Intake.kiosk_id == kiosk_id)).all()) \
        == [flow.intake_id]
    rows = in_record(parts_again, lambda s: s.execute(select(ConsentRecord.language, ConsentRecord.decision)
                                                      .where(ConsentRecord.intake_id == flow.intake_id)).all())
    assert [(language, decision.value) for language, decision in rows] == [("nl", "given")]
    prints = in_record(parts_again, lambda s: s.query(CaptureRow).filter(
        CaptureRow.intake_id == flow.intake_id, CaptureRow.template_sealed.is_not(None)).count())
    assert prints == 2 * 3  # both fingers, three impressions each: the ones before the restart and after
    assert not (parts_again.recorder.site.data_dir / FILE_NAME).exists()  # stored: nothing left to resume


def test_a_partial_intake_that_is_discarded_leaves_nothing_to_resume(qtbot, kiosk):
    window, parts = kiosk(idle_timeout_s=0.3, idle_warning_s=1)
    kept = parts.recorder.site.data_dir / FILE_NAME
    choose(qtbot, window, "English")
    tap(qtbot, window.information.next_button)
    _drained(parts)
    assert kept.exists()  # kept after each step
    abandoned = window.flow
    qtbot.waitUntil(lambda: window.flow is not abandoned, timeout=WAIT_MS)  # the idle timeout discards it
    _drained(parts)
    assert abandoned.step is Step.CANCELLED and not kept.exists()


@needs_sound_tools
def test_the_restart_line_is_said_first_on_the_screen_an_intake_resumes_at(qtbot, kiosk):
    window, parts = kiosk()
    choose(qtbot, window, "Nederlands")
    _drained(parts)
    window.shutdown()  # the kiosk "dies" on the information screen
    again, _ = kiosk(speech=True)
    qtbot.waitUntil(lambda: again.speech.last is not None and again.speech.last.message_id == "information"
                    and again.resumed_note.isVisible(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: again.speech.last.parts[0][1].startswith(again.resumed_note.text()), timeout=WAIT_MS)
    language, text = again.speech.last.parts[0]
    assert language == "nl" and text == f"{again.resumed_note.text()}\n{again.information.spoken_text()}"
