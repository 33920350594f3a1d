"""The model behind the kiosk's on-screen V-number keypad (no Qt: the kiosk's widget is a thin view).

:class:`KeypadBuffer` holds the digits typed so far and shows them grouped 4-3-3 (``1234 567 890``) as
they grow, which is how people read a V-number back. :class:`KeypadReader` turns a confirmed buffer
into the same :class:`ReaderResult` every other reader delivers.
"""

from __future__ import annotations

import unicodedata

from drivers.vnumber.errors import InvalidVNumberError
from drivers.vnumber.reader import ReaderCallback, ReaderResult, VNumberReader
from enrollment.values.vnumber import LENGTH, VNumber, VNumberError, parse_vnumber

__all__ = ["KeypadBuffer", "KeypadReader"]

_GROUPS = (4, 3, 3)


class KeypadBuffer:
    """Up to ten digits being typed. Keys beyond the tenth are refused (``append`` returns False)."""

    def __init__(self, digits: str = "") -> None:
        self._digits = ""
        for char in digits:
            if not self.append(char):
                raise ValueError(f"{digits!r} is not up to {LENGTH} digits")

    def append(self, key: str) -> bool:
        """Add one digit key (any script's decimal digit counts as its ASCII digit); False if refused."""
        if len(key) != 1 or len(self._digits) >= LENGTH:
            return False
        value = unicodedata.decimal(key, None)
        if value is None:
            return False
        self._digits += str(value)
        return True

    def backspace(self) -> None:
        self._digits = self._digits[:-1]

    def clear(self) -> None:
        self._digits = ""

    @property
    def digits(self) -> str:
        return self._digits

    def __len__(self) -> int:
        return len(self._digits)

    @property
    def complete(self) -> bool:
        return len(self._digits) == LENGTH

    def display(self) -> str:
        """The digits so far grouped 4-3-3: ``"1234 56"``, ``"1234 567 890"``."""
        parts, start = [], 0
        for size in _GROUPS:
            if start >= len(self._digits):
                break
            parts.append(self._digits[start : start + size])
            start += size
        return " ".join(parts)

    def value(self) -> VNumber:
        """The V-number typed; raises VNumberError (saying how many digits) while it is incomplete."""
        return parse_vnumber(self._digits)


class KeypadReader(VNumberReader):
    """A reader fed by the on-screen keypad: ``submit()`` emits the buffer's V-number or the error."""

    source = "keypad"

    def __init__(self, on_event: ReaderCallback | None = None) -> None:
        super().__init__(on_event)
        self.buffer = KeypadBuffer()

    def _start(self) -> None:
        self.buffer.clear()

    def _stop(self) -> None:
        self.buffer.clear()

    def submit(self) -> None:
        """Emit what is typed (the OK key); the buffer is kept so the person can correct it."""
        raw = self.buffer.digits
        try:
            self._emit(ReaderResult(self.buffer.value(), self.source, raw))
        except VNumberError as exc:
            self._emit(InvalidVNumberError(str(exc)))
