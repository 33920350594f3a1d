"""The speech part's typed errors: one base, a narrower class per cause, one-line messages."""

from __future__ import annotations


class SpeechError(Exception):
    """Something cannot be said; the message says what and why."""


class NoVoiceError(SpeechError):
    """The language has neither a synthetic voice nor a recorded prompt for what is to be said."""


class SpeechEngineError(SpeechError):
    """espeak-ng or the audio player is missing or failed."""


class AudioFormatError(SpeechError, ValueError):
    """Bytes that are not a WAV file the kiosk can play (16-bit PCM, mono or stereo)."""
