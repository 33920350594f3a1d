"""Decisions on a duplicate hit at the service layer: an override takes effect only when a second, different
officer confirms it; both steps are audited; the same officer confirming is refused."""

from __future__ import annotations

import pytest

from enrollment.access.errors import FourEyesRefused, NotFound
from enrollment.access.views import ProceedReason
from enrollment.audit.entries import Kind, Outcome
from enrollment.records.vocabulary import IdentificationDecision, OfficerDecision
from tests.enrollment.access.conftest import CANDIDATE, PIN, VNUMBER, entries, make_intake, raw_log


@pytest.fixture
def officers(service):  # type: ignore[no-untyped-def]
    return service.login("officer", PIN["officer"]), service.login("officer2", PIN["officer2"])


@pytest.fixture
def worker(service):  # type: ignore[no-untyped-def]
    return service.login("worker", PIN["worker"])


@pytest.mark.parametrize("override", [OfficerDecision.DIFFERENT_PERSON, OfficerDecision.PROCEED])
def test_an_override_of_a_hit_takes_effect_only_when_a_second_officer_confirms(service, log, clock, hit, officers,
                                                                               worker, override):
    first, second = officers
    decided = service.record_decision(first, hit, override, "scars on both fingers, other person")
    assert decided.needs_second_officer and not decided.in_force and decided.confirmed_by is None
    assert service.intake_status(worker, hit).reason is ProceedReason.AWAITING_SECOND_OFFICER
    assert not service.intake_status(worker, hit).may_proceed
    with pytest.raises(FourEyesRefused, match="second officer, not by the one who made it"):
        service.confirm_decision(first, decided.decision_id)
    assert service.intake_status(worker, hit).reason is ProceedReason.AWAITING_SECOND_OFFICER
    clock.advance(minutes=1)
    confirmed = service.confirm_decision(second, decided.decision_id)
    assert confirmed.in_force and confirmed.confirmed_by == second.account_id
    assert service.intake_status(worker, hit).reason is ProceedReason.CLEARED_BY_OFFICER
    assert service.intake_status(worker, hit).may_proceed
    with pytest.raises(FourEyesRefused, match="confirmed already"):
        service.confirm_decision(second, decided.decision_id)
    logged = [e for e in entries(log) if e.kind is Kind.DECISION]
    assert [(e.actor, e.outcome, e.details["step"]) for e in logged] == [
        (first.account_id, Outcome.OK, "decide"), (first.account_id, Outcome.REFUSED, "confirm"),
        (second.account_id, Outcome.OK, "confirm"), (second.account_id, Outcome.REFUSED, "confirm")]
    assert logged[0].subject == hit and logged[0].details["needs_second_officer"] is True
    assert logged[0].details["decision"] == override.value
    raw = raw_log(log)
    assert VNUMBER.encode() not in raw and CANDIDATE.encode() not in raw and b"scars" not in raw


def test_a_plain_decision_is_in_force_at_once_and_needs_no_confirmation(service, hit, officers, worker):
    first, second = officers
    decided = service.record_decision(first, hit, OfficerDecision.SAME_PERSON, "same person")
    assert decided.in_force and not decided.needs_second_officer
    assert service.intake_status(worker, hit).reason is ProceedReason.DUPLICATE_CONFIRMED
    with pytest.raises(FourEyesRefused, match="in force without a confirmation"):
        service.confirm_decision(second, decided.decision_id)


def test_the_decision_in_force_is_the_one_that_took_effect_last(service, clock, hit, officers, worker):
    first, second = officers
    override = service.record_decision(first, hit, OfficerDecision.DIFFERENT_PERSON)
    clock.advance(minutes=1)
    service.record_decision(second, hit, OfficerDecision.REFER_TO_LSO)
    assert service.intake_status(worker, hit).reason is ProceedReason.REFERRED_TO_LSO
    clock.advance(minutes=1)
    service.confirm_decision(second, override.decision_id)
    assert service.intake_status(worker, hit).reason is ProceedReason.CLEARED_BY_OFFICER
    evidence = service.view_evidence(first, hit)
    assert [d.in_force for d in evidence.decisions] == [True, False]


def test_proceeding_without_a_hit_needs_no_second_officer(service, store, officers, worker):
    first, _second = officers
    mismatch = make_intake(store, IdentificationDecision.VNUMBER_MISMATCH)
    assert service.intake_status(worker, mismatch).reason is ProceedReason.AWAITING_OFFICER
    decided = service.record_decision(first, mismatch, OfficerDecision.PROCEED)
    assert decided.in_force and not decided.needs_second_officer


def test_unknown_intakes_and_decisions_are_refused(service, officers, worker):
    first, second = officers
    with pytest.raises(NotFound, match="no intake"):
        service.record_decision(first, "no-such-intake", OfficerDecision.PROCEED)
    with pytest.raises(NotFound, match="no decision"):
        service.confirm_decision(second, "no-such-decision")
    with pytest.raises(NotFound, match="no intake"):
        service.intake_status(worker, "no-such-intake")
