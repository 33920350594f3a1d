"""``zuil speak``: what the kiosk says on one screen in one language, found by building the screen offscreen
with sample content (as ``zuil screenshots`` does) in that language's translation.

The parts are what the kiosk window speaks for that screen: the screen's visible text in reading order (in the
language it is shown in), and for the language screen the welcome in that language with its own name (the
kiosk says it in every offered language in turn). The message id is the one the kiosk speaks it under
(recorded prompts are found by it).
"""

from __future__ import annotations

import os

from kiosk.settings import KioskSettings
from kiosk.ui.screenshots import SCREENS

SPOKEN_SCREENS = tuple(name for name in SCREENS if name != "staff")  # the staff's PIN panel is not spoken


def spoken_parts(settings: KioskSettings, screen: str, language: str) -> tuple[str, list[tuple[str, str]]]:
    """(message id, [(language, text)]) of ``screen`` chosen in ``language`` (a code of :data:`KNOWN`); the
    text's language is the one shown (English where the screen has no translation in ``language``)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from kiosk.speech.prompts import RecordedPrompts
    from kiosk.ui.languages import KNOWN
    from kiosk.ui.screen_speech import speaking_language, welcome_parts
    from kiosk.ui.screenshots import present
    from kiosk.ui.theme import Theme
    from kiosk.ui.window import KioskWindow

    app = QApplication.instance() or QApplication(["zuil-speak"])
    theme = Theme.for_screen(settings.screen)
    window = KioskWindow(settings, theme)
    window.resize(*theme.size_px)
    window.show()
    try:
        window.language_switch.install(KNOWN[language])
        shown = present(window, screen, language)
        app.processEvents()
        message_id = window.speech_id(shown)
        if shown is window.language:
            return message_id, welcome_parts([KNOWN[language]])
        prompts = RecordedPrompts.in_data_dir(settings.enrollment.data_dir)
        spoken_in = speaking_language(language, message_id, prompts, own_text=shown is window.information)
        return message_id, [(spoken_in, shown.spoken_text(private=settings.speech.private))]
    finally:
        window.shutdown()
        window.language_switch.release()  # give the application back as it was, the window deleted now
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
