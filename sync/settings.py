"""The ``[sync]`` table of the settings file: the sync part's own section, checked here.

    [sync]
    upstream_public_key = "/etc/aanmeldzuil/upstream-x25519.pem"   # what envelopes seal templates to

The composition root (``kiosk.settings``) hands this module the raw table. ``upstream_public_key`` is the file of
the upstream's X25519 public key (PEM, SubjectPublicKeyInfo), relative to the data folder unless absolute. Empty
(the default) means the sealing key the upstream gave at registration (``zuil sync register``,
:mod:`sync.registration`); a file named here takes precedence over it. Neither: none is configured, and an envelope
with data to seal is then refused. The demo makes and uses its own demo upstream key (:mod:`sync.demo_upstream`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from enrollment.settings_file import checked_section, typed
from sync.registration import registered_sealing_key

#: The name of this section's table in the settings file.
TABLE = "sync"


@dataclass(frozen=True)
class SyncSettings:
    upstream_public_key: str = ""

    def upstream_key_path(self, data_dir: Path) -> Path | None:
        """The key file's path (relative ones are in ``data_dir``); else the registered upstream's sealing key;
        None when neither is there."""
        return data_dir / self.upstream_public_key if self.upstream_public_key else registered_sealing_key(data_dir)


def sync_settings(raw: Any, source: str) -> SyncSettings:
    """The ``[sync]`` table ``raw`` of the file ``source`` checked into :class:`SyncSettings`."""
    return checked_section(typed(raw, dict, source, TABLE), SyncSettings, source, f"{TABLE}.")
