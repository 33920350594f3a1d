"""What each kind of envelope says about its record: a public part (ids, decisions, times, sizes) and a secret
part (templates, V-number, person, candidates, free-text reasons) that :mod:`sync.outbox` seals to the upstream.

Each builder reads the record through the enrollment part inside the caller's transaction (the sealed fields
opened with the session's keys). Times are whole seconds since the Unix epoch (UTC); no value is a float (the
candidates' scores travel as the JSON text the record holds, inside the sealed part). The consent's signature
strokes stay on the kiosk (the envelope says only whether there were any).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from enrollment.audit.checkpoints import Checkpoint
from enrollment.records.intake_reads import candidates_of, capture_template, person_id_of, vnumber_of
from enrollment.records.models import (
    ConsentRecord,
    ContraIndicationFlag,
    DecisionConfirmation,
    DeletionReceipt,
    IdentificationResult,
    Intake,
    OfficerDecisionRow,
)
from enrollment.records.purge import RuleResult
from enrollment.records.sealed_text import consent_reason, decision_reason
from enrollment.records.vocabulary import ConsentDecision
from sync.kinds import EnvelopeKind


@dataclass(frozen=True)
class Report:
    """One record to report: its kind and id, the payload's public part and the part to seal (None: nothing)."""

    kind: EnvelopeKind
    record_id: str
    public: dict[str, Any]
    secret: dict[str, Any] | None


def _utc(moment: datetime) -> datetime:
    """A naive datetime (as SQLite hands them back) is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def seconds(moment: datetime | None) -> int | None:
    """Whole seconds since the epoch (UTC)."""
    return None if moment is None else int(_utc(moment).timestamp())


def intake_report(session: Session, intake: Intake) -> Report:
    """The intake with its captures; the V-number, the pseudonymous person and every template sealed."""
    captures = sorted(intake.captures, key=lambda c: (c.finger_position, _utc(c.captured_at), c.id))
    v_number = vnumber_of(session, intake)
    public = {
        "intake": intake.id, "location": intake.location_id, "status": intake.status.value,
        "biometrics": bool(intake.biometrics_enabled), "has_v_number": bool(intake.has_v_number),
        "started": seconds(intake.started_at), "finished": seconds(intake.finished_at),
        "captures": [{"capture": c.id, "finger": c.finger_position, "quality": c.quality,
                      "captured": seconds(c.captured_at), "device": c.device_id, "failure": c.failure_reason,
                      "template": c.template_sealed is not None} for c in captures],
    }
    secret = {
        "v_number": None if v_number is None else str(v_number),
        "person": person_id_of(session, intake),
        "templates": [{"capture": c.id, "finger": c.finger_position, "template": capture_template(session, c)}
                      for c in captures if c.template_sealed is not None],
    }
    return Report(EnvelopeKind.INTAKE, intake.id, public, secret)


def consent_report(session: Session, record: ConsentRecord) -> Report:
    """A consent given or refused (what was shown, what was decided); a withdrawal is :func:`withdrawal_report`."""
    if record.decision is ConsentDecision.WITHDRAWN:
        return withdrawal_report(session, record)
    public = {"record": record.id, "intake": record.intake_id, "decision": record.decision.value,
              "text_id": record.text_id, "language": record.language, "text_version": record.text_version,
              "text_sha256": record.text_sha256, "decided": seconds(record.decided_at),
              "signed": record.signature_sealed is not None}
    return Report(EnvelopeKind.CONSENT, record.id, public, _reason(session, record))


def withdrawal_report(session: Session, record: ConsentRecord) -> Report:
    public = {"record": record.id, "intake": record.intake_id, "withdraws": record.withdraws_id,
              "decided": seconds(record.decided_at)}
    return Report(EnvelopeKind.WITHDRAWAL, record.id, public, _reason(session, record))


def identification_report(session: Session, result: IdentificationResult) -> Report:
    """A search or V-number check: decision, threshold and gallery size; the candidates sealed."""
    public = {"result": result.id, "intake": result.intake_id, "decision": result.decision.value,
              "threshold": result.threshold_name, "gallery_size": result.gallery_size,
              "created": seconds(result.created_at)}
    candidates = json.dumps(  # as the record holds them: JSON text, scores and all
        candidates_of(session, result), sort_keys=True, separators=(",", ":"))
    return Report(EnvelopeKind.IDENTIFICATION, result.id, public, {"candidates": candidates})


def decision_report(session: Session, row: OfficerDecisionRow) -> Report:
    """An officer's decision: which, by which account, when, and whether it awaits a second officer. Sealed: the
    reason (free text) and the contra-indication flags in force on the intake once it was recorded, each with the
    account that set it and when (criminal-law and residence data of the person, for the upstream alone)."""
    pending = session.get(DecisionConfirmation, row.id)
    public = {"decision": row.id, "intake": row.intake_id, "outcome": row.decision.value,
              "officer": row.officer_id, "decided": seconds(row.decided_at),
              "needs_second_officer": pending is not None}
    flags = sorted((f for f in row.intake.flags if f.cleared_by is None), key=_flag_order)
    secret = {"reason": decision_reason(session, row),
              "contra_indications": [{"flag": f.flag.value, "set_by": f.recorded_by, "set": seconds(f.recorded_at)}
                                     for f in flags]}
    return Report(EnvelopeKind.DECISION, row.id, public, secret)


def confirmation_report(session: Session, row: OfficerDecisionRow) -> Report:
    """A second officer's confirmation of the decision ``row``: by which account and when. Nothing sealed."""
    pending = session.get(DecisionConfirmation, row.id)
    assert pending is not None and pending.confirmed_by is not None, "a confirmation is reported once it is made"
    public = {"decision": row.id, "intake": row.intake_id, "confirmed_by": pending.confirmed_by,
              "confirmed": seconds(pending.confirmed_at)}
    return Report(EnvelopeKind.CONFIRMATION, row.id, public, None)


def deletion_report(rule: RuleResult, receipt: DeletionReceipt) -> Report:
    """What one purge rule deleted of what the upstream holds: the receipt, the rule, how many records, the intakes
    (deleted whole, or whose captures' prints were removed: ``captures``), and when. Sealed, only when the rule left
    persons without an intake: ``{persons}``, their pseudonymous ids. Never a template, image or V-number."""
    public = {"receipt": receipt.id, "rule": rule.rule, "records": rule.records, "intakes": list(rule.intake_ids),
              "captures": list(rule.captures), "deleted": seconds(receipt.purged_at)}
    return Report(EnvelopeKind.DELETION, receipt.id, public,
                  {"persons": list(rule.person_ids)} if rule.person_ids else None)


def checkpoint_record_id(checkpoint: Checkpoint) -> str:
    """The checkpoint's record id in the outbox: a name-based UUID of its number and head (another log's checkpoint
    of the same number is another record)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"aanmeldzuil:audit-checkpoint:{checkpoint.number}:"
                                              f"{checkpoint.head.hex()}"))


def checkpoint_report(checkpoint: Checkpoint) -> Report:
    """A signed checkpoint of the audit log: its number, how many entries, the head hash, the time text that was
    signed, the signing key's version and the signature (no entry's content). Nothing sealed."""
    public = {"number": checkpoint.number, "entries": checkpoint.entries, "head": checkpoint.head,
              "time": checkpoint.time, "signing_key": checkpoint.key_version, "signature": checkpoint.signature}
    return Report(EnvelopeKind.CHECKPOINT, checkpoint_record_id(checkpoint), public, None)


def _flag_order(row: ContraIndicationFlag) -> tuple[str, datetime, str]:
    return row.flag.value, _utc(row.recorded_at), row.id


def _reason(session: Session, record: ConsentRecord) -> dict[str, Any] | None:
    reason = consent_reason(session, record)
    return None if reason is None else {"reason": reason}


def intake_reports(session: Session, intake: Intake) -> list[Report]:
    """Every report of a finished intake, in the order they happened: the intake, its consents, its results."""
    consents = sorted(intake.consents, key=lambda r: (_utc(r.decided_at), r.id))
    results = sorted(intake.identifications, key=lambda r: (_utc(r.created_at), r.id))
    return [intake_report(session, intake), *(consent_report(session, r) for r in consents),
            *(identification_report(session, r) for r in results)]
