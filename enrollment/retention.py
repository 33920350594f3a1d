"""The purge as ``zuil purge`` runs it: the record store purged in one transaction
(:mod:`enrollment.records.purge`), its SQLite WAL truncated, each deletion receipt logged in the audit log, and the
audit entries past ``audit_days`` counted (not deleted: the log is append-only and hash-chained).

The clock is a parameter (``now``, UTC), so a test runs the purge at any date without waiting.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from enrollment.audit import events
from enrollment.audit.entries import decode
from enrollment.audit.errors import AuditLogCorrupt
from enrollment.audit.log_store import AuditLog
from enrollment.records.models import DeletionReceipt
from enrollment.records.purge import (
    REPORTED,
    DeletionReporter,
    PurgePlan,
    apply_purge,
    as_utc,
    is_due,
    plan_purge,
    receipt_details,
    truncate_wal,
    unaudited,
)
from enrollment.records.store import RecordStore
from enrollment.settings import RetentionSettings


@dataclass(frozen=True)
class PurgeReport:
    plan: PurgePlan
    dry_run: bool
    receipts: tuple[str, ...]  # ids of the receipts written (none in a dry run)
    wal_truncated: bool | None  # None: not SQLite, or a dry run
    audit_past_retention: int | None  # audit entries older than audit_days (None: no audit log read)
    reported: int = 0  # deletion envelopes queued for the upstream


def run_purge(store: RecordStore, log: AuditLog | None, retention: RetentionSettings, now: datetime, *,
              dry_run: bool = False, report: DeletionReporter | None = None) -> PurgeReport:
    """Purge ``store`` of what is past ``retention`` at ``now``, or only say what would go (``dry_run``: nothing is
    written, the audit log included). A real purge needs ``log``; ``report`` queues the upstream's deletion reports
    in the purge's transaction (:func:`~enrollment.records.purge.apply_purge`)."""
    now = as_utc(now)
    if dry_run:
        with store.transaction() as session:
            plan = plan_purge(session, retention, now)
        return PurgeReport(plan, True, (), None, _audit_past(log, retention, now))
    if log is None:
        raise ValueError("a purge is written to the audit log: give one")
    with store.transaction() as session:
        plan = plan_purge(session, retention, now)
        receipts = tuple(r.id for r in apply_purge(session, plan, report))
    if not audit_receipts(store, log):
        events.purge(log, None, {"rule": "none", "records": 0})
    wal = truncate_wal(store.engine)
    reported = sum(r.rule in REPORTED for r in plan.rules) if report is not None else 0
    return PurgeReport(plan, False, receipts, wal, _audit_past(log, retention, now), reported)


def audit_receipts(store: RecordStore, log: AuditLog) -> int:
    """Write the audit entry of every receipt that has none yet (each in its own transaction: a crash leaves at most
    one receipt logged twice, never one not logged); returns how many."""
    with store.transaction() as session:
        pending = [(r.id, receipt_details(r)) for r in unaudited(session)]
    for receipt_id, details in pending:
        entry = events.purge(log, receipt_id, details)
        with store.transaction() as session:
            session.get_one(DeletionReceipt, receipt_id).audit_seq = entry.seq
    return len(pending)


def _audit_past(log: AuditLog | None, retention: RetentionSettings, now: datetime) -> int | None:
    if log is None:
        return None
    past = 0
    for stored in log.entries():
        try:
            entry = decode(stored.data, f"entry {stored.seq}")
        except AuditLogCorrupt:
            continue
        past += is_due(datetime.fromisoformat(entry.time), now, retention.audit_days)
    return past
