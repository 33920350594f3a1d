"""Play speech through ALSA's ``aplay`` (Debian package alsa-utils) in a child process: one utterance at a
time, interruptible (a new one or :meth:`stop` ends the current one), repeatable ("listen again")."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from kiosk.speech.audio import Pcm, encode_wav
from kiosk.speech.errors import SpeechEngineError

APLAY = "aplay"
STOP_TIMEOUT_SECONDS = 10  # only for a player that ignores SIGTERM; then it is killed


class SpeechPlayer:
    def __init__(self, device: str = "default") -> None:
        self.device = device
        self._process: subprocess.Popen[bytes] | None = None
        self._folder = tempfile.TemporaryDirectory(prefix="zuil-speech-")  # private (0700), gone with the player

    def play(self, pcm: Pcm) -> None:
        """Start playing ``pcm`` (stopping what plays now) and return at once."""
        self.stop()
        aplay = shutil.which(APLAY)
        if aplay is None:
            raise SpeechEngineError(f"{APLAY} is not installed (Debian package alsa-utils); nothing is spoken")
        # a file, not a pipe: writing minutes of audio into a pipe would block the caller (the screen) until
        # the player had read nearly all of it
        utterance = Path(self._folder.name) / "utterance.wav"
        utterance.unlink(missing_ok=True)  # the stopped player may still hold the old one open
        utterance.write_bytes(encode_wav(pcm))
        self._process = subprocess.Popen([aplay, "-q", "-D", self.device, str(utterance)],
                                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    @property
    def playing(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def wait(self, timeout: float | None = None) -> None:
        """Wait for the current utterance to end; :class:`SpeechEngineError` when the player failed."""
        process = self._process
        if process is None:
            return
        process.wait(timeout)
        if process.returncode not in (0, -15):
            stderr = process.stderr.read().decode("utf-8", "replace").strip() if process.stderr else ""
            raise SpeechEngineError(f"{APLAY} -D {self.device} failed (exit {process.returncode}): "
                                    f"{stderr.splitlines()[-1] if stderr else 'no message'}")

    def close(self) -> None:
        self.stop()
        self._folder.cleanup()

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(STOP_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
