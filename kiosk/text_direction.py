"""Which way a text starts, by Unicode's rules (no Qt): Qt lays a label's text out in the direction of its first
letter that has one, so a right-to-left text that begins with a Latin word (``LVV ...``) needs an invisible
right-to-left mark in front to start on the right."""

from __future__ import annotations

import unicodedata

RIGHT_TO_LEFT_MARK = "\u200f"


def first_strong_direction(text: str) -> str:
    """``"L"`` or ``"R"``: the direction of the first character that has one (``""`` when none has)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("L", "R", "AL"):
            return "L" if kind == "L" else "R"
    return ""


def starting_right_to_left(text: str) -> str:
    """``text`` with a right-to-left mark in front when it would otherwise start left to right."""
    return RIGHT_TO_LEFT_MARK + text if first_strong_direction(text) == "L" else text
