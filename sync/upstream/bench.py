"""``zuil bench sync --ingest``: envelopes per second taken into the upstream's database over real mutual TLS.

A throw-away upstream folder on the given database, ``zuil upstream serve`` started as a child process with N
service workers on loopback, K kiosks registered through the registration endpoint, then each kiosk sends its
chain over one kept-alive connection, all kiosks at once (one envelope per request, or consecutive envelopes in
batches through ``POST /v1/envelopes:batch``); the figure is envelopes held per second of wall time.
"""

from __future__ import annotations

import datetime
import os
import platform
import signal
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import httpx
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.x509.oid import NameOID

from sync.batch import decode_answer, encode_request
from sync.envelope import GENESIS, sign_envelope
from sync.kinds import EnvelopeKind
from sync.loopback import LISTEN_WAIT_S, free_port, wait_listening
from sync.upstream import authority, database
from sync.upstream.errors import UpstreamError
from sync.upstream.folder import CA_CERT
from sync.upstream.init import init_upstream
from sync.upstream.registration import issue_token


@dataclass(frozen=True)
class IngestFigure:
    envelopes: int
    seconds: float
    kiosks: int
    workers: int
    dialect: str
    batch: int = 1

    @property
    def per_second(self) -> float:
        return self.envelopes / self.seconds


def _registered_client(folder: Path, registration: str, token: str, kiosk_id: str,
                       signing: Ed25519PrivateKey) -> httpx.Client:
    key = authority.new_key()
    csr = x509.CertificateSigningRequestBuilder().subject_name(
        x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, kiosk_id)])).sign(key, hashes.SHA256())
    ca = ssl.create_default_context(cafile=str(folder / CA_CERT))
    answer = httpx.post(f"{registration}/v1/register", verify=ca, timeout=60, json={
        "token": token, "kiosk": kiosk_id, "csr": csr.public_bytes(serialization.Encoding.PEM).decode("ascii"),
        "signing_keys": {"1": signing.public_key().public_bytes_raw().hex()}})
    if answer.status_code != 200:
        raise UpstreamError(f"registering {kiosk_id} was answered {answer.status_code}: {answer.text[:200]}")
    kiosk_folder = folder / "bench-kiosks" / kiosk_id
    kiosk_folder.mkdir(parents=True)
    (kiosk_folder / "cert.pem").write_text(answer.json()["certificate"])
    (kiosk_folder / "key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                                             serialization.PrivateFormat.PKCS8,
                                                             serialization.NoEncryption()))
    context = ssl.create_default_context(cafile=str(folder / CA_CERT))
    context.load_cert_chain(str(kiosk_folder / "cert.pem"), str(kiosk_folder / "key.pem"))
    return httpx.Client(verify=context, timeout=120)


def _chain(kiosk_id: str, signing: Ed25519PrivateKey, length: int) -> list[bytes]:
    made, previous = [], GENESIS
    for sequence in range(1, length + 1):
        envelope = sign_envelope(signing, key_version=1, envelope_id=str(uuid.uuid4()), kiosk_id=kiosk_id,
                                 sequence=sequence, previous_hash=previous, kind=EnvelopeKind.CONSENT,
                                 created=int(time.time()), payload={"record": str(uuid.uuid4()), "decision": "given"})
        made.append(envelope.encoded)
        previous = envelope.hash
    return made


def bench_ingest(database_url: str, *, envelopes: int, kiosks: int, workers: int, batch: int = 1) -> IngestFigure:
    with tempfile.TemporaryDirectory(prefix="zuil-bench-upstream-") as temporary:
        folder = init_upstream(Path(temporary) / "upstream", "bench", ("127.0.0.1",), database_url)
        engine = database.make_engine(folder.database)
        run = uuid.uuid4().hex[:8]
        now = datetime.datetime.now(datetime.UTC)
        ids = [f"bench-{run}-{n}" for n in range(kiosks)]
        tokens = {kiosk_id: issue_token(engine, kiosk_id, now) for kiosk_id in ids}
        engine.dispose()
        service_port, registration_port = free_port(), free_port()
        server = subprocess.Popen([sys.executable, "-m", "kiosk", "upstream", "serve", "--dir", str(folder.path),
                                   "--service-port", str(service_port), "--registration-port",
                                   str(registration_port), "--workers", str(workers)],
                                  env={**os.environ, "PYTHONUNBUFFERED": "1"})
        try:
            deadline = time.monotonic() + LISTEN_WAIT_S
            wait_listening(registration_port, server, deadline)
            wait_listening(service_port, server, deadline)
            keys = {kiosk_id: Ed25519PrivateKey.generate() for kiosk_id in ids}
            clients = {kiosk_id: _registered_client(folder.path, f"https://127.0.0.1:{registration_port}",
                                                    tokens[kiosk_id], kiosk_id, keys[kiosk_id]) for kiosk_id in ids}
            chains = {kiosk_id: _chain(kiosk_id, keys[kiosk_id], envelopes // kiosks) for kiosk_id in ids}
            refused: list[str] = []

            def send(kiosk_id: str) -> None:
                chain = chains[kiosk_id]
                for start in range(0, len(chain), batch):
                    part = chain[start:start + batch]
                    path, body = ("/v1/envelopes", part[0]) if batch == 1 else \
                        ("/v1/envelopes:batch", encode_request(part))
                    answer = clients[kiosk_id].post(f"https://127.0.0.1:{service_port}{path}", content=body,
                                                    headers={"content-type": "application/cbor"})
                    if answer.status_code != 200 or (batch > 1 and decode_answer(answer.content, len(part)).refusal):
                        refused.append(f"{kiosk_id}: {answer.status_code} {answer.content[:200]!r}")
                        return

            senders = [threading.Thread(target=send, args=(kiosk_id,)) for kiosk_id in ids]
            started = time.perf_counter()
            for sender in senders:
                sender.start()
            for sender in senders:
                sender.join()
            seconds = time.perf_counter() - started
            for client in clients.values():
                client.close()
            if refused:
                raise UpstreamError(f"the bench's envelopes were refused: {refused[0]}")
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(60)
    dialect = database_url.split(":", 1)[0].split("+", 1)[0]
    return IngestFigure(kiosks * (envelopes // kiosks), seconds, kiosks, workers, dialect, batch)


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, {platform.system()}"
