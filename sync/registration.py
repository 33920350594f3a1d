"""The kiosk's registration with its upstream, as stored in ``<data dir>/upstream/`` (``sync/PROTOCOL.md``).

``registration.json`` names the upstream (id, service URL, receipt public keys) and a folder ``r-<random>`` beside
it holding the files: ``ca.pem`` (the upstream's CA), ``client.pem`` (the kiosk's TLS certificate),
``client-key.pem`` (its ECDSA P-256 TLS key, PKCS8 encrypted with cryptography's BestAvailableEncryption) and
``sealing-x25519.pem`` (the upstream's sealing key, which envelopes seal to unless ``[sync] upstream_public_key``
names another file). The folder is written first and ``registration.json`` last (each file atomically), so a
registration, or a re-registration, is in effect whole or not at all; older folders are removed afterwards.

The TLS key's password is derived from the key hierarchy, not stored: HKDF-SHA256 (cryptography's) over the seed of
the kiosk's Ed25519 signing key of the version ``registration.json`` names, with its own ``info`` label, so the key
opens only with the kiosk's unlocked keys (rotation keeps old signing versions, so it keeps opening).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ec import EllipticCurvePrivateKey
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, Encoding, PrivateFormat

from enrollment.atomic_files import SHARED, write_bytes_atomically
from enrollment.bounded_read import InputFileError, read_bounded
from enrollment.keys.keyring import KeyRing, Purpose
from sync.errors import RegistrationError

FOLDER = "upstream"
POINTER = "registration.json"
CA_FILE, CERT_FILE, KEY_FILE, SEALING_FILE = "ca.pem", "client.pem", "client-key.pem", "sealing-x25519.pem"
PASSWORD_INFO = b"aanmeldzuil upstream tls key password v1"
MAX_POINTER_BYTES = 64 * 1024


@dataclass(frozen=True)
class Registration:
    upstream_id: str
    service_url: str
    kiosk_id: str
    folder: Path  # the r-... folder of the files
    receipt_keys: dict[int, Ed25519PublicKey]
    password_signing_version: int  # the signing key version the TLS key's password comes from

    @property
    def ca(self) -> Path:
        return self.folder / CA_FILE

    @property
    def certificate(self) -> Path:
        return self.folder / CERT_FILE

    @property
    def tls_key(self) -> Path:
        return self.folder / KEY_FILE

    @property
    def sealing_key(self) -> Path:
        return self.folder / SEALING_FILE


def upstream_folder(data_dir: Path) -> Path:
    return Path(data_dir) / FOLDER


def is_registered(data_dir: Path) -> bool:
    return (upstream_folder(data_dir) / POINTER).is_file()


def tls_key_password(ring: KeyRing, version: int) -> bytes:
    """The TLS key's password: HKDF-SHA256 of the signing key seed of ``version`` (hex, so no NUL reaches OpenSSL)."""
    seed = ring.version(Purpose.SIGNING, version).material
    return HKDF(hashes.SHA256(), 32, salt=None, info=PASSWORD_INFO).derive(seed).hex().encode("ascii")


def store_registration(data_dir: Path, *, ring: KeyRing, upstream_id: str, service_url: str, kiosk_id: str,
                       ca_pem: bytes, certificate_pem: bytes, tls_key: EllipticCurvePrivateKey,
                       sealing_pem: bytes, receipt_keys: dict[int, bytes]) -> Registration:
    """Write a registration (replacing any earlier one in one rename of ``registration.json``); returns it."""
    base = upstream_folder(data_dir)
    version, _key = ring.signing_key()
    folder = base / f"r-{secrets.token_hex(8)}"
    encrypted = tls_key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8,
                                      BestAvailableEncryption(tls_key_password(ring, version)))
    write_bytes_atomically(folder / CA_FILE, ca_pem, mode=SHARED)
    write_bytes_atomically(folder / CERT_FILE, certificate_pem, mode=SHARED)
    write_bytes_atomically(folder / KEY_FILE, encrypted)
    write_bytes_atomically(folder / SEALING_FILE, sealing_pem, mode=SHARED)
    pointer = {"upstream": upstream_id, "service_url": service_url, "kiosk": kiosk_id, "folder": folder.name,
               "receipt_keys": {str(v): k.hex() for v, k in sorted(receipt_keys.items())},
               "password_signing_version": version}
    write_bytes_atomically(base / POINTER, json.dumps(pointer, indent=2).encode("utf-8"), mode=SHARED)
    for old in base.glob("r-*"):
        if old.is_dir() and old.name != folder.name:
            shutil.rmtree(old, ignore_errors=True)
    return load_registration(data_dir)


def load_registration(data_dir: Path) -> Registration:
    """The stored registration; :class:`RegistrationError` when there is none or it is damaged."""
    base = upstream_folder(data_dir)
    path = base / POINTER
    if not path.is_file():
        raise RegistrationError(f"this kiosk is not registered with an upstream (no {path}): run "
                                "`zuil sync register`")
    try:
        raw = json.loads(read_bounded(path, MAX_POINTER_BYTES, what="registration file"))
        folder = base / raw["folder"]
        if os.sep in raw["folder"] or not raw["folder"].startswith("r-") or not folder.is_dir():
            raise ValueError(f"its folder {raw['folder']!r} is missing")
        receipt_keys = {int(v): Ed25519PublicKey.from_public_bytes(bytes.fromhex(k))
                        for v, k in raw["receipt_keys"].items()}
        return Registration(str(raw["upstream"]), str(raw["service_url"]), str(raw["kiosk"]), folder, receipt_keys,
                            int(raw["password_signing_version"]))
    except InputFileError as exc:
        raise RegistrationError(f"registration file {path}: {exc.reason}") from None
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise RegistrationError(f"registration file {path} is damaged: {exc}") from None


def registered_sealing_key(data_dir: Path) -> Path | None:
    """The upstream's sealing key file of the stored registration, or None when the kiosk is not registered."""
    return load_registration(data_dir).sealing_key if is_registered(data_dir) else None
