"""The demo's upstream key pair: an X25519 key pair made on first use in the demo folder, so that ``zuil demo`` can
seal its envelopes' templates. Both halves are in the clear and the file names say ``demo``: it protects nothing.
The private half is kept only so that a test (and later the demo's own upstream) can open what was sealed."""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
    load_pem_private_key,
)

from enrollment.atomic_files import SHARED, write_bytes_atomically
from sync.upstream_key import load_upstream_key

PUBLIC_FILE = "demo-upstream-x25519.pub.pem"
PRIVATE_FILE = "demo-upstream-x25519.DEMO-ONLY.pem"


def demo_upstream_key(demo_folder: Path) -> X25519PublicKey:
    """The demo upstream's public key in ``demo_folder``, made (with its private half) the first time."""
    public = demo_folder / PUBLIC_FILE
    if not public.exists():
        private = X25519PrivateKey.generate()
        write_bytes_atomically(demo_folder / PRIVATE_FILE, private.private_bytes(
            Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()))
        write_bytes_atomically(public, private.public_key().public_bytes(
            Encoding.PEM, PublicFormat.SubjectPublicKeyInfo), mode=SHARED)
    return load_upstream_key(public)


def demo_upstream_private_key(demo_folder: Path) -> X25519PrivateKey:
    """The demo upstream's private half (what the real upstream keeps to itself)."""
    key = load_pem_private_key((demo_folder / PRIVATE_FILE).read_bytes(), password=None)
    assert isinstance(key, X25519PrivateKey)
    return key
