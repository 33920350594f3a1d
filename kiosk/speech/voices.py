"""The synthetic voices this build has: espeak-ng's voice per language, the one registry of them.

espeak-ng (Debian package ``espeak-ng``) speaks nl, en, fr, ar, fa, am, tr, ru and es. It has no voice for
Tigrinya, Somali or Pashto, and its ``ku`` voice is Kurmanji, which reads Sorani's script as letter names, so
``ckb`` has none either: those four languages are spoken only from the site's recorded prompts
(:mod:`kiosk.speech.prompts`). The settings and ``zuil speak`` ask :func:`espeak_voice`; nobody else keeps a list.
"""

from __future__ import annotations

ESPEAK_VOICES: dict[str, str] = {
    "nl": "nl", "en": "en", "fr": "fr", "ar": "ar", "fa": "fa", "am": "am", "tr": "tr", "ru": "ru", "es": "es",
}

#: Words per minute: slower than espeak-ng's 175, for people listening in a second language or under stress.
SPEAKING_RATE_WPM = 140


def espeak_voice(language: str) -> str | None:
    """espeak-ng's voice for ``language``, or None when it has none."""
    return ESPEAK_VOICES.get(language)
