"""Intakes for the retention tests: consented (with prints, a V-number, an optional raw image), refused, or
withdrawn, each with the times the purge reads set where the store lets them be set (consent records are immutable:
they carry the time they were made; the tests move the purge's clock instead)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import update

from enrollment.consent import consent_text
from enrollment.records import consents, intakes
from enrollment.records.locations import DEFAULT_LOCATIONS
from enrollment.records.models import CaptureRow, Intake, Person
from enrollment.records.store import RecordStore
from enrollment.template import Template, serialize
from enrollment.values.vnumber import parse_vnumber

STROKES = [[(0.1234, 0.5678), (0.2468, 0.1357)]]
V_NUMBERS = ["1234567890", "2345678901", "3456789012", "4567890123", "5678901234", "6789012345", "7890123456"]


def template(seed: int) -> bytes:
    positions = [[10 + seed + 7 * i, 20 + 5 * i] for i in range(14)]
    return serialize(Template.create(width=300, height=400, positions=positions,
                                     directions=[0.1 * i for i in range(14)], quality=60, finger_position=2))


def consented(rs: RecordStore, seed: int, *, started: datetime | None = None, person_of: str | None = None,
              v_number: str | None = None, image: bytes | None = None, captured: datetime | None = None) -> str:
    """A consented intake with two prints; ``person_of`` another intake's id: the same person."""
    from enrollment.records.intake_reads import person_id_of

    with rs.transaction() as s:
        intakes.sync_locations(s, DEFAULT_LOCATIONS)
        person = s.get(Person, person_id_of(s, s.get(Intake, person_of))) if person_of else None
        intake = intakes.start_intake(s, location_id="utrecht", kiosk_id="k", person=person,
                                      v_number=parse_vnumber(v_number) if v_number else None)
        consents.record_consent(s, intake, consent_text("en"), signature_strokes=STROKES)
        for position in (2, 7):
            intakes.add_capture(s, intake, finger_position=position, quality=50, template=template(seed + position),
                                device_id="sim", image=image)
        intakes.finish_intake(s, intake)
        if started is not None:
            intake.started_at = started
        if captured is not None:
            s.flush()
            s.execute(update(CaptureRow).where(CaptureRow.intake_id == intake.id).values(captured_at=captured))
        return intake.id


def refused(rs: RecordStore, *, started: datetime | None = None) -> str:
    with rs.transaction() as s:
        intakes.sync_locations(s, DEFAULT_LOCATIONS)
        intake = intakes.start_intake(s, location_id="emmen", kiosk_id="k", v_number=None)
        consents.record_refusal(s, intake, consent_text("en"), reason="I do not want to")
        intakes.finish_intake(s, intake)
        if started is not None:
            intake.started_at = started
        return intake.id


def withdrawn(rs: RecordStore, seed: int) -> str:
    intake_id = consented(rs, seed)
    with rs.transaction() as s:
        consents.withdraw_consent(s, intake_id)
    return intake_id


def days_before(now: datetime, days: float) -> datetime:
    return now - timedelta(days=days)
