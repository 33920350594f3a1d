"""Officers' decisions on an intake and the four-eyes rule, inside a caller's transaction.

A decision that overrides a duplicate hit (``proceed`` or ``different_person`` while the intake's latest
identification is a hit) is stored with a :class:`~enrollment.records.models.DecisionConfirmation` and takes
effect only when a second, different officer confirms it. The decision in force is the one that took effect
last (a plain decision when it was recorded, an override when it was confirmed).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import StrEnum

from sqlalchemy.orm import Session

from enrollment.access.errors import FourEyesRefused, NotFound
from enrollment.access.sessions import as_utc
from enrollment.access.views import DecisionView, ProceedReason
from enrollment.records import intakes
from enrollment.records.models import DecisionConfirmation, IdentificationResult, Intake, OfficerDecisionRow
from enrollment.records.sealed_text import decision_reason
from enrollment.records.vocabulary import IdentificationDecision, OfficerDecision

OVERRIDES = frozenset({OfficerDecision.PROCEED, OfficerDecision.DIFFERENT_PERSON})
FINDINGS_AN_OVERRIDE_NEEDS_FOUR_EYES = frozenset({IdentificationDecision.HIT})
_CLEARED = {OfficerDecision.PROCEED: ProceedReason.CLEARED_BY_OFFICER,
            OfficerDecision.DIFFERENT_PERSON: ProceedReason.CLEARED_BY_OFFICER,
            OfficerDecision.CORRECT_VNUMBER: ProceedReason.CLEARED_BY_OFFICER,
            OfficerDecision.SAME_PERSON: ProceedReason.DUPLICATE_CONFIRMED,
            OfficerDecision.REFER_TO_LSO: ProceedReason.REFERRED_TO_LSO}


class DecisionStep(StrEnum):
    DECIDE = "decide"  # a decision recorded (in force at once, or awaiting a second officer)
    CONFIRM = "confirm"  # a second officer's confirmation of an override: it takes effect now


DecisionHook = Callable[[Session, OfficerDecisionRow, DecisionStep], None]
"""Called in the transaction that records a step, before it commits (the kiosk appends the step's envelope to
its outbox here); what it raises undoes the step."""


def intake_named(session: Session, intake_id: str) -> Intake:
    intake = session.get(Intake, intake_id) if isinstance(intake_id, str) else None
    if intake is None:
        raise NotFound(f"no intake {intake_id!r}")
    return intake


FINDINGS_FOR_AN_OFFICER = frozenset({IdentificationDecision.HIT, IdentificationDecision.VNUMBER_MISMATCH})


def latest_identification(intake: Intake) -> IdentificationResult | None:
    """The identification that governs the intake: the latest hit or V-number mismatch where there is one (an
    intake holds both a 1:N search and a V-number check, and a confirmed V-number does not clear a 1:N hit),
    else the latest result."""
    serious = [r for r in intake.identifications if r.decision in FINDINGS_FOR_AN_OFFICER]
    return max(serious or intake.identifications, key=lambda r: as_utc(r.created_at), default=None)


def needs_second_officer(intake: Intake, decision: OfficerDecision) -> bool:
    latest = latest_identification(intake)
    return decision in OVERRIDES and latest is not None and latest.decision in FINDINGS_AN_OVERRIDE_NEEDS_FOUR_EYES


def record(session: Session, intake: Intake, *, officer_id: str, decision: OfficerDecision, reason: str | None,
           now: datetime) -> OfficerDecisionRow:
    decision = OfficerDecision(decision)
    row = intakes.add_officer_decision(session, intake, officer_id=officer_id, role="officer", decision=decision,
                                       reason=reason)
    row.decided_at = now
    if needs_second_officer(intake, decision):
        session.add(DecisionConfirmation(decision_id=row.id))
    session.flush()
    return row


def confirm(session: Session, decision_id: str, *, officer_id: str, now: datetime) -> OfficerDecisionRow:
    row = session.get(OfficerDecisionRow, decision_id) if isinstance(decision_id, str) else None
    if row is None:
        raise NotFound(f"no decision {decision_id!r}")
    pending = session.get(DecisionConfirmation, decision_id)
    if pending is None:
        raise FourEyesRefused(f"decision {decision_id} is in force without a confirmation")
    if pending.confirmed_by is not None:
        raise FourEyesRefused(f"decision {decision_id} was confirmed already")
    if row.officer_id == officer_id:
        raise FourEyesRefused(f"decision {decision_id} must be confirmed by a second officer, not by the one who "
                              "made it")
    pending.confirmed_by, pending.confirmed_at = officer_id, now
    session.flush()
    return row


def views(session: Session, intake: Intake) -> list[DecisionView]:
    """Every decision on ``intake``, oldest first, marked with whether it is the one in force."""
    rows = sorted(intake.decisions, key=lambda r: as_utc(r.decided_at))
    confirmations = {row.id: session.get(DecisionConfirmation, row.id) for row in rows}
    effective = {row.id: _took_effect(row, confirmations[row.id]) for row in rows}
    live = [row for row in rows if effective[row.id] is not None]
    current = max(live, key=lambda r: effective[r.id]).id if live else None  # type: ignore[arg-type,return-value]
    return [DecisionView(row.id, row.officer_id, row.decision, decision_reason(session, row), as_utc(row.decided_at),
                         confirmations[row.id] is not None,
                         confirmations[row.id].confirmed_by if confirmations[row.id] else None, row.id == current)
            for row in rows]


def _took_effect(row: OfficerDecisionRow, pending: DecisionConfirmation | None) -> datetime | None:
    if pending is None:
        return as_utc(row.decided_at)
    return as_utc(pending.confirmed_at) if pending.confirmed_at is not None else None


def proceed_reason(session: Session, intake: Intake) -> ProceedReason:
    latest = latest_identification(intake)
    if latest is None:
        return ProceedReason.NOT_CHECKED_YET
    if latest.decision in (IdentificationDecision.NO_HIT, IdentificationDecision.VNUMBER_CONFIRMED):
        return ProceedReason.NO_MATCH
    if latest.decision is IdentificationDecision.NOT_PERFORMED:
        return ProceedReason.NOT_PERFORMED
    decided = views(session, intake)
    in_force = next((d for d in decided if d.in_force), None)
    if in_force is not None:
        return _CLEARED[in_force.decision]
    if any(d.needs_second_officer and d.confirmed_by is None for d in decided):
        return ProceedReason.AWAITING_SECOND_OFFICER
    return ProceedReason.AWAITING_OFFICER

