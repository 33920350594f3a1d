"""Contra-indication flags on an intake, for the LSO, inside a caller's transaction.

A flag is set (a row with who and when) and cleared (the row's ``cleared_by`` and ``cleared_at``) only by an
officer through :meth:`enrollment.access.service.AccessService.record_decision`; nothing the machine runs sets or
clears one. A flag is never a refusal: the LSO may make an exception.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy.orm import Session

from enrollment.records.models import ContraIndicationFlag, Intake
from enrollment.records.vocabulary import ContraIndication


def in_force(intake: Intake) -> frozenset[ContraIndication]:
    """The flags set on ``intake`` and not cleared."""
    return frozenset(row.flag for row in intake.flags if row.cleared_by is None)


def set_exactly(session: Session, intake: Intake, wanted: Iterable[ContraIndication], *, officer_id: str,
                now: datetime) -> tuple[list[ContraIndication], list[ContraIndication]]:
    """Make ``wanted`` the flags in force on ``intake``: each new one set, each other one cleared, by
    ``officer_id`` at ``now``; returns (set, cleared), each sorted."""
    wanted = frozenset(ContraIndication(flag) for flag in wanted)
    current = in_force(intake)
    added = sorted(wanted - current)
    cleared = sorted(current - wanted)
    for flag in added:
        session.add(ContraIndicationFlag(intake=intake, flag=flag, recorded_by=officer_id, recorded_at=now))
    for row in intake.flags:
        if row.cleared_by is None and row.flag in cleared:
            row.cleared_by, row.cleared_at = officer_id, now
    session.flush()
    return added, cleared
