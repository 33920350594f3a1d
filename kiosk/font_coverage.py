"""Which configured languages have an installed font for their script, asked of fontconfig (``fc-list``), no Qt.

Qt draws text with the fonts fontconfig finds; a language without one shows empty boxes. Debian's
``fonts-noto-core`` covers every language in :data:`enrollment.values.languages.LANGUAGE_TABLE`; the language
screen's flags need the colour emoji font (:func:`family_installed`, :mod:`kiosk.language_flags`).
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass

from enrollment.values.languages import language

#: fontconfig's name where it differs from the code (fontconfig has no ``ckb``: Kurdish as written in Iraq).
FONTCONFIG_LANGUAGE = {"ckb": "ku-iq"}
FONT_PACKAGE = "fonts-noto-core"


@dataclass(frozen=True)
class Coverage:
    language: str
    script: str
    families: tuple[str, ...]  # the installed font families that cover it (empty: none)


class FontconfigMissing(RuntimeError):
    """``fc-list`` is not installed, so which fonts exist cannot be asked."""


def font_families(code: str) -> tuple[str, ...]:
    """The font families fontconfig says cover language ``code``, sorted."""
    return _families(f":lang={FONTCONFIG_LANGUAGE.get(code, code)}")


def family_installed(family: str) -> bool:
    """Whether fontconfig has a font of ``family`` (not a fallback for it)."""
    return family in _families(f":family={family}")


def _families(pattern: str) -> tuple[str, ...]:
    """The families of the fonts ``fc-list`` lists for ``pattern``, sorted."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        raise FontconfigMissing("fc-list not found: apt-get install fontconfig")
    result = subprocess.run([fc_list, pattern, "family"], capture_output=True, text=True, timeout=60, check=False)
    names = {name.strip() for line in result.stdout.splitlines() for name in line.split(",")[:1] if name.strip()}
    return tuple(sorted(names))


def coverage(codes: tuple[str, ...]) -> list[Coverage]:
    return [Coverage(code, language(code).script, font_families(code)) for code in codes]
