"""Writing the intake record: the operations the kiosk flow performs, each inside a caller's transaction.

Consent records are written by :mod:`enrollment.records.consents` (``record_consent`` here hands over to it).
These functions validate their input (V-number, location, finger position, consent fields) and raise typed
errors before anything is written, so a refused call leaves the store as it was. Templates, images, the V-number,
the intake's person, the identification candidates and an officer's reason or note are written sealed with the
session's keys (:mod:`enrollment.records.field_cipher`); :mod:`enrollment.records.intake_reads` and
:mod:`enrollment.records.sealed_text` open them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from enrollment.errors import LocationError, StorageError
from enrollment.records import consents
from enrollment.records.field_cipher import Field, cipher_of
from enrollment.records.intake_reads import linked_person_ids
from enrollment.records.locations import Location
from enrollment.records.models import (
    CaptureRow,
    ConsentRecord,
    ContraIndicationFlag,
    IdentificationResult,
    Intake,
    LocationRow,
    OfficerDecisionRow,
    Person,
    new_id,
    utcnow,
)
from enrollment.records.sealed_text import DECISION_REASON, FLAG_NOTE, seal_text
from enrollment.records.vocabulary import (
    ConsentDecision,
    ContraIndication,
    IdentificationDecision,
    IntakeStatus,
    OfficerDecision,
    Outcome,
)
from enrollment.values.vnumber import VNumber

text_digest = consents.text_digest  # where callers of this module have found it


def sync_locations(session: Session, locations: Iterable[Location]) -> None:
    """Make the locations table hold the configured locations (added or renamed; never deleted)."""
    for loc in locations:
        row = session.get(LocationRow, loc.id)
        if row is None:
            session.add(LocationRow(id=loc.id, name=loc.name, region=loc.region))
        else:
            row.name, row.region = loc.name, loc.region


def start_intake(session: Session, *, location_id: str, kiosk_id: str, v_number: VNumber | None,
                 person: Person | None = None, biometrics_enabled: bool = True, intake_id: str | None = None) -> Intake:
    """Open an intake for a new (or a known, pseudonymous) person. ``v_number=None`` means explicitly none;
    ``intake_id`` is the id the caller chose for it (default: a new one)."""
    if session.get(LocationRow, location_id) is None:
        raise LocationError(f"location {location_id!r} is not configured on this kiosk")
    if v_number is not None and not isinstance(v_number, VNumber):
        raise StorageError("v_number must be a parsed VNumber or None (use parse_vnumber)")
    cipher = cipher_of(session)
    person = person or Person()
    if person.id is None:
        person.id = new_id()
    intake_id = intake_id or new_id()
    sealed_v = cipher.seal(Field("intakes", intake_id, "v_number_sealed"), str(v_number).encode()) \
        if v_number is not None else None
    intake = Intake(id=intake_id, person_sealed=cipher.seal(Field("intakes", intake_id, "person_sealed"),
                                                            person.id.encode()),
                    location_id=location_id, kiosk_id=kiosk_id, has_v_number=int(v_number is not None),
                    v_number_sealed=sealed_v, v_number_hmac=cipher.vnumber_lookup(str(v_number)) if v_number else None,
                    biometrics_enabled=int(biometrics_enabled), status=IntakeStatus.OPEN)
    session.add_all([person, intake])
    session.flush()
    return intake


def record_consent(session: Session, intake: Intake, *, language: str, text_version: str, text: str,
                   decision: ConsentDecision, refusal_reason: str | None = None,
                   signature_strokes: Sequence[Sequence[tuple[float, float]]] | None = None) -> ConsentRecord:
    """The consent given or refused on ``text`` (:func:`enrollment.records.consents.record_decision`)."""
    return consents.record_decision(session, intake, language=language, text_version=text_version, text=text,
                                    decision=decision, reason=refusal_reason, signature_strokes=signature_strokes)


def add_capture(session: Session, intake: Intake, *, finger_position: int, quality: int, template: bytes | None,
                device_id: str, image: bytes | None = None, failure_reason: str | None = None) -> CaptureRow:
    if not 1 <= int(finger_position) <= 10:
        raise StorageError(f"finger position {finger_position} is not an ISO code 1..10")
    if not 0 <= int(quality) <= 100:
        raise StorageError(f"quality {quality} outside 0..100")
    cipher, row_id = cipher_of(session), new_id()
    sealed = {f"{name}_sealed": cipher.seal(Field("captures", row_id, f"{name}_sealed", intake.id), blob)
              for name, blob in (("template", template), ("image", image)) if blob is not None}
    row = CaptureRow(id=row_id, intake=intake, finger_position=int(finger_position), quality=int(quality),
                     device_id=device_id[:80], failure_reason=failure_reason, **sealed)
    session.add(row)
    session.flush()
    return row


def add_identification(session: Session, intake: Intake, *, decision: IdentificationDecision,
                       threshold_name: str, gallery_size: int, candidates: list[dict]) -> IdentificationResult:
    row_id = new_id()
    plain = json.dumps(candidates, sort_keys=True, separators=(",", ":")).encode("utf-8")
    sealed = cipher_of(session).seal(Field("identification_results", row_id, "candidates_sealed", intake.id), plain)
    row = IdentificationResult(id=row_id, intake=intake, decision=IdentificationDecision(decision),
                               threshold_name=threshold_name, gallery_size=int(gallery_size),
                               candidates_sealed=sealed)
    session.add(row)
    session.flush()
    return row


def add_officer_decision(session: Session, intake: Intake, *, officer_id: str, role: str,
                         decision: OfficerDecision, reason: str | None = None) -> OfficerDecisionRow:
    row_id = new_id()
    row = OfficerDecisionRow(id=row_id, intake=intake, officer_id=officer_id, role=role,
                             decision=OfficerDecision(decision),
                             reason_sealed=seal_text(session, DECISION_REASON, row_id, intake.id, reason))
    session.add(row)
    session.flush()
    return row


def flag_contra_indication(session: Session, intake: Intake, flag: ContraIndication, *, recorded_by: str,
                           note: str | None = None) -> ContraIndicationFlag:
    row_id = new_id()
    row = ContraIndicationFlag(id=row_id, intake=intake, flag=ContraIndication(flag), recorded_by=recorded_by,
                               note_sealed=seal_text(session, FLAG_NOTE, row_id, intake.id, note))
    session.add(row)
    session.flush()
    return row


def finish_intake(session: Session, intake: Intake, *, status: IntakeStatus = IntakeStatus.COMPLETED) -> None:
    if intake.status is not IntakeStatus.OPEN:
        raise StorageError(f"intake {intake.id} is already {intake.status.value}")
    intake.status = IntakeStatus(status)
    intake.finished_at = utcnow()


def record_outcome(session: Session, intake: Intake, outcome: Outcome) -> None:
    outcome = Outcome(outcome)
    intake.outcome, intake.outcome_category, intake.outcome_at = outcome, outcome.category, utcnow()


def intakes_for_vnumber(session: Session, v_number: VNumber) -> list[Intake]:
    """The intakes given ``v_number``, found by its keyed hash under every V-number HMAC key version."""
    lookups = cipher_of(session).vnumber_lookups(str(v_number))
    return list(session.scalars(select(Intake).where(Intake.v_number_hmac.in_(lookups))))


def delete_persons_without_intake(session: Session) -> int:
    """Delete the persons no intake names any more (after intakes were deleted); returns how many. Every intake's
    sealed person link is opened for it: nothing else joins the two."""
    linked = linked_person_ids(session)
    orphans = sorted(set(session.scalars(select(Person.id))) - linked)
    for start in range(0, len(orphans), 500):
        session.execute(delete(Person).where(Person.id.in_(orphans[start:start + 500])))
    return len(orphans)
