"""Recording a kiosk's keys, deletion and audit checkpoint envelopes as they are ingested (``sync/PROTOCOL.md``
"Signing key rotation", "Deletions and audit checkpoints"), in the transaction that stores the envelope.

A ``keys`` envelope's announced versions become rows of ``kiosk_signing_keys`` (a version held with the same key is
kept as it is; one held with another key is refused before it is stored: :func:`key_conflict`).

A ``deletion`` envelope becomes a row of ``deletions`` (the kiosk's receipt, the rule, the counts, the time); what it
means for the gallery feed is :mod:`sync.upstream.feed_entries`'s. A ``checkpoint`` envelope becomes a row of
``audit_checkpoints``, with whether its signature verifies with the kiosk's registered signing key of the version it
names (the signed message of :mod:`enrollment.audit.checkpoints`). An envelope whose payload is not as
``sync/ENVELOPE.md`` says records nothing here (it is stored and receipted like any other).
"""

from __future__ import annotations

from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import Connection, insert, select

from enrollment.audit.checkpoints import signed_message
from sync.envelope import MAX_INT, Envelope
from sync.errors import EnvelopeInvalid
from sync.key_announcement import announced_keys
from sync.kinds import EnvelopeKind
from sync.upstream.models import audit_checkpoints, deletions, kiosk_keys


def record_report(connection: Connection, envelope: Envelope) -> None:
    """What a newly stored keys, deletion or checkpoint envelope reports, kept in the caller's transaction."""
    if envelope.kind is EnvelopeKind.KEYS:
        _add_signing_keys(connection, envelope)
    elif envelope.kind is EnvelopeKind.DELETION:
        _deletion(connection, envelope)
    elif envelope.kind is EnvelopeKind.CHECKPOINT:
        _checkpoint(connection, envelope)


def key_conflict(connection: Connection, envelope: Envelope, announced: dict[int, bytes]) -> EnvelopeInvalid | None:
    """Why the keys envelope ``envelope`` may not be stored: a version it announces is held for the kiosk (or was
    announced before it in ``announced``, which it is added to) with another key. None: it may."""
    keys = announced_keys(envelope)
    held = dict(connection.execute(select(kiosk_keys.c.version, kiosk_keys.c.public_key).where(
        kiosk_keys.c.kiosk_id == envelope.kiosk_id, kiosk_keys.c.version.in_(list(keys)))).all())
    for version, public in sorted(keys.items()):
        if announced.get(version, held.get(version)) not in (None, public):
            return EnvelopeInvalid(f"payload.signing_keys.{version}", f"signing key version {version} is held for "
                                                                      "this kiosk with another key")
    announced.update(keys)
    return None


def _add_signing_keys(connection: Connection, envelope: Envelope) -> None:
    keys = announced_keys(envelope)
    held = set(connection.scalars(select(kiosk_keys.c.version).where(
        kiosk_keys.c.kiosk_id == envelope.kiosk_id, kiosk_keys.c.version.in_(list(keys)))))
    if new := [{"kiosk_id": envelope.kiosk_id, "version": v, "public_key": k} for v, k in sorted(keys.items())
               if v not in held]:
        connection.execute(insert(kiosk_keys), new)


def deleted_intakes(payload: dict[str, Any]) -> list[str]:
    """The intake ids a deletion envelope names (empty when it is not as ENVELOPE.md says)."""
    intakes = payload.get("intakes")
    if not isinstance(intakes, list) or not all(isinstance(i, str) and 0 < len(i) <= 36 for i in intakes):
        return []
    return intakes


def _count(value: Any) -> bool:
    return type(value) is int and 0 <= value <= MAX_INT


def _deletion(connection: Connection, envelope: Envelope) -> None:
    p = envelope.payload
    if not (isinstance(p.get("receipt"), str) and len(p["receipt"]) <= 36 and isinstance(p.get("rule"), str)
            and len(p["rule"]) <= 40 and _count(p.get("records")) and _count(p.get("deleted"))
            and isinstance(p.get("intakes"), list)):
        return
    connection.execute(insert(deletions).values(
        envelope_id=envelope.envelope_id, kiosk_id=envelope.kiosk_id, receipt=p["receipt"], rule=p["rule"],
        records=p["records"], intakes=len(p["intakes"]), deleted=p["deleted"]))


def _checkpoint(connection: Connection, envelope: Envelope) -> None:
    p = envelope.payload
    if not (_count(p.get("number")) and _count(p.get("entries")) and isinstance(p.get("head"), bytes)
            and len(p["head"]) == 32 and isinstance(p.get("time"), str) and len(p["time"]) <= 40
            and type(p.get("signing_key")) is int and 1 <= p["signing_key"] < 2**31
            and isinstance(p.get("signature"), bytes) and len(p["signature"]) == 64):
        return
    public = connection.execute(select(kiosk_keys.c.public_key).where(
        kiosk_keys.c.kiosk_id == envelope.kiosk_id, kiosk_keys.c.version == p["signing_key"])).scalar()
    verified = False
    if public is not None:
        try:
            Ed25519PublicKey.from_public_bytes(public).verify(
                p["signature"], signed_message(p["entries"], p["head"], p["time"], p["signing_key"]))
            verified = True
        except InvalidSignature:
            pass
    connection.execute(insert(audit_checkpoints).values(
        kiosk_id=envelope.kiosk_id, number=p["number"], entries=p["entries"], head=p["head"], time=p["time"],
        key_version=p["signing_key"], signature=p["signature"], verified=verified, envelope_id=envelope.envelope_id))
