"""The receipt code a participant takes to the desk: eight characters instead of the intake's 36-character id.

The code is the id's first 40 bits (its first ten hex digits, ``xxxxxxxx-xx``; random in a version-4 UUID)
written in a 32-letter alphabet without 0, O, 1 and I, so nothing in it is read as something else; nothing is
stored. Typed in either case, with spaces or a dash between the two groups of four, it reads back as the
beginning of the intake's id (:func:`id_prefix`). Two intakes share a code only if their ids share their first
40 bits; a search by the code then finds both.
"""

from __future__ import annotations

import string

from enrollment.errors import ReceiptCodeError

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # 32 characters: no 0, O, 1 or I
LENGTH = 8  # 8 x 5 bits = the id's first 40 bits
_HEX_DIGITS = LENGTH * 5 // 4


def receipt_code(intake_id: str) -> str:
    """The receipt code of ``intake_id`` (eight characters, no separator)."""
    head = intake_id[:8] + intake_id[9:11] if intake_id[8:9] == "-" else ""
    if len(head) != _HEX_DIGITS or any(c not in string.hexdigits for c in head):
        raise ReceiptCodeError(f"intake id {intake_id!r} does not begin like a UUID: no receipt code")
    value = int(head, 16)
    return "".join(ALPHABET[(value >> (5 * (LENGTH - 1 - i))) & 31] for i in range(LENGTH))


def shown(code: str) -> str:
    """The code as shown and printed: two groups of four (``7KQ3 M9PX``)."""
    return f"{code[:4]} {code[4:]}"


def id_prefix(typed: str) -> str:
    """The beginning of an intake id (``xxxxxxxx-xx``) a typed receipt code stands for; :class:`ReceiptCodeError`
    when it is not one."""
    code = "".join(typed.split()).replace("-", "").upper()
    if len(code) != LENGTH or any(c not in ALPHABET for c in code):
        raise ReceiptCodeError(f"not a receipt code: {typed!r} (eight characters of {ALPHABET})")
    value = 0
    for c in code:
        value = value * 32 + ALPHABET.index(c)
    digits = f"{value:0{_HEX_DIGITS}x}"
    return f"{digits[:8]}-{digits[8:]}"

