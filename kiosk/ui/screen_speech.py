"""Speaking the screens in the kiosk: each utterance is synthesized (or read from the site's recorded prompts)
on a worker thread of a :class:`QThreadPool`, so the screen never waits, then played through
:class:`~kiosk.speech.player.SpeechPlayer`. A new utterance interrupts the one playing (and one still being
made is dropped); asked again for the same text ("listen again"), it plays the audio it made before. A
language with neither a voice nor a recorded prompt for a screen is logged once and the window greys out
"listen again". The volume is a step of :data:`VOLUME_STEPS` (a gain on the samples played, so it applies to
whatever device plays them), back at :data:`DEFAULT_VOLUME` for each new person.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject, QThreadPool, QTranslator, Signal

from kiosk.settings import SpeechSettings
from kiosk.speech.audio import Pcm, join, scaled
from kiosk.speech.errors import NoVoiceError, SpeechError
from kiosk.speech.player import SpeechPlayer
from kiosk.speech.prompts import RecordedPrompts
from kiosk.speech.spoken_screen import Message, say
from kiosk.speech.voices import espeak_voice
from kiosk.ui.languages import Language, qm_path

log = logging.getLogger(__name__)
WELCOME = "Welcome. Choose your language."  # kiosk.ui.screens.language's title, looked up in each translation
SOURCE_LANGUAGE = "en"  # the language of the screens' source texts, shown where a translation is missing
VOLUME_STEPS = (0.25, 0.5, 1.0, 1.6)  # gains on the audio made (1.0: as synthesized or recorded)
DEFAULT_VOLUME = 2


def speaking_language(chosen: str, message_id: str, prompts: RecordedPrompts, *, own_text: bool = False) -> str:
    """The language a screen is spoken in: the chosen one when the site recorded the screen in it, or when the
    screen shows text in it (``own_text``: the consent text, which each language has; or the screens'
    compiled translation is installed); else English, the source text the screen then shows."""
    if own_text or chosen == SOURCE_LANGUAGE or prompts.path(chosen, message_id).exists():
        return chosen
    return chosen if qm_path(chosen).exists() else SOURCE_LANGUAGE


@dataclass(frozen=True)
class Utterance:
    """What was said: the message id (a screen's name), each (language, text) part in order, the audio."""

    message_id: str
    parts: tuple[tuple[str, str], ...]
    pcm: Pcm
    extra: tuple[Message, ...] = ()  # said after the parts, in the last part's language (each its own id)


class ScreenSpeech(QObject):
    _made = Signal(int, object)  # generation, Utterance | None (from the worker thread)
    played = Signal(object, object)  # the Utterance and the audio handed to the player (at the volume)

    def __init__(self, settings: SpeechSettings, prompts: RecordedPrompts, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = settings.enabled
        self.prompts = prompts
        self.player = SpeechPlayer(settings.device) if settings.enabled else None
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.last: Utterance | None = None  # the utterance played last
        self.plays = 0  # how many times anything was played (listen again counts)
        self.volume = DEFAULT_VOLUME  # an index into VOLUME_STEPS
        self._generation = 0
        self._logged: set[str] = set()
        self._made.connect(self._play)

    def audible(self, language: str, message_id: str) -> bool:
        """Whether ``message_id`` can be heard in ``language`` (a voice or a recorded prompt); logs once per
        language when it cannot."""
        if self.player is None:
            return False
        if espeak_voice(language) is not None or self.prompts.path(language, message_id).exists():
            return True
        self._log_once(language, f"no synthetic voice and no recorded prompt for {message_id!r} in "
                                 f"{self.prompts.folder / language}: that screen is not spoken")
        return False

    def speak(self, message_id: str, parts: list[tuple[str, str]], extra: tuple[Message, ...] = ()) -> None:
        """Say each (language, text) part in turn, then the ``extra`` messages in the last part's language,
        interrupting what is playing; returns at once."""
        if self.player is None:
            return
        key = (message_id, tuple(parts), tuple(extra))
        self._generation += 1
        self.player.stop()
        if self.last is not None and (self.last.message_id, self.last.parts, self.last.extra) == key:
            self._play(self._generation, self.last)
            return
        generation = self._generation
        self.pool.start(lambda: self._make(generation, message_id, key[1], key[2]))

    def set_volume(self, step: int) -> None:
        """The volume step (clamped to :data:`VOLUME_STEPS`) for what is played from now on."""
        self.volume = max(0, min(len(VOLUME_STEPS) - 1, step))

    def stop(self) -> None:
        self._generation += 1
        if self.player is not None:
            self.player.stop()

    def close(self) -> None:
        self.stop()
        self.pool.waitForDone()
        if self.player is not None:
            self.player.close()

    def _make(self, generation: int, message_id: str, parts: tuple[tuple[str, str], ...],
              extra: tuple[Message, ...] = ()) -> None:
        """On the worker thread."""
        if generation != self._generation:
            return  # another screen came up before this one was made
        pieces = []
        for index, (language, text) in enumerate(parts):
            messages = [Message(message_id, text), *(extra if index == len(parts) - 1 else ())]
            try:
                pieces.append(say(messages, language, self.prompts))
            except NoVoiceError as exc:
                self._log_once(language, str(exc))
            except SpeechError as exc:
                log.warning("%s in %s not spoken: %s", message_id, language, exc)
        self._made.emit(generation, Utterance(message_id, parts, join(pieces), extra) if pieces else None)

    def _play(self, generation: int, utterance: Utterance | None) -> None:
        if generation != self._generation or utterance is None or self.player is None:
            return
        self.last = utterance
        pcm = scaled(utterance.pcm, VOLUME_STEPS[self.volume])
        try:
            self.player.play(pcm)
        except SpeechError as exc:
            self._log_once("player", str(exc))
            return
        self.plays += 1
        self.played.emit(utterance, pcm)

    def _log_once(self, key: str, message: str) -> None:
        if key not in self._logged:
            self._logged.add(key)
            log.warning("speech: %s", message)


def welcome_parts(languages: list[Language]) -> list[tuple[str, str]]:
    """The language screen's welcome in each language, with the language's own name: the source text for
    English, the compiled translation where one exists, else the own name alone."""
    parts = []
    for language in languages:
        translator = QTranslator()
        translated = ""
        if translator.load(str(qm_path(language.code))):
            translated = translator.translate("LanguageScreen", WELCOME)
        if language.code == "en":
            translated = WELCOME
        parts.append((language.code, f"{translated}\n{language.own_name}" if translated else language.own_name))
    return parts
