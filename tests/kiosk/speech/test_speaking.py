"""Screens spoken by espeak-ng in every language that has a voice, recorded prompts first, and played through ALSA
(its null device here: the test machine has no sound card)."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from enrollment.values.languages import LANGUAGE_CODES
from kiosk.speech.audio import Pcm, encode_wav
from kiosk.speech.errors import AudioFormatError, NoVoiceError, SpeechEngineError
from kiosk.speech.player import SpeechPlayer
from kiosk.speech.prompts import RecordedPrompts
from kiosk.speech.spoken_screen import Message, say
from kiosk.speech.synthesis import synthesize
from kiosk.speech.voices import ESPEAK_VOICES

needs_espeak = pytest.mark.skipif(shutil.which("espeak-ng") is None,
                                  reason="espeak-ng is not installed (.ci/run installs it)")
needs_aplay = pytest.mark.skipif(shutil.which("aplay") is None, reason="aplay is not installed (.ci/run: alsa-utils)")

WELCOME = {
    "nl": "Welkom. Kies uw taal.", "en": "Welcome. Choose your language.", "fr": "Bienvenue. Choisissez votre langue.",
    "ar": "مرحبا. اختر لغتك.", "fa": "خوش آمدید. زبان خود را انتخاب کنید.", "am": "እንኳን ደህና መጡ። ቋንቋዎን ይምረጡ።",
    "tr": "Hoş geldiniz. Dilinizi seçin.", "ru": "Добро пожаловать. Выберите язык.",
    "es": "Bienvenido. Elija su idioma.",
}


def test_the_voices_are_for_known_languages_and_four_have_none():
    assert set(ESPEAK_VOICES) <= set(LANGUAGE_CODES)
    assert set(LANGUAGE_CODES) - set(ESPEAK_VOICES) == {"ti", "so", "ps", "ckb"}


@needs_espeak
@pytest.mark.parametrize("language", sorted(WELCOME))
def test_every_voice_speaks_audibly_for_about_as_long_as_its_text(language):
    pcm = synthesize(WELCOME[language], language)
    assert pcm.rms_dbfs() > -40, "the synthesized speech is (nearly) silent"
    # about 3 to 30 characters a second at 140 words a minute, in every script
    assert 1 / 30 < pcm.seconds / len(WELCOME[language]) < 1 / 3, pcm.seconds


@needs_espeak
def test_text_that_looks_like_an_option_is_spoken_not_obeyed(tmp_path):
    pcm = synthesize("-w /tmp/x --version", "en")
    assert pcm.seconds > 0.5 and not (tmp_path / "x").exists()


def test_a_language_without_voice_or_prompt_is_refused_naming_what_is_missing(tmp_path):
    with pytest.raises(NoVoiceError, match=r"'ti' has no synthetic voice and no recorded prompt for welcome"):
        say([Message("welcome", "እንቋዕ ብደሓን መጻእኩም")], "ti", RecordedPrompts(tmp_path))


def recorded(seconds: float, rate: int = 16_000) -> Pcm:
    return Pcm(rate, (6000 * np.sin(np.arange(int(rate * seconds)) / 5)).astype(np.int16))


@needs_espeak
def test_a_recorded_prompt_is_used_before_the_voice_and_the_rest_is_synthesized(tmp_path):
    prompts = RecordedPrompts(tmp_path)
    (tmp_path / "nl").mkdir()
    (tmp_path / "nl" / "welcome.wav").write_bytes(encode_wav(recorded(3.0)))
    spoken = say([Message("welcome", "Welkom."), Message("choose", "Kies uw taal.")], "nl", prompts)
    alone = synthesize("Kies uw taal.", "nl")
    assert spoken.rate == 16_000  # the recorded prompt came first and set the rate
    assert spoken.seconds == pytest.approx(3.0 + 0.4 + alone.seconds, abs=0.01)


def test_recorded_prompts_cover_a_language_without_a_voice(tmp_path):
    (tmp_path / "ti").mkdir()
    (tmp_path / "ti" / "welcome.wav").write_bytes(encode_wav(recorded(1.5)))
    assert say([Message("welcome", "እንቋዕ ብደሓን መጻእኩም")], "ti", RecordedPrompts(tmp_path)).seconds == pytest.approx(1.5)


def test_a_damaged_prompt_is_refused_naming_its_file(tmp_path):
    (tmp_path / "ti").mkdir()
    (tmp_path / "ti" / "welcome.wav").write_bytes(b"RIFF garbage")
    with pytest.raises(AudioFormatError, match=r"ti/welcome.wav: not a WAV file"):
        say([Message("welcome", "x")], "ti", RecordedPrompts(tmp_path))


@pytest.mark.parametrize(("language", "message_id"), [("../etc", "x"), ("nl", "../../secret"), ("nl", "A B")])
def test_a_prompt_path_cannot_leave_the_prompts_folder(tmp_path, language, message_id):
    with pytest.raises(AudioFormatError, match="not a"):
        RecordedPrompts(tmp_path).find(language, message_id)


@needs_aplay
def test_the_player_plays_to_the_end_and_again():
    """ALSA's null device takes the audio as fast as it comes (no pacing), so this proves the player starts,
    plays a whole utterance and a second one without error; that stop() ends a playing utterance is not proven
    here (it would need a sound card)."""
    player = SpeechPlayer("null")
    try:
        for seconds in (0.2, 30.0):  # half a minute is handed over without blocking the caller
            player.play(recorded(seconds))
            player.wait(timeout=60)
            assert not player.playing
        player.stop()  # nothing playing: nothing to do
    finally:
        player.close()


@needs_aplay
def test_a_player_on_a_missing_device_says_so():
    player = SpeechPlayer("no-such-alsa-device")
    try:
        player.play(recorded(0.1))
        with pytest.raises(SpeechEngineError, match="no-such-alsa-device failed"):
            player.wait(timeout=60)
    finally:
        player.close()
