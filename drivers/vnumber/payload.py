"""Read a V-number out of what a barcode, QR code or MRZ device delivered.

Accepted forms (anything else is a :class:`BarcodePayloadError`):

- the bare number, ``1234567890`` (with the spaces, dots or dashes :func:`parse_vnumber` allows);
- a prefixed number, ``VNR 1234567890``, ``VNR:1234567890``, ``V-nummer: 1234.567.890`` (any case);
- a TD1 machine-readable zone (three 30-character lines) whose optional data holds the V-number.
"""

from __future__ import annotations

import re

from drivers.vnumber.errors import BarcodePayloadError, InvalidVNumberError, NoVNumberInDocumentError
from drivers.vnumber.mrz import LINE_COUNT, LINE_LENGTH, parse_td1, split_lines
from drivers.vnumber.parameters import MAX_PAYLOAD_CHARS, VNUMBER_PREFIXES
from enrollment.values.vnumber import VNumber, VNumberError, parse_vnumber

__all__ = ["parse_payload"]

_PREFIXED = re.compile(
    r"^(?:" + "|".join(re.escape(p) for p in sorted(VNUMBER_PREFIXES, key=len, reverse=True)) + r")"
    r"\s*[:#.]?\s*(?P<number>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_NUMBERISH = re.compile(r"^[\d\s.\-]+$")


def _looks_like_mrz(text: str) -> bool:
    lines = split_lines(text)
    return len(lines) == LINE_COUNT and all(len(line) == LINE_LENGTH for line in lines) and "<" in text


def parse_payload(text: object) -> VNumber:
    """The V-number in ``text``; raises a ReaderError subclass saying which form failed and why."""
    if not isinstance(text, str):
        raise BarcodePayloadError(f"a payload is text, got {type(text).__name__}")
    if len(text) > MAX_PAYLOAD_CHARS:
        raise BarcodePayloadError(f"payload of {len(text)} characters is too long for any V-number form")
    stripped = text.strip()
    if not stripped:
        raise BarcodePayloadError("the code is empty")
    prefixed = _PREFIXED.match(stripped)
    if prefixed:
        try:
            return parse_vnumber(prefixed.group("number"))
        except VNumberError as exc:
            raise InvalidVNumberError(f"after the V-number prefix: {exc}") from exc
    if _looks_like_mrz(stripped):
        td1 = parse_td1(stripped)  # raises MrzFormatError / MrzCheckError
        if td1.vnumber is None:
            raise NoVNumberInDocumentError("the MRZ is valid but its optional data holds no (single) V-number")
        return td1.vnumber
    if _NUMBERISH.match(stripped):
        try:
            return parse_vnumber(stripped)
        except VNumberError as exc:
            raise InvalidVNumberError(str(exc)) from exc
    raise BarcodePayloadError(
        f"a {len(stripped)}-character code that is neither a V-number, 'VNR <number>' nor a TD1 MRZ"
    )
