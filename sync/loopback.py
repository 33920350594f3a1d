"""A throw-away ``zuil upstream serve`` on loopback, as the benches start one: a free port, and waiting until the
server listens on it (or has ended)."""

from __future__ import annotations

import socket
import subprocess
import time

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
