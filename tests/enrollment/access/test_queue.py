"""The staff queue at the service layer: the officer sees each intake's state, the intake worker only whether it
may proceed and why not; other kiosks' and other days' intakes are not in it; the idle check ends a session."""

from __future__ import annotations

from datetime import timedelta

import pytest

from enrollment.access.errors import RoleRefused
from enrollment.access.queue import IntakeState
from enrollment.access.views import ProceedReason
from enrollment.audit.entries import Kind
from enrollment.consent import consent_text
from enrollment.records import intakes
from enrollment.records.models import Intake
from enrollment.records.vocabulary import ConsentDecision, IdentificationDecision
from tests.enrollment.access.conftest import PIN, entries, make_intake

KIOSK = "zuil-rtd-01"


def _on_clock_day(store, clock, intake_id: str, **delta) -> None:  # type: ignore[no-untyped-def]
    with store.transaction() as s:
        s.get(Intake, intake_id).started_at = clock.now.replace(tzinfo=None) + timedelta(**delta)


@pytest.fixture
def today(store, clock):  # type: ignore[no-untyped-def]
    made = {decision: make_intake(store, decision) for decision in
            (IdentificationDecision.HIT, IdentificationDecision.VNUMBER_MISMATCH, IdentificationDecision.NO_HIT,
             IdentificationDecision.NOT_PERFORMED)}
    for minutes, intake_id in enumerate(made.values()):
        _on_clock_day(store, clock, intake_id, minutes=minutes)
    with store.transaction() as s:
        waiting = intakes.start_intake(s, location_id="rotterdam", kiosk_id=KIOSK, v_number=None)
        declined = intakes.start_intake(s, location_id="rotterdam", kiosk_id=KIOSK, v_number=None)
        shown = consent_text("nl")
        intakes.record_consent(s, declined, language="nl", text_version=shown.version, text=shown.text,
                               decision=ConsentDecision.REFUSED, refusal_reason="other")
        elsewhere = intakes.start_intake(s, location_id="rotterdam", kiosk_id="zuil-other", v_number=None)
        waiting_id, declined_id, elsewhere_id = waiting.id, declined.id, elsewhere.id
    _on_clock_day(store, clock, waiting_id, minutes=10)
    _on_clock_day(store, clock, declined_id, minutes=11)
    _on_clock_day(store, clock, elsewhere_id, minutes=12)
    yesterday = make_intake(store)
    _on_clock_day(store, clock, yesterday, days=-1)
    return [*made.values(), waiting_id, declined_id]


def test_the_officer_sees_each_intake_of_today_at_this_kiosk_with_its_state(service, today, log):
    officer = service.login("officer", PIN["officer"])
    rows = service.intake_queue(officer, KIOSK)
    assert [row.intake_id for row in rows] == today
    assert [row.state for row in rows] == [IntakeState.HIT, IntakeState.VNUMBER_MISMATCH, IntakeState.NO_HIT,
                                           IntakeState.NO_PRINTS, IntakeState.WAITING, IntakeState.DECLINED]
    assert [row.proceed.may_proceed for row in rows] == [False, False, True, True, False, False]
    assert not any(e.kind is Kind.EVIDENCE_VIEW for e in entries(log))  # the queue is no view of evidence


def test_the_intake_worker_sees_only_may_proceed_and_why_not(service, today):
    worker = service.login("worker", PIN["worker"])
    rows = service.intake_queue(worker, KIOSK)
    assert [row.intake_id for row in rows] == today
    assert {row.state for row in rows} == {None}
    assert rows[0].proceed.reason is ProceedReason.AWAITING_OFFICER and not rows[0].proceed.may_proceed
    with pytest.raises(RoleRefused):
        service.view_evidence(worker, rows[0].intake_id)


def test_the_technician_has_no_queue(service, today):
    with pytest.raises(RoleRefused):
        service.intake_queue(service.login("tech", PIN["tech"]), KIOSK)


def test_the_idle_check_ends_a_session_idle_past_its_limit_and_audits_it(service, clock, log):
    officer = service.login("officer", PIN["officer"])
    clock.advance(minutes=4)
    assert not service.idle_ended(officer)
    assert not service.idle_ended(officer)  # checking is no use: the idle time goes on
    clock.advance(minutes=2)
    assert service.idle_ended(officer)
    logouts = [e for e in entries(log) if e.kind is Kind.LOGOUT]
    assert len(logouts) == 1 and logouts[0].details["idle"] is True
    assert service.idle_ended(officer)


def test_a_confirmed_vnumber_after_a_hit_leaves_the_intake_a_hit_that_awaits_the_officer(service, store, clock):
    intake_id = make_intake(store, IdentificationDecision.HIT)
    _on_clock_day(store, clock, intake_id)  # the queue is the service clock's day, not the wall clock's
    with store.transaction() as s:
        intakes.add_identification(s, s.get(Intake, intake_id), decision=IdentificationDecision.VNUMBER_CONFIRMED,
                                   threshold_name="FMR_1_IN_10000", gallery_size=1, candidates=[])
    officer, worker = service.login("officer", PIN["officer"]), service.login("worker", PIN["worker"])
    assert [row.state for row in service.intake_queue(officer, KIOSK)] == [IntakeState.HIT]
    answer = service.intake_status(worker, intake_id)
    assert answer.reason is ProceedReason.AWAITING_OFFICER and not answer.may_proceed
