"""The signed gallery feed delta for one kiosk (``GET /v1/feed``; ``sync/PROTOCOL.md`` "The gallery feed").

Entries after the kiosk's cursor recorded from other kiosks only, oldest first, at most ``limit``; each
enrolment's templates are opened from the intake envelope's sealed part (as received, with the upstream's sealing
key) and sealed to the kiosk's registered feed key, bound to the entry's cursor and the kiosk
(:func:`sync.feed_delta.entry_aad`). The delta is signed with the upstream's newest receipt key.
"""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from sqlalchemy import Engine, func, select

from sync import canonical
from sync.envelope import Envelope
from sync.feed_delta import ENROLL, seal_templates, sign_delta
from sync.kinds import EnvelopeKind
from sync.upstream.errors import KioskRefused
from sync.upstream.feed_entries import opened_secret, templates_of
from sync.upstream.ingest import ReceiptSigner
from sync.upstream.models import envelopes, feed_entries, kiosks

MAX_LIMIT = 10_000


def _envelope(row) -> Envelope:  # type: ignore[no-untyped-def]
    """The stored envelope (verified when it was ingested), read back for its sealed part."""
    body = canonical.decode(canonical.decode(row.bytes)["body"])
    return Envelope(row.id, row.kiosk_id, row.seq, body["prev"], EnvelopeKind(row.kind), body["created"],
                    body["key"], body["payload"], b"", row.bytes)


def delta_for(engine: Engine, signer: ReceiptSigner, sealing_key: X25519PrivateKey, kiosk_id: str, after: int,
              limit: int) -> bytes:
    """The signed delta for ``kiosk_id`` after ``after``; :class:`KioskRefused` for a revoked kiosk or one that
    registered no feed key."""
    with engine.begin() as connection:
        kiosk = connection.execute(select(kiosks.c.state, kiosks.c.feed_key).where(kiosks.c.id == kiosk_id)).first()
        if kiosk is None or kiosk.state != "active":
            raise KioskRefused(f"kiosk {kiosk_id} is {'not registered' if kiosk is None else kiosk.state}")
        if kiosk.feed_key is None:
            raise KioskRefused(f"kiosk {kiosk_id} registered no feed key")
        recipient = X25519PublicKey.from_public_bytes(kiosk.feed_key)
        rows = connection.execute(select(feed_entries).where(feed_entries.c.cursor > after,
                                                             feed_entries.c.origin != kiosk_id)
                                  .order_by(feed_entries.c.cursor).limit(limit)).all()
        if len(rows) < limit:  # nothing more of others: the kiosk may skip its own entries up to the newest
            newest = connection.execute(select(func.max(feed_entries.c.cursor))).scalar() or 0
            next_cursor = max(after, newest)
        else:
            next_cursor = rows[-1].cursor
        held = {r.id: r for r in connection.execute(
            select(envelopes.c.id, envelopes.c.kiosk_id, envelopes.c.seq, envelopes.c.kind, envelopes.c.bytes)
            .where(envelopes.c.id.in_([r.envelope_id for r in rows if r.kind == ENROLL])))}
    entries = []
    for row in rows:
        sealed = None
        if row.kind == ENROLL:
            templates = templates_of(opened_secret(sealing_key, _envelope(held[row.envelope_id])))
            sealed = seal_templates(recipient, row.cursor, kiosk_id, templates)
        entries.append({"cursor": row.cursor, "kind": row.kind, "origin": row.origin, "person": row.person,
                        "location": row.location, "sealed": sealed})
    return sign_delta(signer.key, key_version=signer.key_version, upstream_id=signer.upstream_id, kiosk_id=kiosk_id,
                      after=after, next_cursor=next_cursor, entries=entries)
