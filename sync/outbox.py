"""The outbox: each record the kiosk reports becomes a signed envelope, appended in the record's own transaction.

:func:`append` takes the caller's session (the one that writes the record), so the record and its envelope are
committed together or not at all: a crash can neither lose an envelope nor leave one for a record that is not
there. Each kiosk's envelopes are numbered 1, 2, 3, ... without a gap and each names the hash of the one before
(:mod:`sync.envelope`). The number comes from the kiosk's row in ``outbox_heads``, incremented by the append's
first statement: a second writer's increment waits for the first one's transaction to end (SQLite's write lock,
PostgreSQL's row lock), and the unique (kiosk, sequence) and (kind, record) constraints refuse whatever slipped
through. After a key rotation the chain's next append first announces the new signing keys, signed with the old one
(:mod:`sync.key_announcement`). :mod:`sync.uploader` delivers them; :func:`on_append` lets it be woken when an
append is committed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from sqlalchemy import delete, event, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from enrollment.keys.keyring import KeyRing, Purpose
from enrollment.records.models import OutboxEnvelope, OutboxHead
from sync import canonical, sealing
from sync.envelope import GENESIS, Envelope, new_envelope_id, seal_aad, sign_envelope, signed_with
from sync.errors import UpstreamKeyError
from sync.key_announcement import keys_report
from sync.payloads import Report, seconds

QUEUED = "queued"
DELIVERED = "delivered"

_append_listeners: list[Callable[[], None]] = []


@dataclass(frozen=True)
class Sender:
    """Who signs and for whom it is sealed: the kiosk's id and keys, and the upstream's public key (None: a kiosk
    without one can append only reports with nothing to seal)."""

    kiosk_id: str
    ring: KeyRing
    upstream: X25519PublicKey | None


def append(session: Session, sender: Sender, report: Report, *, now: datetime | None = None) -> Envelope:
    """Append the envelope of ``report`` to the kiosk's chain, in ``session``'s transaction; returns it. It is signed
    with the ring's newest signing key; when the chain's last envelope was signed with an older version (a rotation
    since), a ``keys`` envelope signed with that older version, announcing the newer ones, comes first
    (:mod:`sync.key_announcement`), so the upstream can verify the report. (A ring older than the chain's last
    envelope, of a process that unlocked the keys before a rotation, signs with its newest version, which the
    upstream holds.)"""
    if report.secret is not None and sender.upstream is None:
        raise UpstreamKeyError(f"a {report.kind} envelope seals data to the upstream, and no upstream public key "
                               "is configured ([sync] upstream_public_key)")
    moment = now or datetime.now(UTC)
    newest = sender.ring.signing_key()[0]
    sequence, previous = _next_place(session, sender.kiosk_id)
    if sequence > 1 and (before := _signed_before(session, sender, sequence)) < newest:
        _signed(session, sender, keys_report(sender.kiosk_id, sender.ring, before), sequence, previous, before, moment)
        sequence, previous = _next_place(session, sender.kiosk_id)  # the report follows the announcement
    envelope = _signed(session, sender, report, sequence, previous, newest, moment)
    if _append_listeners and not event.contains(session, "after_commit", _appended):
        event.listen(session, "after_commit", _appended)
    return envelope


def _signed_before(session: Session, sender: Sender, sequence: int) -> int:
    """The signing key version of the kiosk's envelope before ``sequence``."""
    return signed_with(session.scalars(select(OutboxEnvelope.envelope).where(
        OutboxEnvelope.kiosk_id == sender.kiosk_id, OutboxEnvelope.sequence == sequence - 1)).one())


def _signed(session: Session, sender: Sender, report: Report, sequence: int, previous: bytes, version: int,
            moment: datetime) -> Envelope:
    """The envelope of ``report`` at ``sequence``, signed with ``version``, stored with the chain's head moved."""
    envelope_id = new_envelope_id()
    payload = dict(report.public)
    if report.secret is not None:
        assert sender.upstream is not None
        payload["sealed"] = sealing.seal(sender.upstream, canonical.encode(report.secret),
                                         seal_aad(envelope_id, sender.kiosk_id, sequence, report.kind))
    envelope = sign_envelope(sender.ring.signing_key(version)[1], key_version=version, envelope_id=envelope_id,
                             kiosk_id=sender.kiosk_id, sequence=sequence, previous_hash=previous, kind=report.kind,
                             created=seconds(moment) or 0, payload=payload)
    session.execute(insert(OutboxEnvelope).values(
        id=envelope_id, kiosk_id=sender.kiosk_id, sequence=sequence, kind=str(report.kind),
        record_id=report.record_id, created_at=moment, envelope=envelope.encoded, state=QUEUED))
    session.execute(update(OutboxHead).where(OutboxHead.kiosk_id == sender.kiosk_id)
                    .values(head_hash=envelope.hash))
    return envelope


def on_append(listener: Callable[[], None]) -> Callable[[], None]:
    """Call ``listener`` (no arguments, quick) after each commit of a transaction that appended; returns what
    removes it."""
    _append_listeners.append(listener)
    return lambda: _append_listeners.remove(listener)


def _appended(_session: Session) -> None:
    for listener in list(_append_listeners):
        listener()


def _next_place(session: Session, kiosk_id: str) -> tuple[int, bytes]:
    """The next sequence number of ``kiosk_id``'s chain (taken: the head row is incremented) and the hash of the
    envelope before it."""
    for _attempt in range(2):
        taken = session.execute(update(OutboxHead).where(OutboxHead.kiosk_id == kiosk_id)
                                .values(last_sequence=OutboxHead.last_sequence + 1))
        if taken.rowcount == 1:
            row = session.execute(select(OutboxHead.last_sequence, OutboxHead.head_hash)
                                  .where(OutboxHead.kiosk_id == kiosk_id)).one()
            return row.last_sequence, row.head_hash
        try:
            with session.begin_nested():  # the kiosk's first envelope; another writer may be making it too
                session.execute(insert(OutboxHead).values(kiosk_id=kiosk_id, last_sequence=1, head_hash=GENESIS))
            return 1, GENESIS
        except IntegrityError:
            continue  # the other writer's row is there now: increment it
    raise AssertionError("unreachable: the head row exists after a refused insert")


def chain_of(session: Session, kiosk_id: str) -> list[bytes]:
    """Every envelope of ``kiosk_id`` held here, in sequence order."""
    return list(session.scalars(select(OutboxEnvelope.envelope).where(OutboxEnvelope.kiosk_id == kiosk_id)
                                .order_by(OutboxEnvelope.sequence)))


def signing_keys(ring: KeyRing) -> dict[int, Ed25519PublicKey]:
    """The public half of every signing key version the ring holds: what verifies this kiosk's envelopes."""
    return {key.version: ring.signing_key(key.version)[1].public_key() for key in ring.versions(Purpose.SIGNING)}


def clear_outbox(session: Session, kiosk_id: str) -> int:
    """Delete every envelope of ``kiosk_id`` and its chain's head (the demo's reset, which deletes the records
    too: its next run's chain starts at 1 again); returns how many envelopes."""
    gone = session.execute(delete(OutboxEnvelope).where(OutboxEnvelope.kiosk_id == kiosk_id)).rowcount
    session.execute(delete(OutboxHead).where(OutboxHead.kiosk_id == kiosk_id))
    return gone
