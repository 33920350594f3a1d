"""The languages the kiosk speaks to a participant in: code, own name, direction and script, one table.

The settings validator (``languages`` key), the consent texts and the screens look languages up here; nobody
else keeps a list of them. Codes are ISO 639 (``ckb``: Central Kurdish, written in Sorani's Arabic script).
Which languages have a voice is the speech part's registry (:mod:`kiosk.speech.voices`), and which
translations are reviewed is what their ``.ts`` files say.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from enrollment.errors import EnrollmentError


class Direction(StrEnum):
    LEFT_TO_RIGHT = "ltr"
    RIGHT_TO_LEFT = "rtl"


@dataclass(frozen=True)
class Language:
    code: str
    own_name: str  # the name a speaker of the language reads (endonym)
    english_name: str
    direction: Direction
    script: str  # ISO 15924: which fonts must be installed to show it


_LTR, _RTL = Direction.LEFT_TO_RIGHT, Direction.RIGHT_TO_LEFT

LANGUAGE_TABLE: tuple[Language, ...] = (
    Language("nl", "Nederlands", "Dutch", _LTR, "Latn"),
    Language("en", "English", "English", _LTR, "Latn"),
    Language("ar", "العربية", "Arabic", _RTL, "Arab"),
    Language("fa", "فارسی", "Farsi", _RTL, "Arab"),
    Language("ti", "ትግርኛ", "Tigrinya", _LTR, "Ethi"),
    Language("fr", "Français", "French", _LTR, "Latn"),
    Language("so", "Soomaali", "Somali", _LTR, "Latn"),
    Language("ps", "پښتو", "Pashto", _RTL, "Arab"),
    Language("am", "አማርኛ", "Amharic", _LTR, "Ethi"),
    Language("tr", "Türkçe", "Turkish", _LTR, "Latn"),
    Language("ru", "Русский", "Russian", _LTR, "Cyrl"),
    Language("es", "Español", "Spanish", _LTR, "Latn"),
    Language("ckb", "کوردیی ناوەندی", "Central Kurdish (Sorani)", _RTL, "Arab"),
)

LANGUAGE_CODES: tuple[str, ...] = tuple(language.code for language in LANGUAGE_TABLE)
_BY_CODE = {language.code: language for language in LANGUAGE_TABLE}


class UnknownLanguageError(EnrollmentError, ValueError):
    """A language code that is not in :data:`LANGUAGE_TABLE`."""


def language(code: str) -> Language:
    try:
        return _BY_CODE[code]
    except KeyError:
        raise UnknownLanguageError(f"unsupported language {code!r}; supported: {', '.join(LANGUAGE_CODES)}") from None
