"""Speech synthesis with espeak-ng (a child process: text on stdin, WAV on stdout)."""

from __future__ import annotations

import shutil
import subprocess

from kiosk.speech.audio import Pcm, decode_wav
from kiosk.speech.errors import NoVoiceError, SpeechEngineError
from kiosk.speech.voices import SPEAKING_RATE_WPM, espeak_voice

ESPEAK = "espeak-ng"
TIMEOUT_SECONDS = 120  # only for a hung engine: a screen's text takes well under a second to synthesize


def espeak_path() -> str:
    found = shutil.which(ESPEAK)
    if found is None:
        raise SpeechEngineError(f"{ESPEAK} is not installed (Debian package espeak-ng); no synthetic speech")
    return found


def synthesize(text: str, language: str, *, rate_wpm: int = SPEAKING_RATE_WPM) -> Pcm:
    """``text`` spoken in ``language``'s espeak-ng voice. The text goes in on stdin as UTF-8 (never argv), so
    no text can be read as an option."""
    voice = espeak_voice(language)
    if voice is None:
        raise NoVoiceError(f"no synthetic voice for language {language!r}; it needs recorded prompts")
    command = [espeak_path(), "-v", voice, "-s", str(rate_wpm), "-b", "1", "--stdout"]
    try:
        done = subprocess.run(command, input=text.encode("utf-8"), capture_output=True, timeout=TIMEOUT_SECONDS,
                              check=False)
    except subprocess.TimeoutExpired:
        raise SpeechEngineError(f"{ESPEAK} did not finish within {TIMEOUT_SECONDS} s") from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
        raise SpeechEngineError(f"{ESPEAK} -v {voice} failed (exit {done.returncode}): {reason[0]}")
    return decode_wav(done.stdout, where=f"{ESPEAK} output")
