"""The unlocked keys, in memory only: every kept version of every data key, by purpose.

A writer takes :meth:`KeyRing.current` (the newest version) and stores its version next to what it encrypts
or signs; a reader asks :meth:`KeyRing.version` for the version stored there. Rotation adds versions and never
drops one, so everything written under an older version stays readable until it is re-encrypted.

    key = ring.current(Purpose.GALLERY)
    ciphertext = AESGCM(key.material).encrypt(nonce, plaintext, table_row_column)   # store key.version too
    AESGCM(ring.version(Purpose.GALLERY, stored_version).material).decrypt(nonce, ciphertext, table_row_column)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from enrollment.keys.errors import UnknownKeyVersion


class Purpose(StrEnum):
    """What a data key is for; each purpose has its own versions. All are 32 random bytes."""

    GALLERY = "gallery"  # AES-256-GCM of templates, images, V-numbers and person links at rest
    VNUMBER_HMAC = "vnumber-hmac"  # HMAC-SHA256 key of the V-number lookup hash
    SIGNING = "signing"  # Ed25519 private key (seed) of the kiosk: audit checkpoints, outbox envelopes


@dataclass(frozen=True)
class DataKey:
    purpose: Purpose
    version: int
    created: str
    material: bytes = field(repr=False)


@dataclass(frozen=True)
class KeyRing:
    path: Path
    demo: bool
    sealing: str
    master_version: int
    keys: dict[Purpose, tuple[DataKey, ...]] = field(repr=False)  # oldest first

    def current(self, purpose: Purpose) -> DataKey:
        """The newest version: the one every new write uses."""
        return self.versions(purpose)[-1]

    def version(self, purpose: Purpose, version: int) -> DataKey:
        for key in self.versions(purpose):
            if key.version == version:
                return key
        raise UnknownKeyVersion(f"key file {self.path} holds no {purpose} key of version {version}")

    def versions(self, purpose: Purpose) -> tuple[DataKey, ...]:
        keys = self.keys.get(purpose, ())
        if not keys:
            raise UnknownKeyVersion(f"key file {self.path} holds no {purpose} key")
        return keys

    def signing_key(self, version: int | None = None) -> tuple[int, Ed25519PrivateKey]:
        """The kiosk's Ed25519 key (newest, or of ``version``) and its version."""
        key = self.current(Purpose.SIGNING) if version is None else self.version(Purpose.SIGNING, version)
        return key.version, Ed25519PrivateKey.from_private_bytes(key.material)
