"""The window's speech: what a screen is spoken under and in which language, saying the screen on top (and, on
"listen again", the names of its pictures and of the bar's buttons), the volume steps, and a message said as it
appears (a scanner message, a refused V-number). A mix-in of :class:`~kiosk.ui.window.KioskWindow`, which owns the
screens, the access bar and the :class:`~kiosk.ui.screen_speech.ScreenSpeech` (None: speech off) it uses."""

from __future__ import annotations

from kiosk.speech.spoken_screen import Message
from kiosk.ui.screen_speech import speaking_language
from kiosk.ui.screens.desk import DECLINED


class SpokenWindow:
    """Speech for the kiosk window."""

    def speech_id(self, screen) -> str:  # type: ignore[no-untyped-def]
        """The message id a screen is spoken (and recorded) under: its name, the desk's with its reason."""
        if screen is self.desk and self.desk.reason != DECLINED:
            return f"desk_{self.desk.reason}"
        return screen.name

    def spoken_language(self) -> str:
        return self.flow.language or (self.languages[0].code if self.languages else "en")

    def speak_current(self, *, names: bool = False) -> None:
        """Say the screen on top (interrupting what plays) and grey out "listen again" when it cannot be heard;
        with ``names``, then the names of its pictures and of the bar's buttons."""
        if self.speech is None:
            return
        screen = self.current_screen()
        message_id = self.speech_id(screen)
        if screen is self.language:
            parts = [(code, text) for code, text in self._welcome if self.speech.audible(code, message_id)]
        else:
            language = speaking_language(self.spoken_language(), message_id, self.speech.prompts,
                                         own_text=screen is self.information)
            text = screen.spoken_text(private=self.settings.speech.private)
            if self.resumed_note.isVisible():  # "the kiosk restarted" first, on the screen an intake resumed at
                text = f"{self.resumed_note.text()}\n{text}"
            parts = [(language, text)] if self.speech.audible(language, message_id) else []
        self.bar.set_audio(bool(parts))
        extra: tuple[Message, ...] = ()
        if names and parts:
            pictures = getattr(screen, "pictogram_names", list)()
            bar = [(f"button_{kind}", name) for kind, name in self.bar.spoken_names()]
            extra = tuple(Message(message_id, text) for message_id, text in [*pictures, *bar])
        if parts:
            self.speech.speak(message_id, parts, extra)
        else:
            self.speech.stop()

    def listen_again(self) -> None:
        if self.speech is not None:
            self.speak_current(names=True)

    def change_volume(self, step: int) -> None:
        """One volume step softer (-1) or louder (+1), heard at once: the screen is said again at the new level."""
        if self.speech is not None:
            self.speech.set_volume(self.speech.volume + step)
            self.speak_current()

    def _say_message(self, message_id: str, text: str) -> None:
        """A message just shown on the screen (a scanner message, a refused V-number), said alone in the language
        it is shown in."""
        if self.speech is None:
            return
        language = speaking_language(self.spoken_language(), message_id, self.speech.prompts)
        if self.speech.audible(language, message_id):
            self.speech.speak(message_id, [(language, text)])
