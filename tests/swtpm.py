"""A private software TPM 2.0 (``swtpm``) on loopback TCP for the TPM-sealing tests.

systemd-creds reaches it as ``--tpm2-device=swtpm:host=127.0.0.1,port=N`` (or ``SYSTEMD_TPM2_DEVICE``), through
tpm2-tss's swtpm TCTI. With no resource manager in between, the sessions systemd-creds leaves behind fill the
TPM after a few commands, so :meth:`SoftwareTpm.flush` (tpm2-tools' ``tpm2_flushcontext``) clears them between
steps, as the kernel's resource manager (``/dev/tpmrm0``) does on a real kiosk. Without the Debian packages the
tests skip with a message naming them, except under CI (``CI=true``), where that is a failure.
"""

from __future__ import annotations

import glob
import shutil
import socket
import subprocess
import time
from pathlib import Path

from tests.missing import missing

PACKAGES = "swtpm tpm2-tools libtss2-tcti-swtpm0 libtss2-esys-3.0.2-0 libtss2-rc0 libtss2-mu0"
START_TIMEOUT_S = 30.0


def _free_port_pair() -> int:
    """A free port N with N + 1 free too: tpm2-tss's swtpm TCTI sends commands to N and controls on N + 1."""
    for _ in range(100):
        with socket.socket() as probe, socket.socket() as control:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
            try:
                control.bind(("127.0.0.1", port + 1))
            except OSError:
                continue
            return port
    raise RuntimeError("no two adjacent free ports on 127.0.0.1")


class SoftwareTpm:
    def __init__(self, state: Path) -> None:
        if not (shutil.which("swtpm") and shutil.which("tpm2_flushcontext") and shutil.which("systemd-creds")
                and glob.glob("/usr/lib/*/libtss2-tcti-swtpm.so.0")):
            missing("TPM sealing tests", f"a software TPM needs the Debian packages {PACKAGES} (and systemd)")
        state.mkdir(parents=True, exist_ok=True)
        self.port = _free_port_pair()
        control = self.port + 1
        self.process = subprocess.Popen(
            ["swtpm", "socket", "--tpm2", "--tpmstate", f"dir={state}",
             "--server", f"type=tcp,port={self.port},bindaddr=127.0.0.1",
             "--ctrl", f"type=tcp,port={control},bindaddr=127.0.0.1", "--flags", "not-need-init,startup-clear"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                break
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"swtpm did not start: {self.process.stderr.read()!r}") from None  # type: ignore[union-attr]
                time.sleep(0.05)

    @property
    def device(self) -> str:
        return f"swtpm:host=127.0.0.1,port={self.port}"

    def flush(self) -> None:
        subprocess.run(["tpm2_flushcontext", "-T", self.device, "-t", "-l", "-s"], check=True,
                       capture_output=True, timeout=60)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
