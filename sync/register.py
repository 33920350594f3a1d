"""Registering this kiosk with an upstream (``zuil sync register``; ``sync/PROTOCOL.md``, "Registration").

Fetches the upstream's CA certificate (the one request made without verifying the server), refuses it unless its
SHA-256 is the fingerprint the administrator printed, then, verifying the server against that CA, sends the
enrollment token, a CSR of a new ECDSA P-256 TLS key (CN = the kiosk id), the kiosk's signing public keys and
its feed public key (:mod:`sync.feed_key`), and stores what the upstream answers (:mod:`sync.registration`).
"""

from __future__ import annotations

import hashlib
import hmac
import ssl
from pathlib import Path

import httpx
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from cryptography.x509.oid import NameOID

from enrollment.keys.keyring import KeyRing
from sync.errors import RegistrationError
from sync.feed_key import feed_key
from sync.outbox import signing_keys
from sync.registration import Registration, store_registration

TIMEOUT_S = 30.0


def register(data_dir: Path, ring: KeyRing, *, kiosk_id: str, upstream: str, token: str,
             ca_sha256: str) -> Registration:
    """Register ``kiosk_id`` with the upstream's registration listener ``upstream`` (https://HOST:PORT)."""
    base = upstream.rstrip("/")
    if not base.startswith("https://"):
        raise RegistrationError(f"--upstream {upstream!r}: must be https://HOST:PORT")
    ca_pem = _fetch_ca(base, ca_sha256)
    context = ssl.create_default_context(cadata=ca_pem.decode("ascii"))
    tls_key = ec.generate_private_key(ec.SECP256R1())
    csr = (x509.CertificateSigningRequestBuilder()
           .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, kiosk_id)]))
           .sign(tls_key, hashes.SHA256()))
    body = {"token": token, "kiosk": kiosk_id, "csr": csr.public_bytes(Encoding.PEM).decode("ascii"),
            "signing_keys": {str(v): k.public_bytes(Encoding.Raw, PublicFormat.Raw).hex()
                             for v, k in signing_keys(ring).items()},
            "feed_key": feed_key(ring, ring.signing_key()[0]).public_key().public_bytes_raw().hex()}
    try:
        with httpx.Client(verify=context, timeout=TIMEOUT_S) as client:
            answer = client.post(f"{base}/v1/register", json=body)
    except httpx.HTTPError as exc:
        raise RegistrationError(f"registration at {base}: {type(exc).__name__}: {exc}") from None
    if answer.status_code != 200:
        raise RegistrationError(f"registration at {base} refused: HTTP {answer.status_code} {_reason(answer)}")
    try:
        got = answer.json()
        certificate = x509.load_pem_x509_certificate(got["certificate"].encode("ascii"))
        sealing = serialization.load_pem_public_key(got["sealing_key"].encode("ascii"))
        receipt_keys = {int(v): bytes.fromhex(k) for v, k in got["receipt_keys"].items()}
        upstream_id, service_url = str(got["upstream"]), str(got["service_url"])
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise RegistrationError(f"registration at {base}: the answer is not understood: {exc}") from None
    if not isinstance(sealing, X25519PublicKey):
        raise RegistrationError(f"registration at {base}: the sealing key is not an X25519 key")
    if certificate.public_key().public_numbers() != tls_key.public_key().public_numbers():  # type: ignore[union-attr]
        raise RegistrationError(f"registration at {base}: the certificate is not for the key this kiosk sent")
    if not receipt_keys or any(len(k) != 32 for k in receipt_keys.values()):
        raise RegistrationError(f"registration at {base}: the receipt keys are not 32-byte Ed25519 keys")
    return store_registration(data_dir, ring=ring, upstream_id=upstream_id, service_url=service_url,
                              kiosk_id=kiosk_id, ca_pem=ca_pem, certificate_pem=got["certificate"].encode("ascii"),
                              tls_key=tls_key, sealing_pem=got["sealing_key"].encode("ascii"),
                              receipt_keys=receipt_keys)


def _fetch_ca(base: str, ca_sha256: str) -> bytes:
    try:
        answer = httpx.get(f"{base}/v1/ca.pem", verify=False, timeout=TIMEOUT_S)  # checked by fingerprint below
    except httpx.HTTPError as exc:
        raise RegistrationError(f"the upstream's CA at {base}: {type(exc).__name__}: {exc}") from None
    if answer.status_code != 200:
        raise RegistrationError(f"the upstream's CA at {base}: HTTP {answer.status_code}")
    try:
        ca = x509.load_pem_x509_certificate(answer.content)
    except ValueError:
        raise RegistrationError(f"the upstream's CA at {base} is not a PEM certificate") from None
    fingerprint = hashlib.sha256(ca.public_bytes(Encoding.DER)).hexdigest()
    if not hmac.compare_digest(fingerprint, ca_sha256.strip().lower().replace(":", "")):
        raise RegistrationError(f"the upstream's CA at {base} has SHA-256 {fingerprint}, not the --ca-sha256 "
                                "given: refused, nothing was stored")
    return ca.public_bytes(Encoding.PEM)


def _reason(answer: httpx.Response) -> str:
    try:
        got = answer.json()
        return f"({got.get('reason')}: {got.get('detail')})"
    except ValueError:
        return ""
