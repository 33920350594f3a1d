"""What the kiosk queues upstream outside an intake, and who signs it: the kiosk's :class:`~sync.outbox.Sender` from
its settings (the upstream's sealing key from ``[sync] upstream_public_key`` or the registration), and the desk's
consent withdrawals reported in the transaction that records them. No Qt here."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy.orm import Session

from enrollment.keys.keyring import KeyRing
from enrollment.records.models import ConsentRecord
from kiosk.settings import KioskSettings
from sync.outbox import Sender, append
from sync.payloads import withdrawal_report
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
