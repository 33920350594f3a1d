"""The kiosk's X25519 feed key: what the upstream seals other kiosks' templates to in the gallery feed.

Not stored: derived from the key hierarchy the way the TLS key's password is (:func:`sync.registration.
tls_key_password`): HKDF-SHA256 (cryptography's) over the seed of the kiosk's Ed25519 signing key of the version
the registration names, with its own ``info`` label, giving the 32-byte X25519 private key (RFC 7748 clamps it).
"""

from __future__ import annotations

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from enrollment.keys.keyring import KeyRing, Purpose

FEED_KEY_INFO = b"aanmeldzuil gallery feed x25519 key v1"


def feed_key(ring: KeyRing, version: int) -> X25519PrivateKey:
    """The feed key derived from the signing key seed of ``version``."""
    seed = ring.version(Purpose.SIGNING, version).material
    return X25519PrivateKey.from_private_bytes(HKDF(hashes.SHA256(), 32, salt=None, info=FEED_KEY_INFO).derive(seed))
