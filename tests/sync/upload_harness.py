"""The real parts of the end-to-end sync tests: the upstream service (``zuil upstream serve``) in a subprocess on
loopback, a kiosk with real keys and record store, ``zuil`` run as a subprocess, and a TCP proxy that cuts
connections on a seeded schedule."""

from __future__ import annotations

import contextlib
import os
import random
import re
import select
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from uuid import uuid4

from sqlalchemy import create_engine, func, text
from sqlalchemy import select as sql_select
from sqlalchemy.orm import Session

from enrollment.keys.kek_sources import Secrets
from enrollment.keys.key_store import unlock_keys
from enrollment.records.models import OutboxEnvelope
from enrollment.records.store import RecordStore
from enrollment.settings import Settings, with_data_dir
from sync.kinds import EnvelopeKind
from sync.outbox import DELIVERED, Sender, append
from sync.payloads import Report
from sync.registration import load_registration
from sync.upstream_key import load_upstream_key

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "correct horse battery staple, a kiosk's test passphrase"
KIOSK = "zuil-e2e-01"
START_TIMEOUT_S = 120.0


def zuil_command(*args: str) -> list[str]:
    return [sys.executable, "-c", "import sys; from kiosk.cli import main; sys.exit(main())", *args]


def zuil(*args: str, env: dict[str, str] | None = None, timeout: float = 300.0) -> subprocess.CompletedProcess:
    return subprocess.run(zuil_command(*args), cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_port(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the upstream exited with {process.returncode}: {process.stderr.read()}")  # type: ignore[union-attr]
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"nothing listens on port {port} after {START_TIMEOUT_S} s")


class Upstream:
    """``zuil upstream init`` in ``folder`` and ``zuil upstream serve`` on two free loopback ports."""

    def __init__(self, folder: Path, database: str | None = None) -> None:
        self.folder = folder
        self.database = database or f"sqlite:///{folder / 'upstream.sqlite3'}"
        made = zuil("upstream", "init", "--dir", str(folder), "--id", "avim", "--host", "127.0.0.1",
                    *(["--database", database] if database else []))
        assert made.returncode == 0, made.stderr
        self.ca_sha256 = re.search(r"ca-sha256\s+([0-9a-f]{64})", made.stdout).group(1)  # type: ignore[union-attr]
        self.service_port, self.registration_port = free_port(), free_port()
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            zuil_command("upstream", "serve", "--dir", str(self.folder), "--service-port", str(self.service_port),
                         "--registration-port", str(self.registration_port)),
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        _wait_for_port(self.service_port, self.process)
        _wait_for_port(self.registration_port, self.process)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def token(self, kiosk_id: str) -> str:
        made = zuil("upstream", "register-kiosk", kiosk_id, "--dir", str(self.folder))
        assert made.returncode == 0, made.stderr
        return re.search(r"token\s+(\S+)", made.stdout).group(1)  # type: ignore[union-attr]

    def held(self, kiosk_id: str) -> list[tuple[int, str, bytes, bytes]]:
        """(seq, id, bytes, receipt) of each envelope the upstream holds for ``kiosk_id``, by seq."""
        engine = create_engine(self.database)
        try:
            with engine.connect() as conn:
                return [tuple(r) for r in conn.execute(text(  # type: ignore[misc]
                    "SELECT seq, id, bytes, receipt FROM envelopes WHERE kiosk_id = :k ORDER BY seq"),
                    {"k": kiosk_id})]
        finally:
            engine.dispose()

    def faults(self) -> int:
        engine = create_engine(self.database)
        try:
            with engine.connect() as conn:
                return conn.execute(text("SELECT count(*) FROM chain_faults")).scalar_one()
        finally:
            engine.dispose()


class Kiosk:
    """A kiosk's data folder with a passphrase-sealed key file (``zuil keys init``) and its record store."""

    def __init__(self, data: Path, kiosk_id: str = KIOSK) -> None:
        self.data = data
        self.kiosk_id = kiosk_id
        data.mkdir(parents=True, mode=0o700)
        (data.parent / "zuil.toml").write_text(f'kiosk_id = "{kiosk_id}"\n')
        self.env = {**os.environ, "ZUIL_CONFIG": str(data.parent / "zuil.toml"), "ZUIL_DATA_DIR": str(data),
                    "ZUIL_KEYS_PASSPHRASE": PASSPHRASE}
        passphrase = data.parent / "passphrase.txt"
        passphrase.write_text(PASSPHRASE + "\n")
        made = zuil("keys", "init", "--seal", "passphrase", "--passphrase-file", str(passphrase), env=self.env)
        assert made.returncode == 0, made.stderr
        self.ring = unlock_keys(data, Secrets(passphrase=lambda: PASSPHRASE))
        self.site = with_data_dir(Settings(kiosk_id=kiosk_id), str(data))
        self.records = RecordStore(self.site.database, self.ring)

    def zuil(self, *args: str, timeout: float = 300.0) -> subprocess.CompletedProcess:
        return zuil(*args, env=self.env, timeout=timeout)

    def register(self, upstream: Upstream) -> None:
        done = self.zuil("sync", "register", "--upstream", f"https://127.0.0.1:{upstream.registration_port}",
                         "--token", upstream.token(self.kiosk_id), "--ca-sha256", upstream.ca_sha256)
        assert done.returncode == 0, done.stderr

    def append(self, count: int, seed: int = 15) -> None:
        """``count`` envelopes with a sealed part each, through the real outbox, sealed to the registered key."""
        registration = load_registration(self.data)
        sender = Sender(self.kiosk_id, self.ring, load_upstream_key(registration.sealing_key))
        rng = random.Random(seed)
        for i in range(count):
            with self.records.transaction() as session:
                append(session, sender, Report(EnvelopeKind.CONSENT, str(uuid4()), {"n": i},
                                               {"note": rng.randbytes(rng.randrange(10, 400))}))

    def delivered(self) -> list[tuple[int, str, bytes, bytes]]:
        with Session(self.records.engine) as session:
            return [tuple(r) for r in session.execute(  # type: ignore[misc]
                sql_select(OutboxEnvelope.sequence, OutboxEnvelope.id, OutboxEnvelope.envelope,
                           OutboxEnvelope.receipt).where(OutboxEnvelope.state == DELIVERED)
                .order_by(OutboxEnvelope.sequence))]

    def delivered_count(self) -> int:
        with Session(self.records.engine) as session:
            return session.scalar(sql_select(func.count()).select_from(OutboxEnvelope)
                                  .where(OutboxEnvelope.state == DELIVERED)) or 0

    def close(self) -> None:
        self.records.close()


class CuttingProxy:
    """Forwards TCP bytes between loopback clients and ``target_port``. Once a connection has carried the client's
    TLS handshake and a request (its third chunk), each chunk the server sends back is, with probability ``p``
    (a seeded random schedule), not forwarded: both sides are closed instead, so the request reached the upstream
    and its answer never reached the kiosk. ``on_cut`` is called before each cut."""

    def __init__(self, target_port: int, *, seed: int, p: float, on_cut: Callable[[], None] | None = None) -> None:
        self.target_port = target_port
        self.rng = random.Random(seed)
        self.p = p
        self.on_cut = on_cut
        self.cuts = 0
        self.connections = 0
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._stop.set()
        self._listener.close()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._pump, args=(client,), daemon=True).start()

    def _pump(self, client: socket.socket) -> None:
        server = socket.create_connection(("127.0.0.1", self.target_port))
        from_client = 0
        try:
            while True:
                ready, _, _ = select.select([client, server], [], [], 30)
                if not ready:
                    return
                for side in ready:
                    data = side.recv(65536)
                    if not data:
                        return
                    if side is client:
                        from_client += 1
                        server.sendall(data)
                        continue
                    with self._lock:
                        cut = from_client >= 3 and self.rng.random() < self.p
                    if cut:
                        if self.on_cut is not None:
                            self.on_cut()
                        self.cuts += 1
                        return
                    client.sendall(data)
        except OSError:
            return
        finally:
            for s in (client, server):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()
