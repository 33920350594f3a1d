"""The V-number: the ten-digit number the Basisvoorziening Vreemdelingen gives a foreign national.

There is no public check-digit rule (do NOT apply the BSN 11-test), so validation is about form only:
exactly ten digits once the spaces and dots people type or print as separators are removed.

Non-ASCII decimal digits (Arabic-Indic ``٠-٩``, Extended Arabic-Indic/Persian ``۰-۹``, and any other
Unicode decimal digit such as full-width ``０-９``) are converted to ASCII: many participants type on an
Arabic or Persian keyboard layout, and refusing a correct number for its script would only hurt them.
Other digit-like characters (superscripts, circled digits, fractions) are refused.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from enrollment.errors import VNumberError

__all__ = ["VNumber", "VNumberError", "parse_vnumber"]

VNUMBER_DIGITS = 10
#: Longer input is refused before it is scanned: no real V-number with separators comes near it.
_MAX_INPUT_CHARS = 64
_SEPARATORS = frozenset(" .")


@dataclass(frozen=True, order=True)
class VNumber:
    """A well-formed V-number: exactly ten ASCII digits. Build it with :func:`parse_vnumber`."""

    digits: str

    def __post_init__(self) -> None:
        if not (len(self.digits) == VNUMBER_DIGITS and self.digits.isascii() and self.digits.isdigit()):
            raise VNumberError(f"a VNumber holds exactly {VNUMBER_DIGITS} ASCII digits, got {self.digits!r}")

    def __str__(self) -> str:
        return self.digits

    def grouped(self) -> str:
        """The number as shown to people, ``1234 567 890`` (4-3-3), easier to read back than ten digits."""
        return f"{self.digits[:4]} {self.digits[4:7]} {self.digits[7:]}"


def _describe(char: str) -> str:
    """A character as a person (or a log) can recognise it, also when it is invisible."""
    name = unicodedata.name(char, "")
    if char.isprintable() and not char.isspace():
        return f"{char!r}" + (f" ({name})" if not char.isascii() and name else "")
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def _is_separator(char: str) -> bool:
    # Plain spaces and dots, plus the other Unicode space separators (no-break space from copy-paste).
    return char in _SEPARATORS or unicodedata.category(char) == "Zs"


def parse_vnumber(text: object) -> VNumber:
    """Read a V-number from what a person typed or a reader produced; raise VNumberError naming the problem.

    Surrounding whitespace is stripped; spaces and dots inside are separators; any Unicode decimal digit
    counts as its ASCII digit. Positions in error messages are 1-based positions in ``text`` as given.
    """
    if not isinstance(text, str):
        raise VNumberError(f"a V-number is text, got {type(text).__name__}")
    if len(text) > _MAX_INPUT_CHARS:
        raise VNumberError(f"a V-number is {VNUMBER_DIGITS} digits; this input is {len(text)} characters long")
    stripped = text.strip()
    if not stripped:
        raise VNumberError("the V-number is empty")
    offset = len(text) - len(text.lstrip())
    digits: list[str] = []
    for index, char in enumerate(stripped, start=offset + 1):
        if "0" <= char <= "9":
            digits.append(char)
        elif _is_separator(char):
            continue
        elif (value := unicodedata.decimal(char, None)) is not None:
            digits.append(str(value))
        else:
            raise VNumberError(
                f"the V-number has {_describe(char)} at position {index}; only digits, spaces and dots are allowed"
            )
    if not digits:
        raise VNumberError("the V-number has no digits, only separators")
    if len(digits) != VNUMBER_DIGITS:
        few_many = "too few" if len(digits) < VNUMBER_DIGITS else "too many"
        raise VNumberError(
            f"the V-number has {len(digits)} digits ({few_many}); it needs exactly {VNUMBER_DIGITS}"
        )
    return VNumber("".join(digits))
