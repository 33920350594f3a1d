"""A throw-away ``zuil upstream serve`` on loopback, as the benches and ``zuil demo --deliver`` start one: a free
port, waiting until the server listens on it (or has ended), and :func:`loopback_upstream`, which makes, serves and
stops a whole upstream in a folder."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sync.errors import SyncError

LISTEN_WAIT_S = 120.0  # only for a server that never comes up: a loaded machine may take a while to start one


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_listening(port: int, process: subprocess.Popen, deadline: float) -> None:
    """Return once ``process`` listens on ``port`` (127.0.0.1); :class:`SyncError` if it ended or ``deadline``
    (``time.monotonic()``) passed first."""
    while True:
        if process.poll() is not None:
            raise SyncError(f"`zuil upstream serve` ended with status {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise SyncError(f"`zuil upstream serve` did not listen on port {port} within "
                                f"{LISTEN_WAIT_S:.0f} s") from None
            time.sleep(0.2)


ZUIL = [sys.executable, "-m", "kiosk"]  # this program's `zuil`, whatever the environment's PATH holds


def zuil_output(*args: str) -> str:
    """What ``zuil ARGS`` prints; :class:`SyncError` with its last error line when it fails."""
    done = subprocess.run([*ZUIL, *args], capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise SyncError(f"`zuil {' '.join(args[:2])}` failed: {done.stderr.strip()}")
    return done.stdout


@contextmanager
def loopback_upstream(folder: Path, upstream_id: str) -> Iterator[LoopbackUpstream]:
    """A throw-away upstream in ``folder`` (``zuil upstream init``, SQLite) served on two free loopback ports by a
    subprocess, stopped (SIGTERM) when the block ends."""
    fingerprint = zuil_output("upstream", "init", "--dir", str(folder), "--id", upstream_id, "--host", "127.0.0.1")
    ca_sha256 = fingerprint.split("ca-sha256")[1].split()[0]
    service, registration = free_port(), free_port()
    server = subprocess.Popen([*ZUIL, "upstream", "serve", "--dir", str(folder), "--service-port", str(service),
                               "--registration-port", str(registration)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + LISTEN_WAIT_S
        wait_listening(service, server, deadline)
        wait_listening(registration, server, deadline)
        yield LoopbackUpstream(folder, ca_sha256, f"https://127.0.0.1:{registration}")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(60)


@dataclass(frozen=True)
class LoopbackUpstream:
    folder: Path
    ca_sha256: str
    registration_url: str

    def token_for(self, kiosk_id: str) -> str:
        """A one-time registration token for ``kiosk_id`` (``zuil upstream register-kiosk``)."""
        made = zuil_output("upstream", "register-kiosk", kiosk_id, "--dir", str(self.folder))
        return made.split("token")[1].split()[0]
