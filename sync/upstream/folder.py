"""The upstream's folder: where ``zuil upstream init`` puts the CA, the TLS server certificate, the receipt and
sealing keys, the CRL and the settings, and how the service reads them back.

The private keys are PEM files in the clear (mode 0600) on the upstream's disk: the reference service has no
HSM, so whoever can read this folder can sign receipts, open sealed parts and issue kiosk certificates.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.ec import EllipticCurvePrivateKey
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.serialization import load_pem_private_key

from sync.upstream.errors import UpstreamError

SETTINGS = "upstream.json"
CA_CERT = "ca.pem"
CA_KEY = "ca-key.pem"
SERVER_CERT = "server.pem"
SERVER_KEY = "server-key.pem"
CRL = "crl.pem"
SEALING_KEY = "sealing-key.pem"
DATABASE = "upstream.sqlite3"
ENVIRONMENT = "ZUIL_UPSTREAM_DIR"  # how ``zuil upstream serve`` hands the folder to its worker processes


def receipt_key_name(version: int) -> str:
    return f"receipt-key-{version}.pem"


@dataclass(frozen=True)
class UpstreamFolder:
    path: Path
    upstream_id: str
    database: str
    hosts: tuple[str, ...]

    def file(self, name: str) -> Path:
        return self.path / name

    def ca_certificate(self) -> x509.Certificate:
        return x509.load_pem_x509_certificate(self._read(CA_CERT))

    def ca_key(self) -> EllipticCurvePrivateKey:
        return self._private(CA_KEY, EllipticCurvePrivateKey)

    def sealing_key(self) -> X25519PrivateKey:
        return self._private(SEALING_KEY, X25519PrivateKey)

    def receipt_keys(self) -> dict[int, Ed25519PrivateKey]:
        """Every receipt key version held, from 1 up to the first version missing."""
        keys: dict[int, Ed25519PrivateKey] = {}
        while self.file(receipt_key_name(len(keys) + 1)).exists():
            keys[len(keys) + 1] = self._private(receipt_key_name(len(keys) + 1), Ed25519PrivateKey)
        if not keys:
            raise UpstreamError(f"the upstream folder {self.path} holds no receipt key ({receipt_key_name(1)})")
        return keys

    def _read(self, name: str) -> bytes:
        try:
            return self.file(name).read_bytes()
        except FileNotFoundError:
            raise UpstreamError(f"the upstream folder {self.path} has no {name}: run `zuil upstream init`") from None

    def _private(self, name: str, kind: type):  # type: ignore[no-untyped-def]
        try:
            key = load_pem_private_key(self._read(name), password=None)
        except (ValueError, TypeError):
            raise UpstreamError(f"{self.file(name)} is not a PEM private key") from None
        if not isinstance(key, kind):
            raise UpstreamError(f"{self.file(name)} is not a {kind.__name__.removesuffix('PrivateKey')} key")
        return key


def settings_text(upstream_id: str, database: str, hosts: tuple[str, ...]) -> str:
    return json.dumps({"upstream": upstream_id, "database": database, "hosts": list(hosts)}, indent=2) + "\n"


def open_folder(path: str | Path) -> UpstreamFolder:
    """The upstream folder at ``path`` with its settings, or :class:`UpstreamError` saying what is missing."""
    folder = Path(path)
    try:
        settings = json.loads((folder / SETTINGS).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UpstreamError(f"{folder} is not an upstream folder (no {SETTINGS}): run `zuil upstream init`") from None
    except (ValueError, UnicodeDecodeError):
        raise UpstreamError(f"{folder / SETTINGS} is not JSON") from None
    try:
        return UpstreamFolder(folder, str(settings["upstream"]), str(settings["database"]),
                              tuple(str(h) for h in settings["hosts"]))
    except (KeyError, TypeError):
        raise UpstreamError(f"{folder / SETTINGS} lacks upstream, database or hosts") from None
