"""How far each language's screen translation is: read from its Qt ``.ts`` source, no Qt needed.

The screens' text is English in the code (``self.tr``); ``kiosk/ui/translations/zuil_<code>.ts`` holds each other
language's translations, kept current with ``make lupdate``, and the build compiles them to ``.qm`` files for
Qt. A translation drafted without a qualified translator's review stays marked ``unfinished`` in the ``.ts``
file (Qt Linguist's flag): a language is *reviewed* when every message has a translation and none is marked
unfinished. The language screen and the technician's view show this.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

TRANSLATIONS = Path(__file__).resolve().parent / "ui" / "translations"
SOURCE_LANGUAGE = "en"  # the language of the text in the code
#: The ``language`` attribute of a ``.ts`` file where it is not the code: Qt 6.12's lupdate does not know ``ckb`` and
#: refuses to update a file that names it ("target language is not recognized"), so Sorani's file says Kurdish (Iraq).
TS_LANGUAGE_ATTRIBUTE = {"ckb": "ku_IQ"}
_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%\d")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translation: str
    unfinished: bool


@dataclass(frozen=True)
class TranslationStatus:
    language: str
    messages: int
    translated: int  # has a translation (drafted or reviewed)
    unfinished: int  # marked unfinished: not yet reviewed, or not translated at all

    @property
    def reviewed(self) -> bool:
        if self.language == SOURCE_LANGUAGE:
            return True  # the text in the code
        return self.messages > 0 and self.translated == self.messages and self.unfinished == 0


def ts_path(language: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"zuil_{language}.ts"


def read_messages(path: Path) -> list[Message]:
    """The current messages of a ``.ts`` file (obsolete and vanished ones left out)."""
    messages = []
    for context in ElementTree.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            text = (translation.text or "") if translation is not None else ""
            messages.append(Message(name, message.findtext("source", ""), text, kind == "unfinished"))
    return messages


def translation_status(language: str, folder: Path = TRANSLATIONS) -> TranslationStatus:
    """Counts for one language; the source language and a language without a ``.ts`` file count nothing."""
    path = ts_path(language, folder)
    if language == SOURCE_LANGUAGE or not path.exists():
        return TranslationStatus(language, 0, 0, 0)
    messages = read_messages(path)
    return TranslationStatus(language, len(messages), sum(bool(m.translation.strip()) for m in messages),
                             sum(m.unfinished for m in messages))


def placeholders(text: str) -> list[str]:
    """The ``{name}`` and ``%n`` fields a text must keep in every translation, sorted."""
    return sorted(_PLACEHOLDER.findall(text))
