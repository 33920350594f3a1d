"""Where the wrapping key that seals the master key comes from: a passphrase, the TPM, or (demo only)
the key file itself. :class:`Secrets` picks the source a key file's ``sealing`` names, asking for the
passphrase only when that file needs one."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from enrollment.keys import parameters as p
from enrollment.keys.errors import KeyFileCorrupt, KeysError
from enrollment.keys.passphrase_kek import PassphraseKek
from enrollment.keys.tpm_kek import TpmKek

DEMO_SEALING = "demo"


class KekSource(Protocol):
    sealing: str

    def new(self) -> tuple[bytes, dict[str, Any]]:
        """A fresh wrapping key and the (non-secret, except for a demo) parameters to store with it."""

    def recover(self, params: dict[str, Any], where: str) -> bytes:
        """The wrapping key that ``params`` describe; ``where`` names the key file in errors."""


class DemoKek:
    """Demo only: the wrapping key is stored in the clear in the (demo-marked) key file."""

    sealing = DEMO_SEALING

    def new(self) -> tuple[bytes, dict[str, Any]]:
        kek = os.urandom(p.KEY_BYTES)
        return kek, {"unsealed_demo_kek": kek.hex()}

    def recover(self, params: dict[str, Any], where: str) -> bytes:
        try:
            kek = bytes.fromhex(params["unsealed_demo_kek"])
        except (KeyError, ValueError, TypeError):
            kek = b""
        if set(params) != {"unsealed_demo_kek"} or len(kek) != p.KEY_BYTES:
            raise KeyFileCorrupt(f"key file {where} is damaged or altered: bad demo key")
        return kek


@dataclass(frozen=True)
class Secrets:
    """What the technician (or the kiosk's service) can offer to unlock: a passphrase, asked for through
    ``passphrase()`` only when the key file is passphrase-sealed, and the TPM device (None: systemd's)."""

    passphrase: Callable[[], str] | None = None
    tpm2_device: str | None = None

    def source_for(self, sealing: str, where: str) -> KekSource:
        if sealing == PassphraseKek.sealing:
            if self.passphrase is None:
                raise KeysError(f"key file {where} is sealed by a passphrase and none was given")
            return PassphraseKek(self.passphrase())
        if sealing == TpmKek.sealing:
            return TpmKek(self.tpm2_device)
        if sealing == DEMO_SEALING:
            return DemoKek()
        raise KeyFileCorrupt(f"key file {where} is damaged or altered: unknown sealing {sealing!r}")
