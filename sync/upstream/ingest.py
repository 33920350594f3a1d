"""Taking one envelope into the upstream's database (``sync/PROTOCOL.md`` "Delivering an envelope"), DB-level and
without HTTP: verify it with the kiosk's registered signing keys, then in one transaction lock the kiosk's chain
head, and either store it with its receipt and advance the head, hand back the receipt of a repeat, or refuse it
as a gap, a fork or a replay (a refusal is recorded as a chain fault in a transaction of its own).

Concurrency is the database's: the chain head row is locked (``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite's
write lock, taken at ``BEGIN IMMEDIATE``), so any number of worker processes may ingest at once.
"""

from __future__ import annotations

import datetime
import time
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import Connection, Engine, insert, select, update
from sqlalchemy.exc import IntegrityError

from sync import canonical
from sync.envelope import Envelope, verified_envelope
from sync.errors import EnvelopeInvalid
from sync.receipt import sign_receipt
from sync.upstream.errors import ChainFault, KioskRefused
from sync.upstream.feed_entries import record_feed
from sync.upstream.kiosk_reports import record_report
from sync.upstream.models import chain_faults, chain_heads, envelopes, kiosk_keys, kiosks


@dataclass(frozen=True)
class ReceiptSigner:
    upstream_id: str
    key_version: int
    key: Ed25519PrivateKey


def named_kiosk(data: bytes) -> str | None:
    """The kiosk id the envelope's body names, read before anything is verified (so that an envelope naming
    another kiosk is refused as such); None when it names none legibly (the full check then says why)."""
    try:
        outer = canonical.decode(data)
        body = canonical.decode(outer["body"]) if isinstance(outer, dict) and isinstance(outer.get("body"), bytes) \
            else None
    except ValueError:
        return None
    kiosk = body.get("kiosk") if isinstance(body, dict) else None
    return kiosk if isinstance(kiosk, str) else None


def _require_active(connection: Connection, kiosk_id: str) -> None:
    state = connection.execute(select(kiosks.c.state).where(kiosks.c.id == kiosk_id)).scalar()
    if state != "active":
        raise KioskRefused(f"kiosk {kiosk_id} is {'not registered' if state is None else state}")


def _signing_keys(engine: Engine, kiosk_id: str) -> dict[int, Ed25519PublicKey]:
    with engine.begin() as connection:
        _require_active(connection, kiosk_id)
        rows = connection.execute(select(kiosk_keys.c.version, kiosk_keys.c.public_key)
                                  .where(kiosk_keys.c.kiosk_id == kiosk_id)).all()
    return {row.version: Ed25519PublicKey.from_public_bytes(row.public_key) for row in rows}


def ingest(engine: Engine, signer: ReceiptSigner, kiosk_id: str, data: bytes, *,
           sealing_key: X25519PrivateKey | None = None) -> bytes:
    """The receipt of the envelope ``data`` sent by ``kiosk_id`` (the client certificate's): stored now, or the
    stored receipt of a repeat. A newly stored deletion or checkpoint envelope is recorded as such
    (:mod:`sync.upstream.kiosk_reports`) in the same transaction. With ``sealing_key``, a newly stored envelope
    also records what it means for the gallery feed (:mod:`sync.upstream.feed_entries`) in the same transaction.
    :class:`KioskRefused`, :class:`EnvelopeInvalid` or :class:`ChainFault` otherwise."""
    if (named := named_kiosk(data)) is not None and named != kiosk_id:
        raise KioskRefused(f"the envelope names kiosk {named!r}, the client certificate {kiosk_id!r}")
    keys = _signing_keys(engine, kiosk_id)
    try:
        envelope = verified_envelope(data, keys=keys)
    except EnvelopeInvalid as exc:  # names the field; kept as a fault too
        record_fault(engine, kiosk_id, "invalid", held_chain(engine, kiosk_id)[0] + 1, str(exc))
        raise
    try:
        return _store(engine, signer, envelope, sealing_key)
    except ChainFault as fault:
        record_fault(engine, kiosk_id, fault.reason, fault.expected, fault.detail)
        raise


def _store(engine: Engine, signer: ReceiptSigner, envelope: Envelope,
           sealing_key: X25519PrivateKey | None = None) -> bytes:
    kiosk_id, seq = envelope.kiosk_id, envelope.sequence
    try:
        with engine.begin() as connection:
            head = connection.execute(select(chain_heads.c.held, chain_heads.c.head)
                                      .where(chain_heads.c.kiosk_id == kiosk_id).with_for_update()).one()
            expected = head.held + 1
            if seq <= head.held:
                stored = connection.execute(select(envelopes.c.bytes, envelopes.c.receipt)
                                            .where(envelopes.c.kiosk_id == kiosk_id, envelopes.c.seq == seq)).one()
                if stored.bytes == envelope.encoded:
                    return stored.receipt
                raise ChainFault("replay", expected, f"sequence {seq} is held with another envelope")
            if seq > expected:
                raise ChainFault("gap", expected, f"sequence {seq} where {expected} was expected")
            if envelope.previous_hash != head.head:
                raise ChainFault("fork", expected, f"sequence {seq} links to {envelope.previous_hash.hex()[:16]}..., "
                                                   f"not to the held head {head.head.hex()[:16]}...")
            received = int(time.time())
            receipt = sign_receipt(signer.key, key_version=signer.key_version, upstream_id=signer.upstream_id,
                                   envelope=envelope, received=received).encoded
            connection.execute(insert(envelopes).values(
                id=envelope.envelope_id, kiosk_id=kiosk_id, seq=seq, kind=str(envelope.kind), bytes=envelope.encoded,
                hash=envelope.hash, received=received, receipt=receipt))
            connection.execute(update(chain_heads).where(chain_heads.c.kiosk_id == kiosk_id)
                               .values(held=seq, head=envelope.hash))
            record_report(connection, envelope)
            if sealing_key is not None:
                record_feed(connection, envelope, sealing_key)
            return receipt
    except IntegrityError:  # the envelope id is held already, at another place in a chain
        raise ChainFault("replay", seq, f"envelope id {envelope.envelope_id} is held already") from None


def record_fault(engine: Engine, kiosk_id: str, reason: str, expected: int, detail: str) -> None:
    """Keep a refusal (gap, fork, replay, invalid) for ``zuil upstream chains``: reported, never papered over."""
    with engine.begin() as connection:
        connection.execute(insert(chain_faults).values(kiosk_id=kiosk_id, at=datetime.datetime.now(datetime.UTC),
                                                       reason=reason, expected=expected, detail=detail[:400]))


def held_chain(engine: Engine, kiosk_id: str) -> tuple[int, bytes]:
    """How far the upstream holds ``kiosk_id``'s chain: (held sequence number, head hash); :class:`KioskRefused`
    for a revoked kiosk."""
    with engine.begin() as connection:
        _require_active(connection, kiosk_id)
        head = connection.execute(select(chain_heads.c.held, chain_heads.c.head)
                                  .where(chain_heads.c.kiosk_id == kiosk_id)).one()
    return head.held, head.head
