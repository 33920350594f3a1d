"""Signed checkpoints: the kiosk's Ed25519 key signs how many entries the log had and the hash of the last one.

The signed message is deterministic CBOR of ``{"v", "what", "entries", "head", "time", "key_version"}``; the
checkpoint stores the signing key's version, so a checkpoint signed before a rotation is checked with the key
version it names (the key ring keeps every version). A checkpoint proves every entry up to ``entries``: each
entry commits to the one before it, so changing, removing or reordering any of them changes ``head``.
"""

from __future__ import annotations

from dataclasses import dataclass

import cbor2
from cryptography.exceptions import InvalidSignature

from enrollment.audit.entries import FORMAT_VERSION
from enrollment.keys.errors import UnknownKeyVersion
from enrollment.keys.keyring import KeyRing

SIGNED_WHAT = "aanmeldzuil audit checkpoint"


@dataclass(frozen=True)
class Checkpoint:
    number: int  # 1, 2, 3, ... without gaps
    entries: int  # how many entries the log had when it was signed
    head: bytes  # SHA-256 of entry ``entries`` (all zero for an empty log)
    time: str
    key_version: int
    signature: bytes

    def message(self) -> bytes:
        return signed_message(self.entries, self.head, self.time, self.key_version)


def signed_message(entries: int, head: bytes, time: str, key_version: int) -> bytes:
    return cbor2.dumps({"v": FORMAT_VERSION, "what": SIGNED_WHAT, "entries": entries, "head": head, "time": time,
                        "key_version": key_version}, canonical=True)


def sign(ring: KeyRing, number: int, entries: int, head: bytes, time: str) -> Checkpoint:
    """A checkpoint signed with the ring's newest signing key."""
    version, key = ring.signing_key()
    return Checkpoint(number, entries, head, time, version,
                      key.sign(signed_message(entries, head, time, version)))


def signature_problem(ring: KeyRing, checkpoint: Checkpoint) -> str | None:
    """Why ``checkpoint``'s signature does not prove out with the ring's keys, or None when it does."""
    try:
        _version, key = ring.signing_key(checkpoint.key_version)
    except UnknownKeyVersion:
        return f"names signing key version {checkpoint.key_version}, which the key file does not hold"
    try:
        key.public_key().verify(checkpoint.signature, checkpoint.message())
    except InvalidSignature:
        return f"its signature does not verify with signing key version {checkpoint.key_version}"
    return None
