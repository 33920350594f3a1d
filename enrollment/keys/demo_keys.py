"""The demo's keys: made on first use in the data dir's ``demo`` folder, with no passphrase and no TPM.

A demo key file is marked ``"demo": true`` and its master key is sealed by a key stored next to it in the
clear (sealing ``demo``): it protects nothing and says so. It is opened only through :func:`open_demo_keys`
and only in a folder named :data:`~enrollment.keys.parameters.DEMO_FOLDER`; the kiosk's own unlocking
(:func:`~enrollment.keys.key_store.unlock_keys`) refuses it, and this refuses real keys.
"""

from __future__ import annotations

from pathlib import Path

from enrollment.keys.errors import DemoKeysRefused, KeyFileExists
from enrollment.keys.kek_sources import DemoKek, Secrets
from enrollment.keys.key_store import create_keys, key_file_path, unlock_keys
from enrollment.keys.keyring import KeyRing
from enrollment.keys.parameters import DEMO_FOLDER


def open_demo_keys(demo_folder: Path) -> KeyRing:
    """The demo keys of ``demo_folder`` (``<data_dir>/demo``), created there the first time."""
    folder = Path(demo_folder)
    if folder.name != DEMO_FOLDER:
        raise DemoKeysRefused(f"demo keys are kept only in a data folder named {DEMO_FOLDER!r}, not in {folder}")
    if not key_file_path(folder).exists():
        try:
            return create_keys(folder, DemoKek(), demo=True)
        except KeyFileExists:  # another demo made them a moment ago
            pass
    return unlock_keys(folder, Secrets(), demo=True)
