"""The V-number (vreemdelingennummer): exactly ten digits, or explicitly none.

There is no public check-digit rule (do not apply the BSN 11-test). Input from a keypad, a barcode or a
document is forgiving about spaces, dots and dashes between digit groups and about non-ASCII decimal digits
(Arabic-Indic and Persian digits are common on participants' own keyboards; they are converted to ASCII).
Anything else is refused with a message that names the problem and where it is.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from enrollment.errors import VNumberError

LENGTH = 10
_SEPARATORS = frozenset(" .-\u00a0\u202f\t")
_PREFIXES = ("VNR:", "VNR", "V-NUMMER:", "V-NUMMER", "V-NR:", "V-NR")


@dataclass(frozen=True, order=True)
class VNumber:
    digits: str

    def __post_init__(self) -> None:
        if len(self.digits) != LENGTH or not self.digits.isascii() or not self.digits.isdigit():
            raise VNumberError(f"a V-number is exactly {LENGTH} digits 0-9, got {len(self.digits)} characters")

    def __str__(self) -> str:
        return self.digits

    def display(self) -> str:
        """Grouped for reading aloud and on screen: ``1234 567 890``."""
        return f"{self.digits[:4]} {self.digits[4:7]} {self.digits[7:]}"


def parse_vnumber(text: object) -> VNumber:
    """Parse typed or scanned text into a :class:`VNumber`; raise :class:`VNumberError` naming the problem."""
    if not isinstance(text, str):
        raise VNumberError(f"a V-number is text, got {type(text).__name__}")
    stripped = text.strip()
    upper = stripped.upper()
    for prefix in _PREFIXES:
        if upper.startswith(prefix):
            stripped = stripped[len(prefix):].strip()
            break
    if not stripped:
        raise VNumberError("no V-number was given (the input is empty)")
    digits: list[str] = []
    for position, char in enumerate(stripped, start=1):
        if char in _SEPARATORS:
            continue
        if char.isdecimal():
            digits.append(str(unicodedata.decimal(char)))
            continue
        name = unicodedata.name(char, "unnamed character")
        raise VNumberError(f"character {position} ({char!r}, {name.lower()}) is not a digit")
    if len(digits) != LENGTH:
        raise VNumberError(f"a V-number has exactly {LENGTH} digits; this has {len(digits)}")
    return VNumber("".join(digits))
