"""WAV decoding refuses what is not 16-bit PCM with one typed error, reads espeak-ng's streaming header, and joins
pieces of different rates."""

from __future__ import annotations

import io
import struct
import wave

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.speech.audio import Pcm, decode_wav, encode_wav, join
from kiosk.speech.errors import AudioFormatError


def tone(rate: int = 16_000, seconds: float = 0.5, amplitude: int = 8000) -> Pcm:
    t = np.arange(int(rate * seconds)) / rate
    return Pcm(rate, (amplitude * np.sin(2 * np.pi * 440 * t)).astype(np.int16))


def wav_bytes(*, channels: int = 1, width: int = 2, rate: int = 16_000, frames: bytes = b"\0\0" * 100) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(channels)
        writer.setsampwidth(width)
        writer.setframerate(rate)
        writer.writeframes(frames)
    return out.getvalue()


def test_a_wav_round_trips():
    pcm = tone()
    back = decode_wav(encode_wav(pcm))
    assert back.rate == pcm.rate and np.array_equal(back.samples, pcm.samples)
    assert back.seconds == pytest.approx(0.5)
    assert -16 < back.rms_dbfs() < -9  # a sine at a quarter of full scale: about -15 dBFS


def test_a_streaming_header_that_claims_two_gibibytes_reads_what_is_there():
    data = bytearray(encode_wav(tone(seconds=0.25)))
    data[4:8] = struct.pack("<I", 0x7FFFF024)  # what espeak-ng --stdout writes: sizes it cannot know
    data[40:44] = struct.pack("<I", 0x7FFFF000)
    assert decode_wav(bytes(data)).seconds == pytest.approx(0.25)


def test_stereo_is_averaged_to_mono():
    frames = np.array([[1000, 3000]] * 50, dtype="<i2").tobytes()
    pcm = decode_wav(wav_bytes(channels=2, frames=frames))
    assert len(pcm.samples) == 50 and set(pcm.samples.tolist()) == {2000}


@pytest.mark.parametrize(("data", "problem"), [
    (b"", "not a WAV file"),
    (b"RIFF\x00\x00\x00\x00WAVE", "not a WAV file"),
    (wav_bytes(width=1, frames=b"\x80" * 100), "8-bit samples"),
    (wav_bytes(channels=3, frames=b"\0\0" * 300), "3 channels"),
    (wav_bytes(rate=4000), "sample rate 4000"),
])
def test_what_is_not_playable_pcm_is_refused_naming_the_file(data, problem):
    with pytest.raises(AudioFormatError, match=problem) as refused:
        decode_wav(data, where="prompts/nl/welcome.wav")
    assert str(refused.value).startswith("prompts/nl/welcome.wav: ")


@settings(derandomize=True, max_examples=300, deadline=None)
@given(st.binary(max_size=200) | st.builds(lambda tail, cut: wav_bytes()[:cut] + tail,
                                           st.binary(max_size=40), st.integers(0, 300)))
def test_any_bytes_decode_or_are_refused_with_the_typed_error(data):
    try:
        pcm = decode_wav(data)
    except AudioFormatError:
        return
    assert pcm.samples.dtype == np.int16 and pcm.samples.ndim == 1


def test_pieces_of_different_rates_join_at_the_first_rate_with_pauses():
    joined = join([tone(22_050, 0.5), tone(16_000, 0.5)], pause=0.25)
    assert joined.rate == 22_050
    assert joined.seconds == pytest.approx(1.25, abs=0.001)
    with pytest.raises(AudioFormatError):
        join([])
