"""The ``keys`` envelope: after a rotation, the kiosk announces its newer signing public keys in an envelope signed
with the version that signed its chain so far, so the upstream (which knows the versions the registration sent)
can verify it and then the envelopes signed with the newer versions (``sync/PROTOCOL.md`` "Signing key
rotation").

Payload: ``{"signing_keys": {"<version>": "<hex of the raw 32-byte Ed25519 public key>", ...}}``, each version
newer than the one that signs the envelope.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from enrollment.keys.keyring import KeyRing, Purpose
from sync.envelope import Envelope
from sync.errors import EnvelopeInvalid
from sync.kinds import EnvelopeKind
from sync.payloads import Report

MAX_ANNOUNCED = 64  # versions in one announcement, as many as a registration may send
_VERSION = re.compile(r"[1-9][0-9]{0,8}")
_PUBLIC = re.compile(r"[0-9a-f]{64}")


def keys_report(kiosk_id: str, ring: KeyRing, after: int) -> Report:
    """The announcement of every signing key version of ``ring`` newer than ``after``. Its record id in the outbox
    is the name-based UUID of the kiosk and the versions announced (one announcement per step)."""
    newer = {key.version: ring.signing_key(key.version)[1].public_key().public_bytes_raw().hex()
             for key in ring.versions(Purpose.SIGNING) if key.version > after}
    record = uuid.uuid5(uuid.NAMESPACE_URL, f"aanmeldzuil:signing-keys:{kiosk_id}:{after}:{max(newer)}")
    return Report(EnvelopeKind.KEYS, str(record), {"signing_keys": {str(v): k for v, k in sorted(newer.items())}},
                  None)


def announced_keys(envelope: Envelope) -> dict[int, bytes]:
    """The raw public keys a ``keys`` envelope announces, by version; :class:`EnvelopeInvalid` naming the payload
    field when it is not as ENVELOPE.md says or announces a version not newer than the one that signed it."""
    payload: dict[str, Any] = envelope.payload
    if sorted(payload) != ["signing_keys"]:
        raise EnvelopeInvalid("payload", "a keys envelope's payload is exactly signing_keys")
    announced = payload["signing_keys"]
    if not isinstance(announced, dict) or not 0 < len(announced) <= MAX_ANNOUNCED:
        raise EnvelopeInvalid("payload.signing_keys", f"must be a map of 1 to {MAX_ANNOUNCED} versions")
    keys: dict[int, bytes] = {}
    for version, public in announced.items():
        if not isinstance(version, str) or not _VERSION.fullmatch(version):
            raise EnvelopeInvalid("payload.signing_keys", "a version must be a whole number from 1, as text")
        if int(version) <= envelope.key_version:
            raise EnvelopeInvalid("payload.signing_keys", f"version {version} is not newer than the signing key "
                                                          f"version {envelope.key_version} that signed it")
        if not isinstance(public, str) or not _PUBLIC.fullmatch(public):
            raise EnvelopeInvalid(f"payload.signing_keys.{version}", "must be the raw 32-byte Ed25519 key in "
                                                                     "lowercase hex")
        keys[int(version)] = bytes.fromhex(public)
    return keys


def public_keys(raw: dict[int, bytes]) -> dict[int, Ed25519PublicKey]:
    return {version: Ed25519PublicKey.from_public_bytes(key) for version, key in raw.items()}
