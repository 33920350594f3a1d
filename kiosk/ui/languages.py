"""The languages the kiosk can show: each one's own name, writing direction and Qt translation file.

The languages are :data:`enrollment.values.languages.LANGUAGE_TABLE`; this module only maps each one's direction
to Qt's. A language is offered when the settings list it and the consent text exists in it
(:func:`enrollment.consent.languages`). Its translation is ``kiosk/ui/translations/zuil_<code>.qm`` when that
file exists (the English source text otherwise); installing a translator sends Qt's LanguageChange event, on
which every screen re-sets its texts. A language whose translation is not reviewed (:mod:`kiosk.translation_status`)
carries a draft mark in its own words (:func:`draft_mark`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, QTranslator
from PySide6.QtGui import QFontDatabase, QFontInfo, QGuiApplication

from enrollment import consent
from enrollment.values.languages import LANGUAGE_TABLE, Direction
from kiosk.translation_status import translation_status

TRANSLATIONS = Path(__file__).resolve().parent / "translations"
RTL = Qt.LayoutDirection.RightToLeft
LTR = Qt.LayoutDirection.LeftToRight
DRAFT_CONTEXT = "LanguageScreen"
DRAFT_MARK = QT_TRANSLATE_NOOP("LanguageScreen", "draft translation")
#: The font (Debian's fonts-noto-core) a script's letters are drawn in: without it fontconfig falls back to
#: DejaVu Sans for Arabic, Farsi, Pashto and Sorani. Naskh, not Noto Sans Arabic: its lines are 85% taller than
#: Latin ones and the Farsi consent text no longer fits the screen in large text.
SCRIPT_FONTS = {"Arab": "Noto Naskh Arabic", "Ethi": "Noto Sans Ethiopic"}  # by ISO 15924 script


@dataclass(frozen=True)
class Language:
    code: str
    own_name: str
    direction: Qt.LayoutDirection = LTR


KNOWN: dict[str, Language] = {
    lang.code: Language(lang.code, lang.own_name, RTL if lang.direction is Direction.RIGHT_TO_LEFT else LTR)
    for lang in LANGUAGE_TABLE
}


def qm_path(code: str, folder: Path | None = None) -> Path:
    """The compiled translation of ``code`` (in :data:`TRANSLATIONS`, read when called)."""
    return (folder or TRANSLATIONS) / f"zuil_{code}.qm"


def draft_mark(language: Language, folder: Path | None = None) -> str:
    """"draft translation" in the language itself when its translation is not reviewed, else ``""``."""
    folder = folder or TRANSLATIONS
    if translation_status(language.code, folder).reviewed:
        return ""
    translator = QTranslator()
    if not translator.load(str(qm_path(language.code, folder))):
        return DRAFT_MARK
    return translator.translate(DRAFT_CONTEXT, DRAFT_MARK) or DRAFT_MARK


def offered(configured: tuple[str, ...]) -> list[Language]:
    """The configured languages this build can show, in the configured order."""
    have = set(consent.languages())
    return [KNOWN[code] for code in configured if code in KNOWN and code in have]


class LanguageSwitch:
    """Installs one language's translator (removing the previous one, installed by any switch: the application
    shows one language at a time) and its layout direction."""

    _translator: QTranslator | None = None  # the one installed, shared by every switch

    def install(self, language: Language) -> None:
        app = QCoreApplication.instance()
        if LanguageSwitch._translator is not None:
            app.removeTranslator(LanguageSwitch._translator)
            LanguageSwitch._translator = None
        translator = QTranslator()
        if translator.load(str(qm_path(language.code))):
            app.installTranslator(translator)
            LanguageSwitch._translator = translator
        app.setLayoutDirection(language.direction)  # type: ignore[attr-defined]
        # Qt posts the LanguageChange events: deliver them now, so that every screen has its new texts before
        # the next screen is shown and spoken (else the first screen after the choice spoke the old language)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)

    @staticmethod
    def release() -> None:
        """Remove the installed translator (the source text again). A window that is done with the application
        and gives it back (``zuil screenshots``, ``zuil speak``) calls this: a QTranslator left installed when the
        interpreter exits crashed it while finalizing."""
        app = QCoreApplication.instance()
        if LanguageSwitch._translator is not None and app is not None:
            app.removeTranslator(LanguageSwitch._translator)
        LanguageSwitch._translator = None


def use_script_fonts() -> None:
    """Make the application font fall back to :data:`SCRIPT_FONTS` (those installed) for the letters its own
    family lacks. Call it before the window is built: widgets keep the font they were laid out with."""
    app_font = QGuiApplication.font()
    base = QFontInfo(app_font).family()
    installed = set(QFontDatabase.families())
    families = [base, *(name for name in SCRIPT_FONTS.values() if name in installed and name != base)]
    if app_font.families() != families:
        app_font.setFamilies(families)
        QGuiApplication.setFont(app_font)
