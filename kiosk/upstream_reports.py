"""What the kiosk queues upstream outside an intake, and who signs it: the kiosk's :class:`~sync.outbox.Sender` from
its settings (the upstream's sealing key from ``[sync] upstream_public_key`` or the registration), the desk's
consent withdrawals reported in the transaction that records them, a purge's deletions in the purge's transaction,
and the audit log's signed checkpoints. No Qt here."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from enrollment.audit.checkpoints import Checkpoint
from enrollment.keys.keyring import KeyRing
from enrollment.records.models import ConsentRecord, DeletionReceipt, OutboxEnvelope
from enrollment.records.purge import RuleResult
from kiosk.settings import KioskSettings
from sync.outbox import Sender, append
from sync.payloads import checkpoint_record_id, checkpoint_report, deletion_report, withdrawal_report
from sync.upstream_key import load_upstream_key


def kiosk_sender(settings: KioskSettings, ring: KeyRing) -> Sender | None:
    """The kiosk's sender, or None where no upstream key is configured or registered (then nothing is queued)."""
    site = settings.enrollment
    key_path = settings.sync.upstream_key_path(site.data_dir)
    return None if key_path is None else Sender(site.kiosk_id, ring, load_upstream_key(key_path))


def withdrawal_reporter(settings: KioskSettings,
                        ring: KeyRing) -> Callable[[Session, Sequence[ConsentRecord]], int] | None:
    """Appends a withdrawal envelope per withdrawal record, in the caller's transaction; None without a sender."""
    sender = kiosk_sender(settings, ring)
    if sender is None:
        return None

    def report(session: Session, records: Sequence[ConsentRecord]) -> int:
        for record in records:
            append(session, sender, withdrawal_report(session, record))
        return len(records)

    return report


def deletion_reporter(settings: KioskSettings, ring: KeyRing
                      ) -> Callable[[Session, Sequence[tuple[RuleResult, DeletionReceipt]]], int] | None:
    """Appends a deletion envelope per purge receipt it is handed, in the purge's transaction; None without a
    sender."""
    sender = kiosk_sender(settings, ring)
    if sender is None:
        return None

    def report(session: Session, receipts: Sequence[tuple[RuleResult, DeletionReceipt]]) -> int:
        for rule, receipt in receipts:
            append(session, sender, deletion_report(rule, receipt))
        return len(receipts)

    return report


def checkpoint_reporter(settings: KioskSettings,
                        ring: KeyRing) -> Callable[[Session, Sequence[Checkpoint]], int] | None:
    """Appends a checkpoint envelope for each of the audit log's checkpoints the outbox does not hold yet (the log
    is its own database: a checkpoint signed before a crash is queued by the next call); returns how many. None
    without a sender."""
    sender = kiosk_sender(settings, ring)
    if sender is None:
        return None

    def report(session: Session, checkpoints: Sequence[Checkpoint]) -> int:
        held = set(session.scalars(select(OutboxEnvelope.record_id).where(OutboxEnvelope.kind == "checkpoint")))
        new = [c for c in checkpoints if checkpoint_record_id(c) not in held]
        for checkpoint in new:
            append(session, sender, checkpoint_report(checkpoint))
        return len(new)

    return report
