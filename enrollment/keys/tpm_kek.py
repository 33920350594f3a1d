"""The wrapping key sealed by the TPM 2.0 through ``systemd-creds`` (systemd 252 on Debian 12).

A random 256-bit key goes to ``systemd-creds`` (``--with-key=tpm2``) over pipes (never a file) and the
credential it returns is kept in the key file; ``systemd-creds`` gives the key back only on this TPM
with PCR :data:`~enrollment.keys.parameters.TPM2_PCRS` unchanged. ``device`` picks a TPM other than the
kernel's (``/dev/tpmrm0``), e.g. ``swtpm:host=127.0.0.1,port=2321``; systemd also reads
``SYSTEMD_TPM2_DEVICE``.
"""

from __future__ import annotations

import base64
import binascii
import os
import shutil
import subprocess
from typing import Any

from enrollment.keys import parameters as p
from enrollment.keys.errors import KeyFileCorrupt, TpmRefused, TpmUnavailable

SEALING = "tpm2"


def tpm2_problem(device: str | None) -> str | None:
    """Why TPM sealing cannot be used here, or None. With a device named (argument or SYSTEMD_TPM2_DEVICE)
    only systemd-creds is looked for; else ``systemd-creds has-tpm2`` must report the kernel's TPM driver."""
    if shutil.which(p.SYSTEMD_CREDS) is None:
        return f"{p.SYSTEMD_CREDS} is not installed"
    if device or os.environ.get("SYSTEMD_TPM2_DEVICE"):
        return None
    try:
        probe = subprocess.run([p.SYSTEMD_CREDS, "has-tpm2"], capture_output=True, text=True,
                               timeout=p.TPM_COMMAND_TIMEOUT_S, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"{p.SYSTEMD_CREDS} has-tpm2 failed: {exc}"
    if "+driver" not in probe.stdout.split():
        return "no TPM 2.0 device (systemd-creds has-tpm2: " + " ".join(probe.stdout.split()) + ")"
    return None


class TpmKek:
    sealing = SEALING

    def __init__(self, device: str | None = None) -> None:
        self.device = device

    def new(self) -> tuple[bytes, dict[str, Any]]:
        problem = tpm2_problem(self.device)
        if problem:
            raise TpmUnavailable(f"cannot seal with a TPM: {problem}")
        kek = os.urandom(p.KEY_BYTES)
        credential = self._run(["encrypt", "--with-key=tpm2", f"--tpm2-pcrs={p.TPM2_PCRS}"], kek, TpmUnavailable)
        return kek, {"credential": base64.b64encode(credential).decode("ascii"), "pcrs": p.TPM2_PCRS}

    def recover(self, params: dict[str, Any], where: str) -> bytes:
        try:
            if set(params) != {"credential", "pcrs"}:
                raise ValueError("fields")
            credential = base64.b64decode(params["credential"], validate=True)
        except (ValueError, TypeError, binascii.Error):
            raise KeyFileCorrupt(f"key file {where} is damaged or altered: bad TPM credential") from None
        problem = tpm2_problem(self.device)
        if problem:
            raise TpmUnavailable(f"key file {where} is sealed by a TPM, and {problem}")
        kek = self._run(["decrypt"], credential, TpmRefused)
        if len(kek) != p.KEY_BYTES:
            raise TpmRefused(f"the TPM unsealed a key of {len(kek)} bytes for {where}")
        return kek

    def _run(self, verb: list[str], data: bytes, error: type[Exception]) -> bytes:
        argv = [p.SYSTEMD_CREDS, *verb, f"--name={p.TPM2_CREDENTIAL_NAME}"]
        if self.device:
            argv.append(f"--tpm2-device={self.device}")
        try:
            done = subprocess.run([*argv, "-", "-"], input=data, capture_output=True,
                                  timeout=p.TPM_COMMAND_TIMEOUT_S, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise error(f"{p.SYSTEMD_CREDS} {verb[0]} failed: {exc}") from None
        if done.returncode != 0:
            last = (done.stderr.decode("utf-8", "replace").strip().splitlines() or ["no message"])[-1]
            raise error(f"{p.SYSTEMD_CREDS} {verb[0]} with the TPM failed: {last}")
        return done.stdout
