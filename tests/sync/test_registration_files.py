"""The stored registration (``<data dir>/upstream/``): every file the uploader needs, the TLS key encrypted at rest
with a password only the kiosk's unlocked keys give, a re-registration replacing the whole at once, and the
registered sealing key as the default of ``[sync] upstream_public_key``."""

from __future__ import annotations

import json
import ssl
import stat
from datetime import UTC, datetime, timedelta

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat, load_pem_private_key
from cryptography.x509.oid import NameOID

from enrollment.keys.demo_keys import open_demo_keys
from kiosk.settings import kiosk_settings_from_mapping
from sync.errors import RegistrationError
from sync.registration import POINTER, load_registration, registered_sealing_key, store_registration, tls_key_password
from sync.uploader import tls_context

KIOSK = "zuil-rtd-01"


def _certificate(subject: str, key, issuer_key, issuer: str, *, ca: bool) -> x509.Certificate:  # type: ignore[no-untyped-def]
    now = datetime.now(UTC)
    return (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
            .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer)]))
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(minutes=1)).not_valid_after(now + timedelta(days=1))
            .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
            .sign(issuer_key, hashes.SHA256()))


def _register(data_dir, ring, upstream_id="avim"):  # type: ignore[no-untyped-def]
    ca_key, tls_key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca = _certificate("test CA", ca_key, ca_key, "test CA", ca=True)
    sealing = X25519PrivateKey.generate().public_key()
    receipt = Ed25519PrivateKey.generate().public_key()
    return store_registration(
        data_dir, ring=ring, upstream_id=upstream_id, service_url="https://127.0.0.1:8443", kiosk_id=KIOSK,
        ca_pem=ca.public_bytes(Encoding.PEM),
        certificate_pem=_certificate(KIOSK, tls_key, ca_key, "test CA", ca=False).public_bytes(Encoding.PEM),
        tls_key=tls_key, sealing_pem=sealing.public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo),
        receipt_keys={1: receipt.public_bytes_raw()}), tls_key, sealing, receipt


def test_the_tls_key_is_stored_encrypted_and_opens_only_with_the_kiosk_keys(tmp_path, keyring):
    data = tmp_path / "data"
    stored, tls_key, _sealing, receipt = _register(data, keyring)
    pem = stored.tls_key.read_bytes()
    assert b"ENCRYPTED PRIVATE KEY" in pem and stat.S_IMODE(stored.tls_key.stat().st_mode) == 0o600
    with pytest.raises(TypeError):  # no password: it does not load
        load_pem_private_key(pem, password=None)
    other_ring = open_demo_keys(tmp_path / "other-kiosk" / "demo")
    with pytest.raises(ValueError):  # another kiosk's keys give another password
        load_pem_private_key(pem, password=tls_key_password(other_ring, 1))
    opened = load_pem_private_key(pem, password=tls_key_password(keyring, stored.password_signing_version))
    assert opened.public_key().public_numbers() == tls_key.public_key().public_numbers()  # type: ignore[union-attr]
    tls_context(stored, tls_key_password(keyring, stored.password_signing_version))  # OpenSSL opens it in memory
    with pytest.raises(ssl.SSLError):
        tls_context(stored, tls_key_password(other_ring, 1))
    again = load_registration(data)
    assert (again.upstream_id, again.service_url, again.kiosk_id) == ("avim", "https://127.0.0.1:8443", KIOSK)
    assert again.receipt_keys[1].public_bytes_raw() == receipt.public_bytes_raw()
    assert registered_sealing_key(data) == again.sealing_key and again.ca.is_file() and again.certificate.is_file()


def test_registering_again_replaces_the_whole_registration(tmp_path, keyring):
    data = tmp_path / "data"
    first = _register(data, keyring)[0]
    second = _register(data, keyring, upstream_id="avim-two")[0]
    assert load_registration(data).upstream_id == "avim-two" and second.folder != first.folder
    assert not first.folder.exists() and [p.name for p in (data / "upstream").glob("r-*")] == [second.folder.name]


def test_the_registered_sealing_key_is_the_default_and_a_named_file_takes_precedence(tmp_path, keyring):
    data = tmp_path / "data"
    assert kiosk_settings_from_mapping({}).sync.upstream_key_path(data) is None  # not registered
    stored = _register(data, keyring)[0]
    assert kiosk_settings_from_mapping({}).sync.upstream_key_path(data) == stored.sealing_key
    named = kiosk_settings_from_mapping({"sync": {"upstream_public_key": "by-hand.pem"}}).sync
    assert named.upstream_key_path(data) == data / "by-hand.pem"


def test_a_missing_or_damaged_registration_is_a_one_line_refusal(tmp_path, keyring):
    data = tmp_path / "data"
    with pytest.raises(RegistrationError, match=r"not registered.*zuil sync register"):
        load_registration(data)
    _register(data, keyring)
    pointer = data / "upstream" / POINTER
    raw = json.loads(pointer.read_text())
    pointer.write_text(json.dumps({**raw, "folder": "r-gone"}))
    with pytest.raises(RegistrationError, match="damaged"):
        load_registration(data)
