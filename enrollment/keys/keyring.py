"""The unlocked keys, in memory only: every kept version of every data key, by purpose.

A writer takes :meth:`KeyRing.current` (the newest version) and stores its version next to what it seals
or signs; a reader asks :meth:`KeyRing.version` for the version stored there. Rotation adds versions and never
drops one, so everything written under an older version stays readable until it is written again under a newer
one. The audit log's checkpoints use the signing key (:mod:`enrollment.audit.checkpoints`); the record store's
sealed fields (:mod:`enrollment.records.field_cipher`) use the gallery key like this:

    key = ring.current(Purpose.GALLERY)
    sealed = AESGCM(key.material).encrypt(nonce, plaintext, table_row_column)   # and store key.version
    AESGCM(ring.version(Purpose.GALLERY, stored_version).material).decrypt(nonce, sealed, table_row_column)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from enrollment.keys.errors import UnknownKeyVersion


class Purpose(StrEnum):
    """What a data key is for; each purpose has its own versions. All are 32 random bytes."""

    # What each key is for: the record's sealed fields; the V-number lookup hash (HMAC-SHA256); the kiosk's
    # Ed25519 signatures (seed) of the audit log's checkpoints and of sync's envelopes.
    GALLERY = "gallery"
    VNUMBER_HMAC = "vnumber-hmac"
    SIGNING = "signing"


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
    checksum: str = field(default="", compare=False)  # the key file's SHA-256 line (:func:`key_file.checksum`)

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
