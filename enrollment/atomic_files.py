"""Atomic file writes: a temporary file in the target's folder, fsync, rename, fsync of the folder.

A reader (or a crash at any point) sees either the old file or the whole new one, never half of it. The file
gets ``mode`` whatever the umask: by default :data:`PRIVATE` (0600), because what the kiosk writes is
personal data unless the caller says otherwise; ``mode=None`` keeps the mode the target has (a new file gets
:data:`SHARED`, 0644), for files that belong to the installation rather than to the data, such as a module
of the package.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

PRIVATE = 0o600
SHARED = 0o644


def write_bytes_atomically(path: str | os.PathLike[str], data: bytes, *, mode: int | None = PRIVATE) -> None:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    if mode is None:
        try:
            mode = stat.S_IMODE(target.stat().st_mode)
        except FileNotFoundError:
            mode = SHARED
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    folder = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(folder)  # the rename itself survives a power loss
    finally:
        os.close(folder)


def write_text_atomically(path: str | os.PathLike[str], text: str, *, mode: int | None = PRIVATE) -> None:
    write_bytes_atomically(path, text.encode("utf-8"), mode=mode)
