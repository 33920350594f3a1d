"""The sealed fields of the intake record, opened: an intake's V-number and person, a capture's template and image,
an identification's candidates, a person's intakes.

Each opens with the session's keys (:func:`~enrollment.records.field_cipher.cipher_of`) and raises
:class:`~enrollment.records.field_cipher.SealedFieldRefused` for a value that does not open where it is stored.
"""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from enrollment.records.field_cipher import Field, FieldCipher, cipher_of
from enrollment.records.models import CaptureRow, IdentificationResult, Intake
from enrollment.values.vnumber import VNumber, parse_vnumber


def person_of(cipher: FieldCipher, intake_id: str, sealed: bytes) -> str:
    return cipher.open(Field("intakes", intake_id, "person_sealed"), sealed).decode("ascii")


def person_id_of(session: Session, intake: Intake) -> str:
    return person_of(cipher_of(session), intake.id, intake.person_sealed)


def vnumber_of(session: Session, intake: Intake) -> VNumber | None:
    if intake.v_number_sealed is None:
        return None
    plain = cipher_of(session).open(Field("intakes", intake.id, "v_number_sealed"), intake.v_number_sealed)
    return parse_vnumber(plain.decode("ascii"))


def template_of(cipher: FieldCipher, capture_id: str, intake_id: str, sealed: bytes | None) -> bytes | None:
    if sealed is None:
        return None
    return cipher.open(Field("captures", capture_id, "template_sealed", intake_id), sealed)


def capture_template(session: Session, capture: CaptureRow) -> bytes | None:
    return template_of(cipher_of(session), capture.id, capture.intake_id, capture.template_sealed)


def capture_image(session: Session, capture: CaptureRow) -> bytes | None:
    if capture.image_sealed is None:
        return None
    return cipher_of(session).open(Field("captures", capture.id, "image_sealed", capture.intake_id),
                                   capture.image_sealed)


def candidates_of(session: Session, result: IdentificationResult) -> list[dict]:
    where = Field("identification_results", result.id, "candidates_sealed", result.intake_id)
    return json.loads(cipher_of(session).open(where, result.candidates_sealed))


def linked_person_ids(session: Session) -> set[str]:
    """The person of every intake (every sealed link opened)."""
    cipher = cipher_of(session)
    return {person_of(cipher, intake_id, sealed)
            for intake_id, sealed in session.execute(select(Intake.id, Intake.person_sealed))}


def intakes_of_person(session: Session, person_id: str) -> list[Intake]:
    """The intakes of one pseudonymous person, found by opening every intake's sealed person link."""
    cipher = cipher_of(session)
    ids = [intake_id for intake_id, sealed in session.execute(select(Intake.id, Intake.person_sealed))
           if person_of(cipher, intake_id, sealed) == person_id]
    return list(session.scalars(select(Intake).where(Intake.id.in_(ids)).order_by(Intake.started_at)))


def intake_id_for(session: Session, typed: str) -> str:
    """The intake ``typed`` names: its receipt code as the slip and the done screen show it
    (:mod:`enrollment.records.receipt_code`), or else its id, returned as typed. :class:`ReceiptCodeError` for a
    code no intake or more than one intake has (two ids sharing their first 40 bits: then the whole id is
    needed)."""
    from enrollment.errors import ReceiptCodeError
    from enrollment.records.receipt_code import id_prefix

    typed = typed.strip()
    try:
        prefix = id_prefix(typed)
    except ReceiptCodeError:
        return typed  # no receipt code: an intake id (whether one exists is the caller's to find out)
    found = session.scalars(select(Intake.id).where(Intake.id.startswith(prefix, autoescape=True)).limit(2)).all()
    if len(found) != 1:
        problem = "no intake has it" if not found else "more than one intake has it; give the whole intake id"
        raise ReceiptCodeError(f"receipt code {typed!r}: {problem}")
    return found[0]
