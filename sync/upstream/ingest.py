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
from collections.abc import Sequence
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import Connection, Engine, insert, select, update
from sqlalchemy.exc import IntegrityError

from sync import canonical
from sync.envelope import Envelope, verified_envelope
from sync.errors import EnvelopeInvalid
from sync.key_announcement import announced_keys, public_keys
from sync.kinds import EnvelopeKind
from sync.receipt import sign_receipt
from sync.upstream.errors import ChainFault, KioskRefused
from sync.upstream.feed_entries import record_feed
from sync.upstream.kiosk_reports import key_conflict, record_report
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
    stored receipt of a repeat. A newly stored keys, deletion or checkpoint envelope is recorded as such
    (:mod:`sync.upstream.kiosk_reports`: a keys envelope's versions become the kiosk's signing keys) in the same
    transaction. With ``sealing_key``, a newly stored envelope also records what it means for the gallery feed
    (:mod:`sync.upstream.feed_entries`) in the same transaction.
    :class:`KioskRefused`, :class:`EnvelopeInvalid` or :class:`ChainFault` otherwise."""
    taken = ingest_batch(engine, signer, kiosk_id, [data], sealing_key=sealing_key)
    if taken.refusal is not None:
        raise taken.refusal
    return taken.receipts[0]


@dataclass(frozen=True)
class Taken:
    """What became of a batch: the receipts of its first ``len(receipts)`` envelopes (held now, stored or
    repeats), and why the next one was refused (None: all were held)."""

    receipts: list[bytes]
    refusal: EnvelopeInvalid | ChainFault | None = None


def ingest_batch(engine: Engine, signer: ReceiptSigner, kiosk_id: str, datas: Sequence[bytes], *,
                 sealing_key: X25519PrivateKey | None = None) -> Taken:
    """Take consecutive envelopes of ``kiosk_id`` in order, in one transaction: each is stored (or is a repeat)
    as :func:`ingest` would, up to the first that is invalid or out of chain, which is recorded as a fault and
    named in the answer (those before it are held). :class:`KioskRefused` for the whole batch when one names
    another kiosk or the kiosk is not active (nothing is stored)."""
    for data in datas:
        if (named := named_kiosk(data)) is not None and named != kiosk_id:
            raise KioskRefused(f"the envelope names kiosk {named!r}, the client certificate {kiosk_id!r}")
    keys = _signing_keys(engine, kiosk_id)
    verified: list[Envelope] = []
    invalid: EnvelopeInvalid | None = None
    for data in datas:
        try:
            envelope = verified_envelope(data, keys=keys)
            if envelope.kind is EnvelopeKind.KEYS:  # the batch's next envelopes may be signed with what it announces
                keys = {**public_keys(announced_keys(envelope)), **keys}  # (a held version is checked in _store)
            verified.append(envelope)
        except EnvelopeInvalid as exc:  # names the field; kept as a fault too (after those before it are held)
            invalid = exc
            break
    receipts, fault = _store(engine, signer, verified, sealing_key) if verified else ([], None)
    refusal = fault or invalid
    if isinstance(refusal, ChainFault):
        record_fault(engine, kiosk_id, refusal.reason, refusal.expected, refusal.detail)
    elif refusal is not None:
        record_fault(engine, kiosk_id, "invalid", held_chain(engine, kiosk_id)[0] + 1, str(refusal))
    return Taken(receipts, refusal)


def _store(engine: Engine, signer: ReceiptSigner, batch: list[Envelope],
           sealing_key: X25519PrivateKey | None = None) -> tuple[list[bytes], ChainFault | EnvelopeInvalid | None]:
    """Store ``batch`` (consecutive envelopes of one kiosk) in one transaction under the chain head's lock: the
    receipts of those held, and the fault of the first out of chain or announcing a held key version with another
    key (those before it are committed)."""
    kiosk_id = batch[0].kiosk_id
    receipts: list[bytes] = []
    fault: ChainFault | EnvelopeInvalid | None = None
    announced: dict[int, bytes] = {}  # by the batch's keys envelopes stored so far
    stored: list[Envelope] = []
    rows: list[dict[str, object]] = []
    try:
        with engine.begin() as connection:
            head = connection.execute(select(chain_heads.c.held, chain_heads.c.head)
                                      .where(chain_heads.c.kiosk_id == kiosk_id).with_for_update()).one()
            held, head_hash = head.held, head.head
            elsewhere = _held_elsewhere(connection, batch)
            for envelope in batch:
                if (fault := _out_of_chain(connection, envelope, held, head_hash, elsewhere)) is not None:
                    break
                if envelope.sequence <= held:  # a repeat: its stored receipt
                    receipts.append(connection.execute(select(envelopes.c.receipt).where(
                        envelopes.c.kiosk_id == kiosk_id, envelopes.c.seq == envelope.sequence)).scalar_one())
                    continue
                if envelope.kind is EnvelopeKind.KEYS and \
                        (fault := key_conflict(connection, envelope, announced)) is not None:
                    break
                received = int(time.time())
                receipt = sign_receipt(signer.key, key_version=signer.key_version, upstream_id=signer.upstream_id,
                                       envelope=envelope, received=received).encoded
                stored.append(envelope)
                rows.append({"id": envelope.envelope_id, "kiosk_id": kiosk_id, "seq": envelope.sequence,
                             "kind": str(envelope.kind), "bytes": envelope.encoded, "hash": envelope.hash,
                             "received": received, "receipt": receipt})
                receipts.append(receipt)
                held, head_hash = envelope.sequence, envelope.hash
            if rows:  # one statement for the batch's new envelopes, then what they mean for the feed, in order
                connection.execute(insert(envelopes), rows)
                for envelope in stored:  # a keys, deletion or checkpoint envelope is recorded as such
                    record_report(connection, envelope)
            if sealing_key is not None:
                for envelope in stored:
                    record_feed(connection, envelope, sealing_key)
            if held != head.held:
                connection.execute(update(chain_heads).where(chain_heads.c.kiosk_id == kiosk_id)
                                   .values(held=held, head=head_hash))
    except IntegrityError:  # an envelope id taken at another place in a chain meanwhile: nothing of it is stored
        first = batch[0].sequence
        return [], ChainFault("replay", first, f"an envelope id from sequence {first} on is held already")
    return receipts, fault


def _out_of_chain(connection: Connection, envelope: Envelope, held: int, head_hash: bytes,
                  elsewhere: set[str]) -> ChainFault | None:
    """Why ``envelope`` does not come next after ``held`` (with ``head_hash``) and is no repeat; None if it does
    or is."""
    seq, expected = envelope.sequence, held + 1
    if seq <= held:
        stored = connection.execute(select(envelopes.c.bytes).where(envelopes.c.kiosk_id == envelope.kiosk_id,
                                                                    envelopes.c.seq == seq)).scalar_one()
        return None if stored == envelope.encoded else \
            ChainFault("replay", expected, f"sequence {seq} is held with another envelope")
    if seq > expected:
        return ChainFault("gap", expected, f"sequence {seq} where {expected} was expected")
    if envelope.previous_hash != head_hash:
        return ChainFault("fork", expected, f"sequence {seq} links to {envelope.previous_hash.hex()[:16]}..., "
                                            f"not to the held head {head_hash.hex()[:16]}...")
    if envelope.envelope_id in elsewhere:
        return ChainFault("replay", expected, f"envelope id {envelope.envelope_id} is held already")
    return None


def _held_elsewhere(connection: Connection, batch: list[Envelope]) -> set[str]:
    """The ids of ``batch`` the upstream holds at another place (another kiosk or sequence number)."""
    places = {envelope.envelope_id: (envelope.kiosk_id, envelope.sequence) for envelope in batch}
    rows = connection.execute(select(envelopes.c.id, envelopes.c.kiosk_id, envelopes.c.seq)
                              .where(envelopes.c.id.in_(list(places)))).all()
    return {row.id for row in rows if (row.kiosk_id, row.seq) != places[row.id]}


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
