"""The languages the kiosk can show: each one's own name, writing direction and Qt translation file.

A language is offered when the settings list it and the consent text exists in it
(:func:`enrollment.consent.languages`). Its translation is ``kiosk/ui/translations/zuil_<code>.qm`` when that
file exists (the English source text otherwise); installing a translator sends Qt's LanguageChange event, on
which every screen re-sets its texts. More languages plug in here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTranslator

from enrollment import consent

TRANSLATIONS = Path(__file__).resolve().parent / "translations"
RTL = Qt.LayoutDirection.RightToLeft
LTR = Qt.LayoutDirection.LeftToRight


@dataclass(frozen=True)
class Language:
    code: str
    own_name: str
    direction: Qt.LayoutDirection = LTR


KNOWN: dict[str, Language] = {lang.code: lang for lang in (
    Language("nl", "Nederlands"), Language("en", "English"), Language("fr", "Français"),
    Language("ar", "العربية", RTL), Language("fa", "فارسی", RTL), Language("ps", "پښتو", RTL),
    Language("ckb", "کوردیی ناوەندی", RTL), Language("ti", "ትግርኛ"), Language("am", "አማርኛ"),
    Language("so", "Soomaali"), Language("tr", "Türkçe"), Language("ru", "Русский"), Language("es", "Español"),
)}


def offered(configured: tuple[str, ...]) -> list[Language]:
    """The configured languages this build can show, in the configured order."""
    have = set(consent.languages())
    return [KNOWN[code] for code in configured if code in KNOWN and code in have]


class LanguageSwitch:
    """Installs one language's translator (removing the previous one) and its layout direction."""

    def __init__(self) -> None:
        self._translator: QTranslator | None = None

    def install(self, language: Language) -> None:
        app = QCoreApplication.instance()
        if self._translator is not None:
            app.removeTranslator(self._translator)
            self._translator = None
        translator = QTranslator()
        if translator.load(str(TRANSLATIONS / f"zuil_{language.code}.qm")):
            app.installTranslator(translator)
            self._translator = translator
        app.setLayoutDirection(language.direction)  # type: ignore[attr-defined]
