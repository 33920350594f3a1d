"""``zuil speak``: a screen's words as a WAV file, audible and about as long as its text in every language with a
voice; the site's recorded prompt first; an unknown screen or a language with nothing to speak it in is one
line and exit status 2."""

from __future__ import annotations

import shutil

import numpy as np
import pytest
from click.testing import CliRunner

from kiosk.cli import main
from kiosk.settings import KioskSettings
from kiosk.speech.audio import Pcm, decode_wav, encode_wav
from kiosk.speech.voices import ESPEAK_VOICES

needs_espeak = pytest.mark.skipif(shutil.which("espeak-ng") is None,
                                  reason="espeak-ng is not installed (.ci/run installs it)")


def speak(tmp_path, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["--data-dir", str(tmp_path / "data"), "speak", *args])


def test_list_names_the_screens_of_the_screenshots_but_the_staff_panel():
    from kiosk.ui.screenshots import SCREENS

    result = CliRunner().invoke(main, ["speak", "--list"])
    assert result.exit_code == 0 and result.output.split() == [s for s in SCREENS if s != "staff"]


@needs_espeak
@pytest.mark.parametrize("language", sorted(ESPEAK_VOICES))
def test_every_language_with_a_voice_speaks_the_information_screen_audibly_and_as_long_as_its_text(
        qapp, tmp_path, language):
    from kiosk.ui.spoken_screens import spoken_parts

    out = tmp_path / "information.wav"
    result = speak(tmp_path, "--language", language, "--screen", "information", "--out", str(out))
    assert result.exit_code == 0, result.output
    pcm = decode_wav(out.read_bytes())
    assert f"{pcm.seconds:.1f} s" in result.output
    assert pcm.rms_dbfs() > -40, "(nearly) silent"
    _, parts = spoken_parts(KioskSettings(), "information", language)
    assert [code for code, _ in parts] == [language]  # the consent text, in the language itself
    characters = sum(len(text) for _, text in parts)
    assert 1 / 30 < pcm.seconds / characters < 1 / 3, (pcm.seconds, characters)


@needs_espeak
def test_the_language_screen_says_the_welcome_and_the_language_s_own_name(qapp, tmp_path):
    from kiosk.ui.spoken_screens import spoken_parts

    message_id, parts = spoken_parts(KioskSettings(), "language", "en")
    assert (message_id, parts) == ("language", [("en", "Welcome. Choose your language.\nEnglish")])
    assert speak(tmp_path, "--language", "en", "--screen", "language", "--out", str(tmp_path / "l.wav")).exit_code == 0


def test_a_recorded_prompt_takes_precedence_and_covers_a_language_without_a_voice(qapp, tmp_path):
    tone = Pcm(16_000, (6000 * np.sin(np.arange(24_000) / 5)).astype(np.int16))
    for language in ("en", "ti"):
        (tmp_path / "data" / "prompts" / language).mkdir(parents=True)
        (tmp_path / "data" / "prompts" / language / "desk_scanner.wav").write_bytes(encode_wav(tone))
        out = tmp_path / f"{language}.wav"
        result = speak(tmp_path, "--language", language, "--screen", "desk_scanner", "--out", str(out))
        assert result.exit_code == 0, result.output
        assert np.array_equal(decode_wav(out.read_bytes()).samples, tone.samples)


@pytest.mark.parametrize(("args", "message"), [
    (("--language", "ti", "--screen", "information"),
     "'ti' has no synthetic voice and no recorded prompt for information"),
    (("--language", "en", "--screen", "lobby"), "unknown screen 'lobby'"),
    (("--language", "xx", "--screen", "consent"), "unknown language 'xx'"),
])
def test_an_unknown_screen_or_a_language_with_nothing_to_speak_is_one_line_and_exit_2(qapp, tmp_path, args, message):
    out = tmp_path / "x.wav"
    result = speak(tmp_path, *args, "--out", str(out))
    lines = [line for line in result.output.splitlines() if "propagateSizeHints" not in line]
    assert result.exit_code == 2 and len(lines) == 1 and message in lines[0], result.output
    assert not out.exists()
