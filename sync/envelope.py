"""The signed envelope: one record the kiosk reports upstream, in canonical CBOR, signed with the kiosk's Ed25519
key and chained to the kiosk's previous envelope. ``sync/ENVELOPE.md`` is the format's description.

An envelope is the canonical CBOR map ``{"body": body, "sig": signature}``, where ``body`` is the canonical CBOR
encoding (a byte string) of the map

    {"v": 1, "id": envelope id (UUID, text), "kiosk": kiosk id, "seq": 1, 2, 3, ... per kiosk,
     "prev": SHA-256 of the kiosk's previous envelope (32 zero bytes before the first), "kind": what it reports,
     "created": Unix time in whole seconds (UTC), "key": the signing key's version, "payload": a map}

and ``signature`` is Ed25519 over :data:`SIGNATURE_DOMAIN` followed by the ``body`` bytes. The hash of an envelope
(what the next one's ``prev`` holds) is SHA-256 of the whole envelope's bytes.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from sync import canonical, sealing
from sync.errors import EnvelopeInvalid
from sync.kinds import EnvelopeKind

FORMAT_VERSION = 1
SIGNATURE_DOMAIN = b"aanmeldzuil envelope v1\x00"
SEAL_DOMAIN = "aanmeldzuil sealed payload v1"
GENESIS = bytes(32)  # the "prev" of a kiosk's first envelope
MAX_ENVELOPE_BYTES = 4 * 1024 * 1024
MAX_INT = 2**63 - 1
BODY_FIELDS = ("v", "id", "kiosk", "seq", "prev", "kind", "created", "key", "payload")
KIOSK_ID = re.compile(r"^[a-z0-9][a-z0-9-]{2,39}$")

SigningKeys = Mapping[int, Ed25519PublicKey]


@dataclass(frozen=True)
class Envelope:
    envelope_id: str
    kiosk_id: str
    sequence: int
    previous_hash: bytes
    kind: EnvelopeKind
    created: int
    key_version: int
    payload: dict[str, Any]
    signature: bytes
    encoded: bytes  # the whole envelope, as stored and sent

    @property
    def hash(self) -> bytes:
        """SHA-256 of the whole envelope: the next envelope's ``prev``."""
        return hashlib.sha256(self.encoded).digest()


def seal_aad(envelope_id: str, kiosk_id: str, sequence: int, kind: str) -> bytes:
    """The associated data of a sealed part of this envelope's payload (:mod:`sync.sealing`)."""
    return canonical.encode([SEAL_DOMAIN, envelope_id, kiosk_id, sequence, str(kind)])


def new_envelope_id() -> str:
    return str(uuid.uuid4())


def sign_envelope(key: Ed25519PrivateKey, *, key_version: int, envelope_id: str, kiosk_id: str, sequence: int,
                  previous_hash: bytes, kind: EnvelopeKind, created: int, payload: dict[str, Any]) -> Envelope:
    """The envelope of these fields, signed with ``key``; it is parsed back (so a field out of range is refused
    here, before it is stored) and returned."""
    body = canonical.encode({"v": FORMAT_VERSION, "id": envelope_id, "kiosk": kiosk_id, "seq": sequence,
                             "prev": previous_hash, "kind": str(kind), "created": created, "key": key_version,
                             "payload": payload})
    encoded = canonical.encode({"body": body, "sig": key.sign(SIGNATURE_DOMAIN + body)})
    return parse_envelope(encoded, keys={key_version: key.public_key()}, previous_hash=previous_hash)


def parse_envelope(data: bytes, *, keys: SigningKeys, previous_hash: bytes) -> Envelope:
    """The envelope ``data`` after checking its structure, its signature (with ``keys[version]`` of the version
    it names) and that its ``prev`` is ``previous_hash``; :class:`EnvelopeInvalid` naming the field otherwise."""
    envelope = verified_envelope(data, keys=keys)
    if envelope.previous_hash != previous_hash:
        raise EnvelopeInvalid("prev", f"links to {envelope.previous_hash.hex()[:16]}..., not to the previous "
                                      f"envelope {previous_hash.hex()[:16]}...")
    return envelope


def verified_envelope(data: bytes, *, keys: SigningKeys) -> Envelope:
    """Like :func:`parse_envelope` without the chain link (the chain verifier checks links itself)."""
    if not isinstance(data, bytes) or not 0 < len(data) <= MAX_ENVELOPE_BYTES:
        raise EnvelopeInvalid("envelope", f"must be 1 to {MAX_ENVELOPE_BYTES} bytes")
    outer = _decoded("envelope", data)
    if not isinstance(outer, dict) or sorted(outer) != ["body", "sig"]:
        raise EnvelopeInvalid("envelope", "must be a map of exactly body and sig")
    body_bytes, signature = outer["body"], outer["sig"]
    if not isinstance(body_bytes, bytes):
        raise EnvelopeInvalid("body", "must be a byte string")
    if not isinstance(signature, bytes) or len(signature) != 64:
        raise EnvelopeInvalid("sig", "must be a 64-byte Ed25519 signature")
    body = _decoded("body", body_bytes)
    if not isinstance(body, dict) or not all(isinstance(k, str) for k in body):
        raise EnvelopeInvalid("body", "must be a map with text keys")
    if missing := [f for f in BODY_FIELDS if f not in body]:
        raise EnvelopeInvalid(missing[0], "missing")
    if extra := sorted(set(body) - set(BODY_FIELDS)):
        raise EnvelopeInvalid(extra[0][:40], "not a field of this format")
    envelope = _fields(body, signature, data)
    public = keys.get(envelope.key_version)
    if public is None:
        raise EnvelopeInvalid("key", f"signing key version {envelope.key_version} is not one held for this kiosk")
    try:
        public.verify(signature, SIGNATURE_DOMAIN + body_bytes)
    except InvalidSignature:
        raise EnvelopeInvalid("sig", f"does not verify with signing key version {envelope.key_version}") from None
    return envelope


def signed_with(data: bytes) -> int:
    """The signing key version an envelope names, read without verifying it (the kiosk's own stored envelopes,
    which a process holding an older key ring may not be able to verify); :class:`EnvelopeInvalid` when it names
    none."""
    outer = _decoded("envelope", data)
    body = _decoded("body", outer["body"]) if isinstance(outer, dict) and isinstance(outer.get("body"), bytes) else None
    version = body.get("key") if isinstance(body, dict) else None
    if type(version) is not int or version < 1:
        raise EnvelopeInvalid("key", "names no signing key version")
    return version


def _decoded(field: str, data: bytes) -> Any:
    try:
        return canonical.decode(data)
    except ValueError as exc:
        raise EnvelopeInvalid(field, str(exc)) from None


def _int(body: dict[str, Any], field: str, lowest: int) -> int:
    value = body[field]
    if type(value) is not int or not lowest <= value <= MAX_INT:
        raise EnvelopeInvalid(field, f"must be a whole number from {lowest} to 2^63-1")
    return value


def _fields(body: dict[str, Any], signature: bytes, data: bytes) -> Envelope:
    if body["v"] != FORMAT_VERSION or type(body["v"]) is not int:
        raise EnvelopeInvalid("v", f"format version must be {FORMAT_VERSION}")
    envelope_id = body["id"]
    if not isinstance(envelope_id, str) or not _is_uuid(envelope_id):
        raise EnvelopeInvalid("id", "must be a UUID in its lowercase 36-character text form")
    kiosk_id = body["kiosk"]
    if not isinstance(kiosk_id, str) or not KIOSK_ID.match(kiosk_id):
        raise EnvelopeInvalid("kiosk", "must be 3-40 of a-z, 0-9 and '-'")
    sequence = _int(body, "seq", 1)
    previous = body["prev"]
    if not isinstance(previous, bytes) or len(previous) != 32:
        raise EnvelopeInvalid("prev", "must be a 32-byte SHA-256")
    if (sequence == 1) != (previous == GENESIS):
        raise EnvelopeInvalid("prev", "is 32 zero bytes exactly when seq is 1")
    if not isinstance(body["kind"], str) or body["kind"] not in set(EnvelopeKind):
        raise EnvelopeInvalid("kind", f"must be one of {', '.join(EnvelopeKind)}")
    created = _int(body, "created", 0)
    key_version = _int(body, "key", 1)
    payload = body["payload"]
    if not isinstance(payload, dict) or not all(isinstance(k, str) for k in payload):
        raise EnvelopeInvalid("payload", "must be a map with text keys")
    if "sealed" in payload and (problem := sealing.shape_problem(payload["sealed"])) is not None:
        raise EnvelopeInvalid("payload.sealed", problem)
    return Envelope(envelope_id, kiosk_id, sequence, previous, EnvelopeKind(body["kind"]), created, key_version,
                    payload, signature, data)


def _is_uuid(text: str) -> bool:
    try:
        return str(uuid.UUID(text)) == text
    except ValueError:
        return False
