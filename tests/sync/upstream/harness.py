"""A real ``zuil upstream`` for the tests: ``init``, ``register-kiosk`` and ``serve`` run as the CLI in
subprocesses on loopback free ports, and a kiosk side that registers through the real registration endpoint and
posts over real mutual TLS (httpx with the certificate the upstream issued)."""

from __future__ import annotations

import signal
import socket
import ssl
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.x509.oid import NameOID

ZUIL = str(Path(sys.executable).with_name("zuil"))


def zuil(*args: str) -> str:
    done = subprocess.run([ZUIL, *args], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Upstream:
    folder: Path
    service_port: int = 0
    registration_port: int = 0
    process: subprocess.Popen | None = None

    @property
    def log(self) -> Path:
        return self.folder.with_name(self.folder.name + ".log")

    @property
    def service(self) -> str:
        return f"https://127.0.0.1:{self.service_port}"

    @property
    def registration(self) -> str:
        return f"https://127.0.0.1:{self.registration_port}"

    def start(self, workers: int = 1) -> None:
        self.service_port, self.registration_port = free_port(), free_port()
        self.process = subprocess.Popen(
            [ZUIL, "upstream", "serve", "--dir", str(self.folder), "--service-port", str(self.service_port),
             "--registration-port", str(self.registration_port), "--workers", str(workers)],
            stdout=self.log.open("ab"), stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 120
        for port in (self.registration_port, self.service_port):
            while True:
                assert self.process.poll() is None, self.log.read_text()
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    assert time.monotonic() < deadline, "the upstream did not start listening"
                    time.sleep(0.2)

    def stop(self) -> int:
        """SIGTERM, as a service manager stops it; its exit status (waits for the whole process group)."""
        assert self.process is not None
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(60)

    def token(self, kiosk_id: str) -> tuple[str, str]:
        """(token, CA fingerprint) as ``zuil upstream register-kiosk`` prints them."""
        lines = dict(line.split(None, 1) for line in zuil("upstream", "register-kiosk", kiosk_id, "--dir",
                                                          str(self.folder)).splitlines())
        return lines["token"].strip(), lines["ca-sha256"].strip()


def csr_for(kiosk_id: str, key: ec.EllipticCurvePrivateKey) -> str:
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, kiosk_id)])
    return x509.CertificateSigningRequestBuilder().subject_name(name).sign(key, hashes.SHA256()).public_bytes(
        serialization.Encoding.PEM).decode("ascii")


@dataclass
class Kiosk:
    """A registered kiosk's TLS material in ``folder`` (CA, certificate, key as PEM files) and the answer."""
    kiosk_id: str
    folder: Path
    answer: dict

    def context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(cafile=str(self.folder / "ca.pem"))
        context.load_cert_chain(str(self.folder / "cert.pem"), str(self.folder / "key.pem"))
        return context

    def client(self) -> httpx.Client:
        return httpx.Client(verify=self.context(), timeout=60)


def fetch_ca(upstream: Upstream, folder: Path) -> Path:
    """``GET /v1/ca.pem`` without verifying the server (the one such request), written to ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "ca.pem").write_text(httpx.get(f"{upstream.registration}/v1/ca.pem", verify=False, timeout=60).text)
    return folder / "ca.pem"


def register_request(upstream: Upstream, folder: Path, body: dict) -> httpx.Response:
    ca = fetch_ca(upstream, folder)
    return httpx.post(f"{upstream.registration}/v1/register", json=body, timeout=60,
                      verify=ssl.create_default_context(cafile=str(ca)))


def register(upstream: Upstream, kiosk_id: str, signing: Ed25519PrivateKey, folder: Path) -> Kiosk:
    token, _fingerprint = upstream.token(kiosk_id)
    key = ec.generate_private_key(ec.SECP256R1())
    answer = register_request(upstream, folder, {
        "token": token, "kiosk": kiosk_id, "csr": csr_for(kiosk_id, key),
        "signing_keys": {"1": signing.public_key().public_bytes_raw().hex()}})
    assert answer.status_code == 200, answer.text
    (folder / "cert.pem").write_text(answer.json()["certificate"])
    (folder / "key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                       serialization.NoEncryption()))
    return Kiosk(kiosk_id, folder, answer.json())
