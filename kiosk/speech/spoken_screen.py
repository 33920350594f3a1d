"""What one screen says, as audio: each message from the site's recorded prompt when there is one, else from the
language's synthetic voice; a message with neither makes the whole screen unsayable (named in the error)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kiosk.speech.audio import Pcm, join
from kiosk.speech.errors import NoVoiceError
from kiosk.speech.prompts import RecordedPrompts
from kiosk.speech.synthesis import synthesize
from kiosk.speech.voices import espeak_voice


@dataclass(frozen=True)
class Message:
    """One thing a screen says: a stable id (for recorded prompts) and its text in the screen's language."""

    id: str
    text: str


def say(messages: Sequence[Message], language: str, prompts: RecordedPrompts | None = None) -> Pcm:
    """The screen's messages spoken one after another, with a short pause between them."""
    pieces: list[Pcm] = []
    missing: list[str] = []
    for message in messages:
        recorded = prompts.find(language, message.id) if prompts else None
        if recorded is not None:
            pieces.append(recorded)
        elif espeak_voice(language) is None:
            missing.append(message.id)
        elif message.text.strip():
            pieces.append(synthesize(message.text, language))
    if missing:
        where = prompts.folder / language if prompts else "the prompts folder"
        raise NoVoiceError(f"language {language!r} has no synthetic voice and no recorded prompt for "
                           f"{', '.join(missing)} (in {where})")
    if not pieces:
        raise NoVoiceError("the screen says nothing")
    return join(pieces)
