"""The upstream's X25519 public key, read from the file the ``[sync]`` settings name (PEM, SubjectPublicKeyInfo)."""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from cryptography.hazmat.primitives.serialization import load_pem_public_key

from enrollment.bounded_read import InputFileError, read_bounded
from sync.errors import UpstreamKeyError

MAX_KEY_FILE_BYTES = 16 * 1024


def load_upstream_key(path: Path) -> X25519PublicKey:
    try:
        data = read_bounded(path, MAX_KEY_FILE_BYTES, what="upstream public key")
    except InputFileError as exc:
        raise UpstreamKeyError(f"upstream public key {path}: {exc.reason}") from None
    try:
        key = load_pem_public_key(data)
    except (ValueError, TypeError):
        raise UpstreamKeyError(f"upstream public key {path}: not a PEM public key") from None
    if not isinstance(key, X25519PublicKey):
        raise UpstreamKeyError(f"upstream public key {path}: a {type(key).__name__[1:] or 'other'} key, not X25519")
    return key
