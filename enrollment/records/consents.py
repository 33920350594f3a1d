"""Consent records: a consent given or refused at an intake, a withdrawal of it later, and the purge that alone may
delete them. Each function works inside a caller's transaction and raises a typed error before writing anything.

What was shown is checked against :mod:`enrollment.consent`: the SHA-256 of the text must be that of the text this
kiosk holds under the text id, version and language given (:class:`UnknownConsentText` otherwise). The signature
strokes are personal data: they are stored sealed (:mod:`enrollment.records.field_cipher`), bound to the consent
record and its intake, and so is the reason of a refusal or withdrawal (:mod:`enrollment.records.sealed_text`).
A record, once written, is never changed: the store's triggers (migration 0003) abort every
UPDATE of ``consent_records`` and every DELETE of one whose intake is not named in ``consent_purges``, which only
:func:`delete_intakes` writes (and removes again in the same transaction).

A withdrawal is given at the desk with the id of any intake of the person: every consent of that person still in
force (at every intake) gets a withdrawal record naming it, and the person's prints leave the gallery at once
(:mod:`enrollment.records.enrolled_prints` no longer returns them; an index already built drops them with
:func:`enrollment.identification.drop_person`). Each withdrawal is queued in ``consent_reports_pending`` for the
upstream report; the upload that reports and clears it is not built yet.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, delete, insert, select
from sqlalchemy.orm import Session, aliased

from enrollment.consent import TEXT_ID, ConsentText, ConsentTextError, consent_text
from enrollment.errors import StorageError
from enrollment.records.field_cipher import Field, cipher_of
from enrollment.records.intake_reads import intakes_of_person, person_id_of
from enrollment.records.models import ConsentPurge, ConsentRecord, ConsentReportPending, Intake, new_id
from enrollment.records.sealed_text import CONSENT_REASON, seal_text
from enrollment.records.vocabulary import ConsentDecision

_LANG = re.compile(r"^[a-z]{2,3}$")
MAX_STROKES = 64
MAX_POINTS = 8192  # over all strokes
MAX_REASON = 2000
PURGE_BATCH = 500


class UnknownConsentText(StorageError):
    """The text, version, language or hash given is not a consent text this kiosk holds."""


class StrokesInvalid(StorageError):
    """Signature strokes that are not a list of strokes of finite (x, y) points within the limits."""


class UnknownIntake(StorageError):
    """No intake with that id in the record."""


class NoConsentInForce(StorageError):
    """A withdrawal for a person who has no consent in force (none given, or all withdrawn already)."""


def text_digest(text: str) -> str:
    """SHA-256 of the consent/information text exactly as shown (UTF-8), as 64 hex digits."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def shown_text(*, text_id: str, language: str, version: str, sha256: str) -> ConsentText:
    """The kiosk's text with this id, language and version whose SHA-256 is ``sha256``; else
    :class:`UnknownConsentText`."""
    if text_id != TEXT_ID:
        raise UnknownConsentText(f"consent text id {text_id!r} is not one this kiosk has (it has {TEXT_ID!r})")
    if not _LANG.match(language):
        raise UnknownConsentText(f"consent language {language!r} is not an ISO 639 code")
    try:
        text = consent_text(language, version)
    except ConsentTextError as exc:
        raise UnknownConsentText(str(exc)) from None
    if text_digest(text.text) != sha256:
        raise UnknownConsentText(f"the consent text shown ({language}, version {version}, SHA-256 {sha256[:16]}...) "
                                 f"is not the kiosk's text of that version")
    return text


def parse_strokes(strokes: object) -> list[list[list[float]]]:
    """Strokes as stored: a list of strokes, each a list of [x, y] finite numbers rounded to 4 decimals;
    :class:`StrokesInvalid` for anything else or past :data:`MAX_STROKES` / :data:`MAX_POINTS`."""
    if not isinstance(strokes, list | tuple):
        raise StrokesInvalid(f"signature strokes are a list of strokes, found {type(strokes).__name__}")
    if len(strokes) > MAX_STROKES:
        raise StrokesInvalid(f"{len(strokes)} signature strokes, more than {MAX_STROKES}")
    parsed, points = [], 0
    for n, stroke in enumerate(strokes):
        if not isinstance(stroke, list | tuple):
            raise StrokesInvalid(f"signature stroke {n} is not a list of points")
        points += len(stroke)
        if points > MAX_POINTS:
            raise StrokesInvalid(f"signature has more than {MAX_POINTS} points")
        parsed.append([_point(n, p) for p in stroke])
    return parsed


def _point(stroke: int, point: object) -> list[float]:
    if not isinstance(point, list | tuple) or len(point) != 2 or not all(
            isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) for v in point):
        raise StrokesInvalid(f"signature stroke {stroke} has a point that is not two finite numbers")
    return [round(float(point[0]), 4), round(float(point[1]), 4)]


def strokes_from_json(data: bytes) -> list[list[list[float]]]:
    """The strokes in an opened signature (UTF-8 JSON); :class:`StrokesInvalid` for anything else."""
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise StrokesInvalid("an opened signature is not JSON") from None
    return parse_strokes(value)


def _reason(reason: str | None) -> str | None:
    if reason is None or not reason.strip():
        return None
    if len(reason) > MAX_REASON:
        raise StorageError(f"a reason is at most {MAX_REASON} characters, this one has {len(reason)}")
    return reason.strip()


def record_decision(session: Session, intake: Intake, *, language: str, text_version: str, text: str,
                    decision: ConsentDecision, reason: str | None = None, text_id: str = TEXT_ID,
                    signature_strokes: Sequence[Sequence[Sequence[float]]] | None = None) -> ConsentRecord:
    """The decision on ``text`` (as shown): given, with the signature strokes, or refused, with the optional
    reason. The intake flow's storage path calls this; :func:`record_consent` and :func:`record_refusal` name one."""
    decision = ConsentDecision(decision)
    if decision is ConsentDecision.WITHDRAWN:
        raise StorageError("a withdrawal is recorded with withdraw_consent, naming the consent it withdraws")
    shown_text(text_id=text_id, language=language, version=text_version, sha256=text_digest(text))
    strokes = parse_strokes(list(signature_strokes or []))
    if strokes and decision is not ConsentDecision.GIVEN:
        raise StorageError("a refusal carries no signature")
    row_id = new_id()
    sealed = cipher_of(session).seal(Field("consent_records", row_id, "signature_sealed", intake.id),
                                     json.dumps(strokes, separators=(",", ":")).encode()) if strokes else None
    record = ConsentRecord(id=row_id, intake=intake, text_id=text_id, language=language, text_version=text_version,
                           text_sha256=text_digest(text), decision=decision,
                           reason_sealed=seal_text(session, CONSENT_REASON, row_id, intake.id, _reason(reason))
                           if decision is ConsentDecision.REFUSED else None,
                           signature_sealed=sealed)
    session.add(record)
    session.flush()
    return record


def record_consent(session: Session, intake: Intake, shown: ConsentText, *,
                   signature_strokes: Sequence[Sequence[Sequence[float]]] | None = None) -> ConsentRecord:
    return record_decision(session, intake, language=shown.language, text_version=shown.version, text=shown.text,
                           text_id=shown.text_id, decision=ConsentDecision.GIVEN, signature_strokes=signature_strokes)


def record_refusal(session: Session, intake: Intake, shown: ConsentText, *, reason: str | None = None) -> ConsentRecord:
    return record_decision(session, intake, language=shown.language, text_version=shown.version, text=shown.text,
                           text_id=shown.text_id, decision=ConsentDecision.REFUSED, reason=reason)


def signature_of(session: Session, record: ConsentRecord) -> list[list[list[float]]] | None:
    """The signature strokes of a consent record, opened (None when none were given)."""
    if record.signature_sealed is None:
        return None
    where = Field("consent_records", record.id, "signature_sealed", record.intake_id)
    return strokes_from_json(cipher_of(session).open(where, record.signature_sealed))


def consents_in_force(session: Session, intake_ids: Sequence[str]) -> list[ConsentRecord]:
    """The consents given at these intakes that no withdrawal names."""
    withdrawal = aliased(ConsentRecord)
    return list(session.scalars(
        select(ConsentRecord)
        .where(ConsentRecord.intake_id.in_(list(intake_ids)), ConsentRecord.decision == ConsentDecision.GIVEN,
               ~select(withdrawal.id).where(withdrawal.withdraws_id == ConsentRecord.id).exists())
        .order_by(ConsentRecord.decided_at)))


@dataclass(frozen=True)
class Withdrawal:
    person_id: str  # whose prints left the gallery (drop them from a built index)
    records: list[ConsentRecord]  # one per consent withdrawn


def withdraw_consent(session: Session, intake_id: str, *, reason: str | None = None) -> Withdrawal:
    """Withdraw every consent in force of the person of intake ``intake_id`` (at any intake): a withdrawal record
    naming each, queued for the upstream report."""
    intake = session.get(Intake, intake_id)
    if intake is None:
        raise UnknownIntake(f"no intake {intake_id!r} in the record")
    person = person_id_of(session, intake)
    in_force = consents_in_force(session, [i.id for i in intakes_of_person(session, person)])
    if not in_force:
        raise NoConsentInForce(f"the person of intake {intake_id} has no consent in force (none given, or "
                               "withdrawn already): nothing was written")
    reason = _reason(reason)
    records = []
    for given in in_force:
        row_id = new_id()
        records.append(ConsentRecord(id=row_id, intake_id=given.intake_id, decision=ConsentDecision.WITHDRAWN,
                                     withdraws_id=given.id,
                                     reason_sealed=seal_text(session, CONSENT_REASON, row_id, given.intake_id, reason)))
    session.add_all(records)
    session.flush()
    session.add_all([ConsentReportPending(record_id=record.id) for record in records])
    session.flush()
    return Withdrawal(person, records)


def delete_intakes(session: Session, where: ColumnElement[bool]) -> int:
    """Delete the intakes ``where`` selects, with every row of theirs (the foreign keys cascade), consent records
    included: each intake is named in ``consent_purges`` for the moment of its delete. Returns how many."""
    ids = list(session.scalars(select(Intake.id).where(where)))
    for start in range(0, len(ids), PURGE_BATCH):
        batch = ids[start:start + PURGE_BATCH]
        session.execute(insert(ConsentPurge), [{"intake_id": i} for i in batch])
        session.execute(delete(Intake).where(Intake.id.in_(batch)), execution_options={"synchronize_session": False})
        session.execute(delete(ConsentPurge).where(ConsentPurge.intake_id.in_(batch)))
    session.expire_all()
    return len(ids)
