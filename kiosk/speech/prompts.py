"""Recorded prompts: a site's own audio, ``<folder>/<language>/<message id>.wav``, preferred over synthesis.

A site records what a screen says in a language (read by a speaker of it) and installs the files in the data
folder's ``prompts`` directory; they cover the languages espeak-ng has no voice for (ti, so, ps, ckb) and may
replace a synthetic voice in any other. Message ids are the screens' (``zuil speak --list`` names them). A
file is read with a size bound and decoded before use; a bad file is refused with a message naming it.
"""

from __future__ import annotations

import re
from pathlib import Path

from enrollment.bounded_read import InputFileError, read_bounded
from kiosk.speech.audio import Pcm, decode_wav
from kiosk.speech.errors import AudioFormatError

PROMPTS_FOLDER = "prompts"  # inside the data folder
MAX_PROMPT_BYTES = 32 << 20
_MESSAGE_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,79}$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")


class RecordedPrompts:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def in_data_dir(cls, data_dir: Path) -> RecordedPrompts:
        return cls(data_dir / PROMPTS_FOLDER)

    def path(self, language: str, message_id: str) -> Path:
        if not _LANGUAGE.match(language):
            raise AudioFormatError(f"not a language code: {language!r}")
        if not _MESSAGE_ID.match(message_id):
            raise AudioFormatError(f"not a message id: {message_id!r}")
        return self.folder / language / f"{message_id}.wav"

    def find(self, language: str, message_id: str) -> Pcm | None:
        """The recorded prompt, or None when the site has none for it."""
        path = self.path(language, message_id)
        if not path.exists():
            return None
        try:
            data = read_bounded(path, MAX_PROMPT_BYTES, what="recorded prompt")
        except InputFileError as exc:
            raise AudioFormatError(str(exc)) from None
        return decode_wav(data, where=str(path))
