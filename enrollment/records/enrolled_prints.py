"""The prints the kiosk holds, read from the intake record: the gallery's source and the V-number's prints.

Only captures with a template of intakes whose participant gave consent count. (Encryption of templates at rest
arrives with the encrypted gallery; this module is where decryption will happen, so callers don't change.)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from enrollment.records.models import CaptureRow, ConsentRecord, Intake
from enrollment.records.vocabulary import ConsentDecision
from enrollment.template import Template, deserialize
from enrollment.values.vnumber import VNumber


@dataclass(frozen=True)
class EnrolledPrint:
    person_id: str
    intake_id: str
    location_id: str
    finger_position: int
    template: Template


def _consented(query):  # type: ignore[no-untyped-def]
    return query.where(
        select(ConsentRecord.id)
        .where(ConsentRecord.intake_id == Intake.id, ConsentRecord.decision == ConsentDecision.GIVEN)
        .exists()
    )


def enrolled_prints(session: Session, *, exclude_intake: str | None = None) -> Iterator[EnrolledPrint]:
    """Every consented print in the record (for building the 1:N gallery index)."""
    query = (
        select(CaptureRow.template, CaptureRow.finger_position, Intake.person_id, Intake.id, Intake.location_id)
        .join(Intake, CaptureRow.intake_id == Intake.id)
        .where(CaptureRow.template.is_not(None))
    )
    if exclude_intake:
        query = query.where(Intake.id != exclude_intake)
    for blob, position, person_id, intake_id, location_id in session.execute(_consented(query)):
        yield EnrolledPrint(person_id, intake_id, location_id, position, deserialize(blob))


def prints_for_vnumber(session: Session, v_number: VNumber, *,
                       exclude_intake: str | None = None) -> dict[int, list[Template]]:
    """The prints held for a V-number, by finger position (for the 1:1 V-number check)."""
    query = (
        select(CaptureRow.template, CaptureRow.finger_position)
        .join(Intake, CaptureRow.intake_id == Intake.id)
        .where(CaptureRow.template.is_not(None), Intake.v_number == str(v_number))
    )
    if exclude_intake:
        query = query.where(Intake.id != exclude_intake)
    held: dict[int, list[Template]] = {}
    for blob, position in session.execute(_consented(query)):
        held.setdefault(position, []).append(deserialize(blob))
    return held
