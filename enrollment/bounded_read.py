"""Read a user-given file with a size bound: templates, images, settings and gallery files all come through here.

The path is checked with ``stat`` before it is opened: a FIFO, device, socket or directory is refused (opening
a FIFO for reading waits for a writer; a device may never end), and so is a regular file larger than the
limit, before one byte is read. The file is then opened without blocking, checked again on the open
descriptor (the path may have been replaced in between) and read up to ``limit + 1`` bytes, so a file that
grows after the check is refused too and memory stays bounded by the limit.
"""

from __future__ import annotations

import os
import stat

from enrollment.errors import EnrollmentError

#: Bytes asked of the kernel per read once the size given by ``stat`` has been read (files that grew).
_CHUNK = 1 << 20


class InputFileError(EnrollmentError):
    """A user-given file cannot be read; the message names the path and the reason."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class NotRegularFileError(InputFileError):
    """The path names a FIFO, device, socket or directory, not a regular file."""


class InputTooLargeError(InputFileError):
    """The file holds more bytes than anything of its kind can be."""


def read_bounded(path: str | os.PathLike[str], limit: int, *, what: str = "file") -> bytes:
    """The bytes of the regular file ``path``, refusing it when it holds more than ``limit`` bytes.

    ``what`` names the kind of file in messages ("template file", "settings file", ...).
    """
    where = str(path)
    try:
        _check(os.stat(path), where, limit, what)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise _unreadable(exc, where, what) from exc
    try:
        status = os.fstat(fd)
        _check(status, where, limit, what)
        os.set_blocking(fd, True)
        data = _read_at_most(fd, limit, status.st_size)
    except OSError as exc:
        raise _unreadable(exc, where, what) from exc
    finally:
        os.close(fd)
    if len(data) > limit:
        raise InputTooLargeError(where, f"the {what} grew past {limit} bytes while being read")
    return data


def _unreadable(exc: OSError, where: str, what: str) -> InputFileError:
    if isinstance(exc, FileNotFoundError):
        return InputFileError(where, f"cannot read the {what}: it does not exist")
    return InputFileError(where, f"cannot read the {what} ({exc.strerror or exc})")


def _check(status: os.stat_result, where: str, limit: int, what: str) -> None:
    if not stat.S_ISREG(status.st_mode):
        raise NotRegularFileError(where, f"{_kind(status.st_mode)}, not a regular file; give a {what}")
    if status.st_size > limit:
        raise InputTooLargeError(where, f"{what} of {status.st_size} bytes is larger than {limit}")


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "an unknown kind of file"


def _read_at_most(fd: int, limit: int, size_hint: int) -> bytes:
    """Up to ``limit + 1`` bytes: first the size ``stat`` gave (plus one, to see the end) in one read."""
    parts: list[bytes] = []
    total = 0
    want = min(size_hint, limit) + 1
    while total <= limit:
        chunk = os.read(fd, want)
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
        want = min(_CHUNK, limit + 1 - total)
    return parts[0] if len(parts) == 1 else b"".join(parts)

