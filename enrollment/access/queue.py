"""The staff queue: today's intakes at one kiosk, one row each, shaped for the role that asks.

The officer's row names the intake's state (:class:`IntakeState`); the intake worker's row holds only whether the
intake may proceed and why not (:class:`~enrollment.access.views.ProceedAnswer`): no state that tells a hit from
a V-number mismatch, no candidate, no biometric data. Rows are oldest first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from enrollment.access import decisions
from enrollment.access.roles import Role
from enrollment.access.sessions import as_utc
from enrollment.access.views import ProceedAnswer
from enrollment.records.models import Intake
from enrollment.records.vocabulary import ConsentDecision, IdentificationDecision


class IntakeState(StrEnum):
    WAITING = "waiting"  # no identification result yet
    DECLINED = "declined"  # the person refused (or withdrew) consent to the fingerprint check
    NO_PRINTS = "no-prints"  # the check was not performed: no usable prints, or biometrics off
    HIT = "hit"
    VNUMBER_MISMATCH = "vnumber-mismatch"
    NO_HIT = "no-hit"
    VNUMBER_CONFIRMED = "vnumber-confirmed"


_STATE = {IdentificationDecision.HIT: IntakeState.HIT,
          IdentificationDecision.VNUMBER_MISMATCH: IntakeState.VNUMBER_MISMATCH,
          IdentificationDecision.NO_HIT: IntakeState.NO_HIT,
          IdentificationDecision.VNUMBER_CONFIRMED: IntakeState.VNUMBER_CONFIRMED,
          IdentificationDecision.NOT_PERFORMED: IntakeState.NO_PRINTS}


@dataclass(frozen=True)
class QueueRow:
    intake_id: str
    started_at: datetime
    proceed: ProceedAnswer
    state: IntakeState | None  # None for the intake worker


def state_of(intake: Intake) -> IntakeState:
    consents = intake.consents
    if consents and consents[-1].decision is not ConsentDecision.GIVEN:
        return IntakeState.DECLINED
    latest = decisions.latest_identification(intake)
    return IntakeState.WAITING if latest is None else _STATE[latest.decision]


def rows(session: Session, role: Role, *, kiosk_id: str, day_start: datetime) -> list[QueueRow]:
    """The intakes ``kiosk_id`` started on the day that begins at ``day_start`` (UTC), as ``role`` sees them."""
    day_end = day_start + timedelta(days=1)
    found = session.scalars(select(Intake).where(Intake.kiosk_id == kiosk_id, Intake.started_at >= day_start,
                                                 Intake.started_at < day_end).order_by(Intake.started_at)).all()
    return [QueueRow(intake.id, as_utc(intake.started_at),
                     ProceedAnswer(intake.id, decisions.proceed_reason(session, intake)),
                     state_of(intake) if role is Role.OFFICER else None)
            for intake in found]
