"""The upstream's signed receipt for one envelope: what the upstream hands back when it holds an envelope, and what
the kiosk stores next to it as proof of delivery. ``sync/PROTOCOL.md`` describes it.

A receipt is the canonical CBOR map ``{"body": body, "sig": signature}``, where ``body`` is the canonical CBOR
encoding (a byte string) of the map

    {"v": 1, "upstream": upstream id, "key": receipt key version, "envelope": envelope id, "kiosk": kiosk id,
     "seq": the envelope's sequence number, "hash": SHA-256 of the envelope's bytes, "received": Unix seconds}

and ``signature`` is Ed25519 over :data:`SIGNATURE_DOMAIN` followed by the ``body`` bytes, with the upstream's
receipt key of version ``key``. The upstream makes one receipt per envelope and hands the same bytes back for a
repeat, so a receipt's bytes are as stable as the envelope's.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from sync import canonical
from sync.envelope import KIOSK_ID, MAX_INT, Envelope
from sync.errors import ReceiptInvalid

FORMAT_VERSION = 1
SIGNATURE_DOMAIN = b"aanmeldzuil receipt v1\x00"
MAX_RECEIPT_BYTES = 4096
BODY_FIELDS = ("v", "upstream", "key", "envelope", "kiosk", "seq", "hash", "received")
UPSTREAM_ID = KIOSK_ID  # the same shape: 3-40 of a-z, 0-9, '-'

ReceiptKeys = Mapping[int, Ed25519PublicKey]


@dataclass(frozen=True)
class Receipt:
    upstream_id: str
    key_version: int
    envelope_id: str
    kiosk_id: str
    sequence: int
    envelope_hash: bytes
    received: int
    signature: bytes
    encoded: bytes  # the whole receipt, as sent and stored


def sign_receipt(key: Ed25519PrivateKey, *, key_version: int, upstream_id: str, envelope: Envelope,
                 received: int) -> Receipt:
    """The receipt of ``envelope``, received at ``received`` (Unix seconds), signed with the upstream's ``key``."""
    body = canonical.encode({"v": FORMAT_VERSION, "upstream": upstream_id, "key": key_version,
                             "envelope": envelope.envelope_id, "kiosk": envelope.kiosk_id, "seq": envelope.sequence,
                             "hash": envelope.hash, "received": received})
    encoded = canonical.encode({"body": body, "sig": key.sign(SIGNATURE_DOMAIN + body)})
    return verified_receipt(encoded, keys={key_version: key.public_key()}, envelope=envelope.encoded)


def verified_receipt(data: bytes, *, keys: ReceiptKeys, envelope: bytes) -> Receipt:
    """The receipt ``data`` after checking its structure, its signature (with ``keys[version]`` of the version it
    names) and that it is the receipt of exactly the envelope ``envelope`` (its bytes); :class:`ReceiptInvalid`
    naming the field otherwise."""
    if not isinstance(data, bytes) or not 0 < len(data) <= MAX_RECEIPT_BYTES:
        raise ReceiptInvalid("receipt", f"must be 1 to {MAX_RECEIPT_BYTES} bytes")
    outer = _decoded("receipt", data)
    if not isinstance(outer, dict) or sorted(outer) != ["body", "sig"]:
        raise ReceiptInvalid("receipt", "must be a map of exactly body and sig")
    body_bytes, signature = outer["body"], outer["sig"]
    if not isinstance(body_bytes, bytes):
        raise ReceiptInvalid("body", "must be a byte string")
    if not isinstance(signature, bytes) or len(signature) != 64:
        raise ReceiptInvalid("sig", "must be a 64-byte Ed25519 signature")
    body = _decoded("body", body_bytes)
    if not isinstance(body, dict) or sorted(body) != sorted(BODY_FIELDS):
        raise ReceiptInvalid("body", f"must be a map of exactly {', '.join(BODY_FIELDS)}")
    receipt = _fields(body, signature, data)
    public = keys.get(receipt.key_version)
    if public is None:
        raise ReceiptInvalid("key", f"receipt key version {receipt.key_version} is not one held for this upstream")
    try:
        public.verify(signature, SIGNATURE_DOMAIN + body_bytes)
    except InvalidSignature:
        raise ReceiptInvalid("sig", f"does not verify with receipt key version {receipt.key_version}") from None
    if receipt.envelope_hash != hashlib.sha256(envelope).digest():
        raise ReceiptInvalid("hash", "is not the hash of the envelope sent")
    return receipt


def _decoded(field: str, data: bytes) -> Any:
    try:
        return canonical.decode(data)
    except ValueError as exc:
        raise ReceiptInvalid(field, str(exc)) from None


def _int(body: dict[str, Any], field: str, lowest: int) -> int:
    value = body[field]
    if type(value) is not int or not lowest <= value <= MAX_INT:
        raise ReceiptInvalid(field, f"must be a whole number from {lowest} to 2^63-1")
    return value


def _fields(body: dict[str, Any], signature: bytes, data: bytes) -> Receipt:
    if type(body["v"]) is not int or body["v"] != FORMAT_VERSION:
        raise ReceiptInvalid("v", f"format version must be {FORMAT_VERSION}")
    for field, shape in (("upstream", UPSTREAM_ID), ("kiosk", KIOSK_ID)):
        if not isinstance(body[field], str) or not shape.match(body[field]):
            raise ReceiptInvalid(field, "must be 3-40 of a-z, 0-9 and '-'")
    if not isinstance(body["envelope"], str) or not re.fullmatch(r"[0-9a-f-]{36}", body["envelope"]):
        raise ReceiptInvalid("envelope", "must be a UUID in its lowercase 36-character text form")
    if not isinstance(body["hash"], bytes) or len(body["hash"]) != 32:
        raise ReceiptInvalid("hash", "must be a 32-byte SHA-256")
    return Receipt(body["upstream"], _int(body, "key", 1), body["envelope"], body["kiosk"], _int(body, "seq", 1),
                   body["hash"], _int(body, "received", 0), signature, data)
