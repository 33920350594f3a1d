"""The kiosk's own last warnings and errors, kept for the technician's view and ``zuil status``.

:func:`install` puts two handlers on the root logger: one writes to standard error (the journal, under systemd),
as Python does without any handler, and one keeps the last :data:`CAPACITY` records for :func:`recent_lines`.
The kept lines carry no personal data, by two rules on top of the house rule that nothing personal is logged:
an exception is kept by its type only (its message may quote what was read), and every run of
:data:`DIGIT_RUN` or more digits (a V-number has ten) is replaced by ``[digits]``. Only those masked lines
reach disk: :func:`install` with the data folder keeps them in its :data:`LOG_FILE` too (rewritten whole through
:mod:`enrollment.atomic_files` at each record, so it never holds more than :data:`CAPACITY` lines; read back at the
next start), which is how ``zuil status --json``, another process, gets them (:func:`read_lines`). No Qt: the view
asks for the lines.
"""

from __future__ import annotations

import contextlib
import logging
import re
import sys
import threading
from collections import deque
from datetime import UTC, datetime
from pathlib import Path

from enrollment.atomic_files import write_text_atomically

CAPACITY = 50  # the records kept
DIGIT_RUN = 6  # a run of this many digits or more is masked (a V-number has 10, a date's parts at most 4)
LEVEL = logging.WARNING  # what is kept and written: warnings and errors
LOG_FILE = "kiosk-log.txt"  # in the data folder: the kept lines, newest first, one a line
_DIGITS = re.compile(rf"\d{{{DIGIT_RUN},}}")
_FORMAT = "%(levelname)s %(name)s: %(message)s"


def masked(text: str) -> str:
    """``text`` with every run of :data:`DIGIT_RUN` or more digits replaced by ``[digits]``."""
    return _DIGITS.sub("[digits]", text)


class RecentLog(logging.Handler):
    """The last :data:`CAPACITY` records at :data:`LEVEL` or above, as masked one-line texts (UTC time first)."""

    def __init__(self, capacity: int = CAPACITY, *, file: Path | None = None) -> None:
        """With ``file``, the lines it holds (an earlier run's) are kept first, and every record rewrites it."""
        super().__init__(LEVEL)
        self._lines: deque[str] = deque(maxlen=capacity)
        self._guard = threading.Lock()
        self._file = file
        if file is not None:
            self._lines.extend(reversed([masked(line) for line in _file_lines(file)]))

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string is no reason to lose the record's place
            message = str(record.msg)
        if record.exc_info and record.exc_info[0] is not None:
            message += f" ({record.exc_info[0].__name__})"
        when = datetime.fromtimestamp(record.created, UTC).strftime("%Y-%m-%d %H:%M:%S")
        line = masked(f"{when} {record.levelname} {record.name}: {message}".splitlines()[0])
        with self._guard:
            self._lines.append(line)
            if self._file is not None:
                # a full or read-only disk: the lines stay in memory and on standard error
                with contextlib.suppress(OSError):
                    write_text_atomically(self._file, "".join(f"{kept}\n" for kept in reversed(self._lines)))

    def lines(self) -> list[str]:
        """The kept lines, newest first."""
        with self._guard:
            return list(reversed(self._lines))


_installed: RecentLog | None = None


def install(data_dir: Path | None = None) -> RecentLog:
    """Log the kiosk's warnings and errors to standard error and keep the last ones (once per process), with
    ``data_dir`` also in its :data:`LOG_FILE`."""
    global _installed
    if _installed is None:
        root = logging.getLogger()
        stream = logging.StreamHandler(sys.stderr)
        stream.setLevel(LEVEL)
        stream.setFormatter(logging.Formatter(_FORMAT))
        _installed = RecentLog(file=None if data_dir is None else Path(data_dir) / LOG_FILE)
        root.addHandler(stream)
        root.addHandler(_installed)
    return _installed


def recent_lines() -> list[str]:
    """The kept lines, newest first; none where :func:`install` was not called (a test, a CLI command)."""
    return [] if _installed is None else _installed.lines()


def read_lines(data_dir: Path) -> list[str]:
    """The lines the kiosk kept in ``data_dir``'s :data:`LOG_FILE`, newest first (masked again on reading; none
    where there is no such file)."""
    return [masked(line) for line in _file_lines(Path(data_dir) / LOG_FILE)]


def _file_lines(file: Path) -> list[str]:
    try:
        text = file.read_text(encoding="utf-8", errors="replace")
    except (FileNotFoundError, NotADirectoryError):
        return []
    return [line for line in text.splitlines() if line][:CAPACITY]
