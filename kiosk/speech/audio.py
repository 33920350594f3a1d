"""WAV in and out: 16-bit PCM decoded to mono samples, joined with pauses, and measured (length, loudness).

Recorded prompts come from the site's data folder and espeak-ng writes a streaming header (its length fields
say 2 GiB), so :func:`decode_wav` reads what is there, bounded by the bytes given, and refuses anything but
16-bit PCM at a plausible rate with :class:`~kiosk.speech.errors.AudioFormatError`.
"""

from __future__ import annotations

import io
import wave
from dataclasses import dataclass

import numpy as np

from kiosk.speech.errors import AudioFormatError

MIN_RATE, MAX_RATE = 8_000, 48_000
MAX_SECONDS = 600  # a prompt longer than ten minutes is a mistake, not a prompt
PAUSE_SECONDS = 0.4  # between the messages of one screen
_READ_FRAMES = 1 << 16


@dataclass(frozen=True)
class Pcm:
    """Mono 16-bit samples at ``rate`` Hz."""

    rate: int
    samples: np.ndarray  # int16, one dimension

    @property
    def seconds(self) -> float:
        return len(self.samples) / self.rate

    def rms_dbfs(self) -> float:
        """Loudness as RMS in dB below full scale (-inf for silence)."""
        if not len(self.samples):
            return float("-inf")
        rms = float(np.sqrt(np.mean(np.square(self.samples.astype(np.float64)))))
        return 20 * np.log10(rms / 32768) if rms else float("-inf")


def decode_wav(data: bytes, *, where: str = "audio") -> Pcm:
    """The mono samples of a 16-bit PCM WAV (stereo is averaged); :class:`AudioFormatError` naming ``where``."""
    try:
        with wave.open(io.BytesIO(data)) as reader:
            channels, width, rate = reader.getnchannels(), reader.getsampwidth(), reader.getframerate()
            _check(channels in (1, 2), f"{channels} channels (1 or 2 wanted)", where)
            _check(width == 2, f"{8 * width}-bit samples (16-bit PCM wanted)", where)
            _check(MIN_RATE <= rate <= MAX_RATE, f"sample rate {rate} Hz (wanted {MIN_RATE}-{MAX_RATE})", where)
            wanted = min(reader.getnframes(), MAX_SECONDS * rate + 1)
            chunks: list[bytes] = []
            got = 0
            while got < wanted:
                chunk = reader.readframes(min(_READ_FRAMES, wanted - got))
                if not chunk:
                    break
                chunks.append(chunk)
                got += len(chunk) // (channels * width)
    except (wave.Error, EOFError, ValueError, RuntimeError) as exc:  # the wave module raises all of these
        # for a damaged file (RuntimeError: a chunk size that points past the data)
        raise AudioFormatError(f"{where}: not a WAV file ({exc})") from None
    _check(got <= MAX_SECONDS * rate, f"longer than {MAX_SECONDS} s", where)
    raw = b"".join(chunks)
    raw = raw[: len(raw) - len(raw) % (channels * width)]
    samples = np.frombuffer(raw, dtype="<i2").astype(np.int16)
    if channels == 2:
        samples = samples.reshape(-1, 2).mean(axis=1).round().astype(np.int16)
    return Pcm(rate, samples)


def _check(ok: bool, problem: str, where: str) -> None:
    if not ok:
        raise AudioFormatError(f"{where}: {problem}")


def encode_wav(pcm: Pcm) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(pcm.rate)
        writer.writeframes(pcm.samples.astype("<i2").tobytes())
    return out.getvalue()


def join(pieces: list[Pcm], *, pause: float = PAUSE_SECONDS) -> Pcm:
    """The pieces one after the other at the first piece's rate (others resampled linearly), ``pause`` apart."""
    if not pieces:
        raise AudioFormatError("nothing to join")
    rate = pieces[0].rate
    silence = np.zeros(round(pause * rate), dtype=np.int16)
    parts: list[np.ndarray] = []
    for index, piece in enumerate(pieces):
        if index:
            parts.append(silence)
        parts.append(_resampled(piece, rate))
    return Pcm(rate, np.concatenate(parts))


def _resampled(pcm: Pcm, rate: int) -> np.ndarray:
    if pcm.rate == rate or not len(pcm.samples):
        return pcm.samples
    count = round(len(pcm.samples) * rate / pcm.rate)
    positions = np.linspace(0, len(pcm.samples) - 1, count)
    return np.interp(positions, np.arange(len(pcm.samples)), pcm.samples).round().astype(np.int16)


def scaled(pcm: Pcm, gain: float) -> Pcm:
    """``pcm`` at ``gain`` times its amplitude (the kiosk's volume), clipped to the 16-bit range."""
    if gain == 1.0:
        return pcm
    louder = np.clip(np.round(pcm.samples.astype(np.float64) * gain), -32768, 32767).astype(np.int16)
    return Pcm(pcm.rate, louder)
