"""Everything the record holds about one person, opened, as plain JSON-ready data (for a subject-access request).

The person is found from one of their intakes (by id) or from a V-number (by its keyed hash); every intake of that
person (or persons, when one V-number was given at intakes of two) is included, with its sealed fields opened: the
V-number, each template (its native bytes in base64 and a decoded summary: size, resolution, quality, number of
minutiae), each kept raw image (base64), the consent records with their signature strokes, identification results,
officer decisions, contra-indication flags, queued withdrawal reports and the deletion receipts that name the
intakes. An identification's candidates are other people: their scores are given, their person ids are not.
"""

from __future__ import annotations

import base64
import json
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from enrollment.records.consents import UnknownIntake, signature_of
from enrollment.records.intake_reads import (
    candidates_of,
    capture_image,
    capture_template,
    intakes_of_person,
    person_id_of,
    vnumber_of,
)
from enrollment.records.intakes import intakes_for_vnumber
from enrollment.records.models import CaptureRow, ConsentReportPending, DeletionReceipt, Intake
from enrollment.records.purge import as_utc
from enrollment.records.sealed_text import consent_reason, decision_reason, flag_note
from enrollment.template import deserialize
from enrollment.values.vnumber import VNumber

FORMAT = "aanmeldzuil subject export"
FORMAT_VERSION = 1


class NoRecordOfSubject(UnknownIntake):
    """No intake holds the V-number given."""


def intakes_of_intake(session: Session, intake_id: str) -> list[Intake]:
    """Every intake of the person of intake ``intake_id``; :class:`UnknownIntake` when there is no such intake."""
    intake = session.get(Intake, intake_id)
    if intake is None:
        raise UnknownIntake(f"no intake {intake_id!r} in the record")
    return intakes_of_person(session, person_id_of(session, intake))


def intakes_of_vnumber(session: Session, v_number: VNumber) -> list[Intake]:
    """Every intake of every person who gave ``v_number`` at an intake; :class:`NoRecordOfSubject` when none did."""
    found = intakes_for_vnumber(session, v_number)
    if not found:
        raise NoRecordOfSubject("no intake in the record holds the V-number given")
    persons = {person_id_of(session, intake) for intake in found}
    every = {i.id: i for person in sorted(persons) for i in intakes_of_person(session, person)}
    return sorted(every.values(), key=lambda i: (as_utc(i.started_at), i.id))


def _time(moment: datetime | None) -> str | None:
    return None if moment is None else as_utc(moment).isoformat()


def _value(value: Any) -> Any:
    return getattr(value, "value", value)


def _template(session: Session, capture: CaptureRow) -> dict[str, Any] | None:
    native = capture_template(session, capture)
    if native is None:
        return None
    decoded = deserialize(native)
    return {"encoding": "zuil native template, base64", "base64": base64.b64encode(native).decode("ascii"),
            "width": decoded.width, "height": decoded.height, "resolution_dpi": decoded.resolution_dpi,
            "quality": decoded.quality, "minutiae": len(decoded.positions)}


def _image(session: Session, capture: CaptureRow) -> dict[str, str] | None:
    image = capture_image(session, capture)
    return None if image is None else {"encoding": "as captured, base64",
                                       "base64": base64.b64encode(image).decode("ascii")}


def _intake(session: Session, intake: Intake) -> dict[str, Any]:
    v_number = vnumber_of(session, intake)
    pending = set(session.scalars(select(ConsentReportPending.record_id)))
    return {
        "id": intake.id, "person_id": person_id_of(session, intake), "location_id": intake.location_id,
        "kiosk_id": intake.kiosk_id, "status": _value(intake.status), "v_number": str(v_number) if v_number else None,
        "biometrics_enabled": bool(intake.biometrics_enabled), "started_at": _time(intake.started_at),
        "finished_at": _time(intake.finished_at), "outcome": _value(intake.outcome),
        "outcome_category": _value(intake.outcome_category), "outcome_at": _time(intake.outcome_at),
        "consent_records": [{
            "id": c.id, "decision": _value(c.decision), "text_id": c.text_id, "language": c.language,
            "text_version": c.text_version, "text_sha256": c.text_sha256, "reason": consent_reason(session, c),
            "withdraws_id": c.withdraws_id, "decided_at": _time(c.decided_at),
            "signature_strokes": signature_of(session, c), "upstream_report_pending": c.id in pending,
        } for c in intake.consents],
        "captures": [{
            "id": c.id, "finger_position": c.finger_position, "quality": c.quality, "device_id": c.device_id,
            "failure_reason": c.failure_reason, "captured_at": _time(c.captured_at),
            "template": _template(session, c), "raw_image": _image(session, c),
        } for c in sorted(intake.captures, key=lambda c: (as_utc(c.captured_at), c.id))],
        "identification_results": [{
            "id": r.id, "decision": _value(r.decision), "threshold_name": r.threshold_name,
            "gallery_size": r.gallery_size, "created_at": _time(r.created_at),
            "candidates": [{k: v for k, v in cand.items() if k != "person_id"} for cand in candidates_of(session, r)],
        } for r in intake.identifications],
        "officer_decisions": [{
            "id": d.id, "officer_id": d.officer_id, "role": d.role, "decision": _value(d.decision),
            "reason": decision_reason(session, d), "decided_at": _time(d.decided_at),
        } for d in intake.decisions],
        "contra_indications": [{
            "id": f.id, "flag": _value(f.flag), "note": flag_note(session, f), "recorded_by": f.recorded_by,
            "recorded_at": _time(f.recorded_at), "cleared_by": f.cleared_by, "cleared_at": _time(f.cleared_at),
        } for f in intake.flags],
    }


def subject_record(session: Session, intakes: list[Intake]) -> dict[str, Any]:
    """The person's intakes, opened, and the deletion receipts naming any of them."""
    ids = {i.id for i in intakes}
    receipts = [r for r in session.scalars(select(DeletionReceipt).order_by(DeletionReceipt.purged_at))
                if ids & set(json.loads(r.intake_ids))]
    return {
        "format": FORMAT, "format_version": FORMAT_VERSION,
        "person_ids": sorted({person_id_of(session, i) for i in intakes}),
        "intakes": [_intake(session, i) for i in intakes],
        "deletion_receipts": [{
            "id": r.id, "rule": r.rule, "reason": r.reason, "records": r.records, "purged_at": _time(r.purged_at),
            "intake_ids": sorted(ids & set(json.loads(r.intake_ids))),
        } for r in receipts],
    }
