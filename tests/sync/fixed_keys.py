"""Fixed keys for the sync tests and the worked example of ``sync/ENVELOPE.md`` (never used outside tests)."""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from sync.envelope import GENESIS, Envelope, sign_envelope
from sync.kinds import EnvelopeKind

SIGNING_SEED = bytes(range(32))  # 00 01 02 ... 1f
UPSTREAM_SECRET = bytes(range(32, 64))  # 20 21 ... 3f
EPHEMERAL_SECRET = bytes(range(64, 96))  # 40 41 ... 5f
NONCE = bytes(range(96, 108))  # 60 61 ... 6b
KIOSK = "zuil-test-01"


def signing_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(SIGNING_SEED)


def upstream_key() -> X25519PrivateKey:
    return X25519PrivateKey.from_private_bytes(UPSTREAM_SECRET)


def keys(version: int = 1) -> dict:
    return {version: signing_key().public_key()}


def envelope(sequence: int = 1, previous: bytes = GENESIS, *, kind: EnvelopeKind = EnvelopeKind.CONSENT,
             payload: dict | None = None, key_version: int = 1, kiosk: str = KIOSK) -> Envelope:
    return sign_envelope(signing_key(), key_version=key_version, envelope_id=f"00000000-0000-4000-8000-{sequence:012d}",
                         kiosk_id=kiosk, sequence=sequence, previous_hash=previous, kind=kind,
                         created=1_800_000_000 + sequence, payload=payload or {"record": f"r{sequence}"})


def chain(length: int) -> list[Envelope]:
    made: list[Envelope] = []
    for sequence in range(1, length + 1):
        made.append(envelope(sequence, made[-1].hash if made else GENESIS))
    return made
