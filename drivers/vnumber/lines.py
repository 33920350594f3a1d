"""Cut a byte stream from a scanner into lines: CR, LF or CRLF end a line (scanners differ).

Pure logic, fed whatever chunks the port returns. A line that grows past ``max_bytes`` without an end is
reported once as an overflow and the rest of it is skipped up to the next line end, so one stuck or
mis-configured scanner cannot grow memory or glue two codes together.
"""

from __future__ import annotations

from dataclasses import dataclass

from drivers.vnumber.parameters import MAX_LINE_BYTES

__all__ = ["Line", "LineAssembler", "Overflow"]


@dataclass(frozen=True)
class Line:
    data: bytes


@dataclass(frozen=True)
class Overflow:
    """A line longer than the limit was dropped."""

    length: int


class LineAssembler:
    def __init__(self, max_bytes: int = MAX_LINE_BYTES) -> None:
        self._max = max_bytes
        self._buffer = bytearray()
        self._skipping = False
        self._after_cr = False

    def feed(self, chunk: bytes) -> list[Line | Overflow]:
        """Add bytes; return the complete lines (empty lines are dropped) and overflows, in order."""
        out: list[Line | Overflow] = []
        for byte in chunk:
            if byte == 0x0A and self._after_cr:  # the LF of a CRLF: the line already ended at CR
                self._after_cr = False
                continue
            self._after_cr = byte == 0x0D
            if byte in (0x0A, 0x0D):
                if not self._skipping and self._buffer:
                    out.append(Line(bytes(self._buffer)))
                self._buffer.clear()
                self._skipping = False
            elif self._skipping:
                continue
            elif len(self._buffer) >= self._max:
                out.append(Overflow(len(self._buffer) + 1))
                self._buffer.clear()
                self._skipping = True
            else:
                self._buffer.append(byte)
        return out

    def pending(self) -> int:
        """Bytes of an unfinished line held so far."""
        return len(self._buffer)


class MrzLineGrouper:
    """Join the three lines of a TD1 MRZ that a line-based device sends one by one.

    ``push(text)`` returns the text to parse now (a plain line at once; an MRZ once its third line is in),
    or None while an MRZ is incomplete. ``dropped`` counts MRZ lines discarded because another code
    interrupted them.
    """

    def __init__(self) -> None:
        self._held: list[str] = []
        self.dropped = 0

    def _is_mrz_line(self, text: str) -> bool:
        # Any 30 characters of the MRZ alphabet; the first line must also hold a filler '<' (a TD1 line 1
        # nearly always has one), so a 30-digit code is not taken for the start of an MRZ.
        shaped = len(text) == 30 and all(c.isascii() and (c.isalnum() or c == "<") for c in text)
        return shaped and ("<" in text or bool(self._held))

    def push(self, text: str) -> str | None:
        line = text.strip()
        if self._is_mrz_line(line):
            self._held.append(line)
            if len(self._held) == 3:
                joined, self._held = "\n".join(self._held), []
                return joined
            return None
        self.dropped += len(self._held)
        self._held = []
        return text
