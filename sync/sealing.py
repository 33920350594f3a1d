"""Sealing a payload part to the upstream's X25519 public key, and opening it with the upstream's private key.

    ephemeral = X25519PrivateKey.generate()                      # a new key pair for every seal
    shared    = ephemeral.exchange(upstream_public)              # X25519 (RFC 7748)
    key       = HKDF-SHA256(shared, salt = epk || upstream_pk, info = INFO, length 32)   (RFC 5869)
    ct        = AES-256-GCM(key).encrypt(nonce, plaintext, aad)  # nonce: 12 random bytes; ct ends in the 16-byte tag

The sealed part is the CBOR map ``{"alg": ALG, "rk": SHA-256(upstream_pk), "epk": epk, "nonce": nonce, "ct": ct}``
(``rk`` names the upstream key it was sealed to; ``epk`` and ``upstream_pk`` are the raw 32-byte X25519 keys).
The associated data binds it to one envelope (:func:`sync.envelope.seal_aad`): moved into another envelope it
does not open. The kiosk cannot open what it sealed; only the upstream's private key can.
"""

from __future__ import annotations

import hashlib
import os
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from sync.errors import SealInvalid

ALG = "X25519-HKDF-SHA256-A256GCM"
INFO = b"aanmeldzuil envelope seal v1"
NONCE_BYTES = 12
KEY_BYTES = 32
TAG_BYTES = 16
FIELDS = ("alg", "rk", "epk", "nonce", "ct")


def key_id(public: X25519PublicKey) -> bytes:
    """SHA-256 of the raw public key: how a sealed part names the key it was sealed to."""
    return hashlib.sha256(public.public_bytes_raw()).digest()


def _key(shared: bytes, epk: bytes, rpk: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=epk + rpk, info=INFO).derive(shared)


def seal(recipient: X25519PublicKey, plaintext: bytes, aad: bytes, *, ephemeral: X25519PrivateKey | None = None,
         nonce: bytes | None = None) -> dict[str, Any]:
    """``plaintext`` sealed to ``recipient`` (``ephemeral`` and ``nonce`` are fixed only by the worked example)."""
    ephemeral = ephemeral or X25519PrivateKey.generate()
    nonce = nonce if nonce is not None else os.urandom(NONCE_BYTES)
    epk, rpk = ephemeral.public_key().public_bytes_raw(), recipient.public_bytes_raw()
    ct = AESGCM(_key(ephemeral.exchange(recipient), epk, rpk)).encrypt(nonce, plaintext, aad)
    return {"alg": ALG, "rk": key_id(recipient), "epk": epk, "nonce": nonce, "ct": ct}


def shape_problem(sealed: Any) -> str | None:
    """Why ``sealed`` is not a sealed part (keys, types, sizes), or None."""
    if not isinstance(sealed, dict) or sorted(sealed) != sorted(FIELDS):
        return f"a sealed part is a map of exactly {', '.join(FIELDS)}"
    if sealed["alg"] != ALG:
        return f"unknown sealing algorithm {str(sealed['alg'])[:40]!r}"
    sizes = {"rk": 32, "epk": 32, "nonce": NONCE_BYTES}
    for name, size in sizes.items():
        if not isinstance(sealed[name], bytes) or len(sealed[name]) != size:
            return f"sealed {name} must be {size} bytes"
    if not isinstance(sealed["ct"], bytes) or len(sealed["ct"]) < TAG_BYTES:
        return f"sealed ct must be bytes of at least {TAG_BYTES}"
    return None


def open_sealed(private: X25519PrivateKey, sealed: dict[str, Any], aad: bytes) -> bytes:
    """The plaintext of ``sealed`` (the upstream's side); :class:`SealInvalid` when it does not open."""
    if (problem := shape_problem(sealed)) is not None:
        raise SealInvalid(problem)
    public = private.public_key()
    if sealed["rk"] != key_id(public):
        raise SealInvalid("sealed to another upstream key (rk does not match)")
    try:
        peer = X25519PublicKey.from_public_bytes(sealed["epk"])
        key = _key(private.exchange(peer), sealed["epk"], public.public_bytes_raw())
        return AESGCM(key).decrypt(sealed["nonce"], sealed["ct"], aad)
    except (InvalidTag, ValueError):
        raise SealInvalid("the sealed part does not open: tampered, or bound to another envelope") from None
