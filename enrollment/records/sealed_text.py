"""Free text a person typed, sealed like every other personal field: the reason of a consent refusal or withdrawal
(``consent_records.reason_sealed``), an officer's reason for a decision (``officer_decisions.reason_sealed``) and an
officer's note on a contra-indication (``contra_indications.note_sealed``). Staff and participants can type anything
there (names, health, criminal-law data), so it is stored as UTF-8 sealed with the session's keys
(:mod:`enrollment.records.field_cipher`), bound to its row, column and intake; no text (None) is stored as NULL.
Migration 0009 sealed the text an older store held in the clear.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from enrollment.records.field_cipher import Field, cipher_of
from enrollment.records.models import ConsentRecord, ContraIndicationFlag, OfficerDecisionRow

CONSENT_REASON = ("consent_records", "reason_sealed")
DECISION_REASON = ("officer_decisions", "reason_sealed")
FLAG_NOTE = ("contra_indications", "note_sealed")


def seal_text(session: Session, place: tuple[str, str], row_id: str, intake_id: str, text: str | None) -> bytes | None:
    """``text`` sealed for column ``place`` (table, column) of row ``row_id`` of intake ``intake_id``; None for
    None."""
    if text is None:
        return None
    return cipher_of(session).seal(Field(place[0], row_id, place[1], intake_id), text.encode("utf-8"))


def open_text(session: Session, place: tuple[str, str], row_id: str, intake_id: str,
              stored: bytes | None) -> str | None:
    """The text sealed in ``stored`` for that place, opened; None when none is stored."""
    if stored is None:
        return None
    return cipher_of(session).open(Field(place[0], row_id, place[1], intake_id), stored).decode("utf-8")


def consent_reason(session: Session, record: ConsentRecord) -> str | None:
    """The reason given with a refusal or a withdrawal, opened."""
    return open_text(session, CONSENT_REASON, record.id, record.intake_id, record.reason_sealed)


def decision_reason(session: Session, row: OfficerDecisionRow) -> str | None:
    """The officer's reason for a decision, opened."""
    return open_text(session, DECISION_REASON, row.id, row.intake_id, row.reason_sealed)


def flag_note(session: Session, row: ContraIndicationFlag) -> str | None:
    """The officer's note on a contra-indication, opened."""
    return open_text(session, FLAG_NOTE, row.id, row.intake_id, row.note_sealed)
