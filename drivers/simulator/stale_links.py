"""Removes the ``zuil-sim-*`` link folders that killed simulator runs leave in the temporary folder.

A run that ends normally removes its folder; a killed one leaves it with a symlink to a pty that closed with
the process. A folder is removed only when it holds nothing but such dead links: a live simulator's link points
at an open pty, and an empty folder may be one a starting or replugging simulator is about to fill.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

#: The prefix of the temporary folders simulator links are made in.
LINK_FOLDER_PREFIX = "zuil-sim-"


def _only_dead_links(folder: Path) -> bool:
    entries = list(folder.iterdir())
    return bool(entries) and all(e.is_symlink() and not e.exists() for e in entries)


def remove_stale_link_folders(root: str | os.PathLike[str] | None = None) -> list[Path]:
    """Remove this user's ``zuil-sim-*`` folders in ``root`` (default: the temporary folder) that hold only
    dead links; returns the folders removed."""
    removed: list[Path] = []
    base = Path(root if root is not None else tempfile.gettempdir())
    uid = os.getuid()
    for folder in base.glob(LINK_FOLDER_PREFIX + "*"):
        with contextlib.suppress(OSError):  # another process may remove it, or it is not ours to read
            if folder.is_symlink() or not folder.is_dir() or folder.stat().st_uid != uid:
                continue
            if _only_dead_links(folder):
                shutil.rmtree(folder)
                removed.append(folder)
    if removed:
        log.info("removed %d stale simulator link folder(s) in %s", len(removed), base)
    return removed
