"""A subject-access export as ``zuil subject-export`` writes it: everything the record holds about one person
(:mod:`enrollment.records.subject_record`) and the audit entries about their intakes or person id, written to one
JSON file (0600, atomically), and the export itself logged in the audit log (the intake id, never the V-number).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from enrollment.atomic_files import write_text_atomically
from enrollment.audit import events
from enrollment.audit.entries import decode
from enrollment.audit.errors import AuditLogCorrupt
from enrollment.audit.log_store import AuditLog
from enrollment.errors import StorageError
from enrollment.records.purge import as_utc
from enrollment.records.store import RecordStore
from enrollment.records.subject_record import intakes_of_intake, intakes_of_vnumber, subject_record
from enrollment.values.vnumber import VNumber


class ExportFileExists(StorageError):
    """The file to write the export to exists already; it is not replaced."""


@dataclass(frozen=True)
class SubjectExport:
    path: Path
    subject: str  # the intake id the audit entry names
    intakes: int
    audit_entries: int


def export_subject(store: RecordStore, log: AuditLog, out: Path, *, now: datetime, actor: str,
                   intake_id: str | None = None, v_number: VNumber | None = None) -> SubjectExport:
    """Write everything held about the person of ``intake_id`` (or of ``v_number``) to ``out``, then log it."""
    if (intake_id is None) == (v_number is None):
        raise ValueError("give an intake id or a V-number, not both")
    out = Path(out)
    if out.exists():
        raise ExportFileExists(f"{out} exists; a subject export is written to a new file")
    with store.transaction() as session:
        intakes = intakes_of_intake(session, intake_id) if intake_id else intakes_of_vnumber(session, v_number)
        record = subject_record(session, intakes)
    subject = intake_id or intakes[0].id
    refs = {i["id"] for i in record["intakes"]} | set(record["person_ids"])
    entries = _audit_entries(log, refs)
    document = {"format": record.pop("format"), "format_version": record.pop("format_version"),
                "exported_at": as_utc(now).isoformat(), **record, "audit_entries": entries}
    try:
        write_text_atomically(out, json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    except OSError as exc:
        raise StorageError(f"cannot write the subject export to {out}: {exc.strerror or exc}") from exc
    events.subject_export(log, subject, actor=actor, intakes=len(intakes), by="intake" if intake_id else "vnumber")
    return SubjectExport(out, subject, len(intakes), len(entries))


def _audit_entries(log: AuditLog, refs: set[str]) -> list[dict[str, Any]]:
    found = []
    for stored in log.entries():
        try:
            entry = decode(stored.data, f"entry {stored.seq}")
        except AuditLogCorrupt:
            continue
        if entry.subject in refs:
            found.append({"seq": entry.seq, "time": entry.time, "kind": entry.kind.value, "actor": entry.actor,
                          "subject": entry.subject, "outcome": entry.outcome.value, "details": dict(entry.details)})
    return found
