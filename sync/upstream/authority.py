"""The upstream's certificate authority, with cryptography's X.509 builders: the self-signed CA (ECDSA P-256), the
TLS server certificate, a kiosk's client certificate issued from its CSR, and the CRL of revoked kiosks."""

from __future__ import annotations

import datetime
import hashlib
import ipaddress
from collections.abc import Iterable

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from sync.upstream.errors import RequestInvalid

CA_YEARS = 10
SERVER_DAYS = 825
KIOSK_DAYS = 365
CRL_DAYS = 30


def new_key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def fingerprint(certificate: x509.Certificate) -> str:
    """SHA-256 of the certificate's DER, hex: what ``register-kiosk`` prints and the kiosk checks."""
    return hashlib.sha256(certificate.public_bytes(serialization.Encoding.DER)).hexdigest()


def pem(certificate: x509.Certificate) -> str:
    return certificate.public_bytes(serialization.Encoding.PEM).decode("ascii")


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _key_ids(builder: x509.CertificateBuilder, public: ec.EllipticCurvePublicKey,
             issuer: ec.EllipticCurvePublicKey) -> x509.CertificateBuilder:
    return (builder.add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer), critical=False))


def make_ca(upstream_id: str, key: ec.EllipticCurvePrivateKey, now: datetime.datetime) -> x509.Certificate:
    name = _name(f"{upstream_id} kiosk CA")
    builder = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
               .serial_number(x509.random_serial_number()).not_valid_before(now)
               .not_valid_after(now + datetime.timedelta(days=365 * CA_YEARS))
               .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
               .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                            data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                            crl_sign=True, encipher_only=False, decipher_only=False), critical=True))
    return _key_ids(builder, key.public_key(), key.public_key()).sign(key, hashes.SHA256())


def _leaf(ca: x509.Certificate, ca_key: ec.EllipticCurvePrivateKey, subject: str, public: ec.EllipticCurvePublicKey,
          usage: x509.ObjectIdentifier, days: int, now: datetime.datetime) -> x509.CertificateBuilder:
    builder = (x509.CertificateBuilder().subject_name(_name(subject)).issuer_name(ca.subject).public_key(public)
               .serial_number(x509.random_serial_number()).not_valid_before(now)
               .not_valid_after(now + datetime.timedelta(days=days))
               .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
               .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=False,
                                            data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                            crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
               .add_extension(x509.ExtendedKeyUsage([usage]), critical=False))
    return _key_ids(builder, public, ca_key.public_key())


def make_server_certificate(ca: x509.Certificate, ca_key: ec.EllipticCurvePrivateKey,
                            key: ec.EllipticCurvePrivateKey, hosts: Iterable[str],
                            now: datetime.datetime) -> x509.Certificate:
    """The TLS server certificate for ``hosts`` (each an IP address or a DNS name, all in the SAN)."""
    hosts = list(hosts)
    names: list[x509.GeneralName] = []
    for host in hosts:
        try:
            names.append(x509.IPAddress(ipaddress.ip_address(host)))
        except ValueError:
            names.append(x509.DNSName(host))
    builder = _leaf(ca, ca_key, hosts[0], key.public_key(), ExtendedKeyUsageOID.SERVER_AUTH, SERVER_DAYS, now)
    return builder.add_extension(x509.SubjectAlternativeName(names), critical=False).sign(ca_key, hashes.SHA256())


def issue_kiosk_certificate(ca: x509.Certificate, ca_key: ec.EllipticCurvePrivateKey, csr_pem: str, kiosk_id: str,
                            now: datetime.datetime) -> x509.Certificate:
    """A client certificate for ``kiosk_id`` from its CSR, which must be signed by its own P-256 key and name
    exactly that kiosk id; :class:`RequestInvalid` otherwise."""
    try:
        csr = x509.load_pem_x509_csr(csr_pem.encode("ascii"))
    except (ValueError, UnicodeEncodeError):
        raise RequestInvalid("csr: not a PEM certificate request") from None
    if not csr.is_signature_valid:
        raise RequestInvalid("csr: not signed by its own key")
    public = csr.public_key()
    if not isinstance(public, ec.EllipticCurvePublicKey) or public.curve.name != "secp256r1":
        raise RequestInvalid("csr: the key must be ECDSA P-256")
    names = csr.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    if len(names) != 1 or names[0].value != kiosk_id or len(csr.subject) != 1:
        raise RequestInvalid(f"csr: the subject must be exactly CN={kiosk_id}")
    builder = _leaf(ca, ca_key, kiosk_id, public, ExtendedKeyUsageOID.CLIENT_AUTH, KIOSK_DAYS, now)
    return builder.sign(ca_key, hashes.SHA256())


def make_crl(ca: x509.Certificate, ca_key: ec.EllipticCurvePrivateKey, revoked: Iterable[tuple[int, datetime.datetime]],
             now: datetime.datetime) -> x509.CertificateRevocationList:
    """The CRL listing the certificate serials ``revoked`` (serial, when)."""
    builder = (x509.CertificateRevocationListBuilder().issuer_name(ca.subject).last_update(now)
               .next_update(now + datetime.timedelta(days=CRL_DAYS))
               .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False))
    for serial, when in revoked:
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder().serial_number(serial).revocation_date(when).build())
    return builder.sign(ca_key, hashes.SHA256())


def kiosk_of(certificate_der: bytes) -> str:
    """The kiosk id a client certificate names (its subject CN)."""
    certificate = x509.load_der_x509_certificate(certificate_der)
    return str(certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value)
