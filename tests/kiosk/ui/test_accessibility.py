"""The accessibility bar on every screen (listen again, large text, high contrast), the modes switched live and
reset for the next person, speech on every screen change through a real player on ALSA's null device, and the
receipt's QR code read back by a real decoder."""

from __future__ import annotations

import logging
import shutil
from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage

from enrollment.settings import Settings
from kiosk.settings import KioskSettings, SpeechSettings
from kiosk.speech.audio import Pcm, encode_wav
from kiosk.speech.prompts import RecordedPrompts
from kiosk.ui.layout_check import layout_problems
from kiosk.ui.theme import HIGH_CONTRAST, HIGH_CONTRAST_MIN, NORMAL, TOUCH_TARGET_MM, Theme, contrast_ratio
from kiosk.ui.widgets.access_bar import HIGH_CONTRAST as HC
from kiosk.ui.widgets.access_bar import LARGE_TEXT, LISTEN, LOUDER, SOFTER, STOP

PARTICIPANT_SCREENS = ("language", "information", "consent", "refusal_reason", "vnumber", "capture", "processing",
                       "receipt", "desk", "desk_scanner")
WAIT_MS = 120_000  # only for hangs
needs_sound_tools = pytest.mark.skipif(shutil.which("espeak-ng") is None or shutil.which("aplay") is None,
                                       reason="espeak-ng or aplay is not installed (.ci/run installs both)")


@pytest.mark.parametrize("pair", sorted(HIGH_CONTRAST.text_pairs()))
def test_every_high_contrast_text_colour_has_at_least_7_to_1(pair):
    assert contrast_ratio(*HIGH_CONTRAST.text_pairs()[pair]) >= HIGH_CONTRAST_MIN
    assert contrast_ratio(*NORMAL.text_pairs()[pair]) >= 4.5


def window_for(qtbot, settings=None, theme=None, speech=None, **options):  # type: ignore[no-untyped-def]
    from kiosk.ui.window import KioskWindow

    theme = theme or Theme()
    window = KioskWindow(settings or KioskSettings(), theme, speech=speech, **options)
    qtbot.addWidget(window)
    window.resize(*theme.size_px)
    window.show()
    return window


def tap(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_bar_is_under_every_participant_screen_with_six_named_20_mm_buttons(qtbot):
    from kiosk.ui.screenshots import present

    window = window_for(qtbot)
    try:
        for name in PARTICIPANT_SCREENS:
            present(window, name, "en")
            qtbot.wait(5)
            assert window.bar.isVisible(), name
            assert window.bar.geometry().top() >= window.stack.geometry().bottom(), name  # not over the screen
            assert window.rect().contains(window.bar.geometry()), name
        names = {kind: b.accessibleName() for kind, b in window.bar.buttons.items()}
        assert names == {LISTEN: "Opnieuw luisteren", STOP: "Stop met voorlezen", SOFTER: "Zachter",
                         LOUDER: "Luider", LARGE_TEXT: "Grote letters", HC: "Hoog contrast"}  # nl first
        for button in window.bar.buttons.values():
            assert min(button.width(), button.height()) / window.theme.px_per_mm >= TOUCH_TARGET_MM
    finally:
        window.shutdown()


def test_large_text_switched_on_any_screen_lays_out_every_screen_without_clipping(qtbot):
    from kiosk.ui.languages import KNOWN
    from kiosk.ui.screenshots import SCREENS, present

    window = window_for(qtbot)
    normal_body = window.theme.body
    try:
        tap(qtbot, window.bar.buttons[LARGE_TEXT])
        assert window.theme.large_text and window.bar.buttons[LARGE_TEXT].isChecked()
        assert window.theme.body == pytest.approx(2 * normal_body, abs=1)
        assert window.consent.title.font().pixelSize() == window.theme.title  # the stylesheet reached the screens
        for code in ("en", "ar"):
            window.language_switch.install(KNOWN[code])
            for name in SCREENS:
                shown = present(window, name, "en")
                qtbot.wait(5)
                assert layout_problems(shown) == [], (code, name)
                assert layout_problems(window.bar) == [], (code, name)
    finally:
        window.language_switch.install(KNOWN["en"])
        window.shutdown()


def test_high_contrast_recolours_the_screens_and_the_pictograms(qtbot):
    window = window_for(qtbot)
    try:
        before = window.grab().toImage().pixelColor(5, 5).name()
        tap(qtbot, window.bar.buttons[HC])
        qtbot.wait(5)
        assert window.theme.high_contrast and window.theme.palette is HIGH_CONTRAST
        assert (before, window.grab().toImage().pixelColor(5, 5).name()) == (NORMAL.background, "#000000")
        assert window.receipt.picture.colours is HIGH_CONTRAST and window.capture.hands.colours is HIGH_CONTRAST
    finally:
        window.shutdown()


def test_the_modes_last_through_the_intake_and_reset_for_the_next_person(qtbot):
    from kiosk.flow import Step

    window = window_for(qtbot)
    try:
        tap(qtbot, next(b for b in window.language.reading_order if b.text() == "English"))
        tap(qtbot, window.bar.buttons[LARGE_TEXT])
        tap(qtbot, window.bar.buttons[HC])
        tap(qtbot, window.information.next_button)
        assert window.flow.step is Step.CONSENT
        assert window.theme.large_text and window.theme.high_contrast  # still on, a screen later
        window.idle.expired.emit()  # the idle warning ran out: the next person starts
        assert window.flow.step is Step.LANGUAGE
        assert not window.theme.large_text and not window.theme.high_contrast
        assert not any(window.bar.buttons[k].isChecked() for k in (LARGE_TEXT, HC))
        assert window.styleSheet() == Theme().stylesheet()
    finally:
        window.shutdown()


def test_speech_switched_off_in_the_settings_hides_listen_again(qtbot):
    window = window_for(qtbot, KioskSettings(speech=SpeechSettings(enabled=False)))
    try:
        assert not any(window.bar.buttons[k].isVisible() for k in (LISTEN, STOP, SOFTER, LOUDER))
        assert window.bar.buttons[LARGE_TEXT].isVisible()
    finally:
        window.shutdown()


def tone(seconds: float, rate: int = 16_000) -> Pcm:
    return Pcm(rate, (6000 * np.sin(np.arange(int(rate * seconds)) / 5)).astype(np.int16))


def speaking_window(qtbot, tmp_path, languages=("nl", "en"), **options):  # type: ignore[no-untyped-def]
    from kiosk.ui.screen_speech import ScreenSpeech

    settings = KioskSettings(enrollment=replace(Settings(), data_dir=tmp_path, languages=languages),
                             speech=SpeechSettings(device="null"))
    speech = ScreenSpeech(settings.speech, RecordedPrompts.in_data_dir(tmp_path))
    return window_for(qtbot, settings, speech=speech, **options), speech


def said(speech, message_id):  # type: ignore[no-untyped-def]
    return lambda: speech.last is not None and speech.last.message_id == message_id


@needs_sound_tools
def test_every_screen_change_is_spoken_and_listen_again_plays_it_again(qtbot, tmp_path):
    window, speech = speaking_window(qtbot, tmp_path)
    try:
        qtbot.waitUntil(said(speech, "language"), timeout=WAIT_MS)  # the welcome, in each offered language
        assert [code for code, _ in speech.last.parts] == ["nl", "en"]
        assert "Welcome. Choose your language." in speech.last.parts[1][1]
        assert speech.last.pcm.rms_dbfs() > -40 and speech.last.pcm.seconds > 2
        tap(qtbot, next(b for b in window.language.reading_order if b.text() == "English"))
        tap(qtbot, window.information.next_button)  # information, then consent
        qtbot.waitUntil(said(speech, "consent"), timeout=WAIT_MS)
        assert speech.last.parts == (("en", window.consent.spoken_text()),)
        assert speech.last.pcm.rms_dbfs() > -40
        assert 1 / 30 < speech.last.pcm.seconds / len(window.consent.spoken_text()) < 1 / 3
        tap(qtbot, window.bar.buttons[LISTEN])  # the screen, then the names of its pictures and of the bar
        qtbot.waitUntil(lambda: speech.last.extra != (), timeout=WAIT_MS)
        plays, utterance = speech.plays, speech.last
        tap(qtbot, window.bar.buttons[LISTEN])
        assert speech.plays == plays + 1 and speech.last is utterance  # the same audio again, from its start
        assert speech.player.playing or speech.player.wait(WAIT_MS / 1000) is None  # aplay took it
    finally:
        window.shutdown()


@needs_sound_tools
def test_a_recorded_prompt_replaces_the_voice_for_its_screen(qtbot, tmp_path):
    (tmp_path / "prompts" / "en").mkdir(parents=True)
    (tmp_path / "prompts" / "en" / "information.wav").write_bytes(encode_wav(tone(1.25)))
    window, speech = speaking_window(qtbot, tmp_path)
    try:
        tap(qtbot, next(b for b in window.language.reading_order if b.text() == "English"))
        qtbot.waitUntil(said(speech, "information"), timeout=WAIT_MS)
        assert speech.last.pcm.rate == 16_000 and speech.last.pcm.seconds == pytest.approx(1.25)
    finally:
        window.shutdown()


@needs_sound_tools
def test_a_language_without_voice_or_prompt_greys_out_listen_again_and_logs_once(qtbot, tmp_path, caplog):
    with caplog.at_level(logging.WARNING, logger="kiosk.ui.screen_speech"):
        window, _ = speaking_window(qtbot, tmp_path, languages=("ti", "en"))
    try:
        with caplog.at_level(logging.WARNING, logger="kiosk.ui.screen_speech"):
            tap(qtbot, next(b for b in window.language.reading_order if b.text() == "ትግርኛ"))  # its consent text
        listen = window.bar.buttons[LISTEN]
        assert not listen.isEnabled()
        assert listen.accessibleName() == QCoreApplication.translate("AccessBar", "No audio in this language")
        assert listen.accessibleName() != "No audio in this language"  # in Tigrinya, the language chosen
        about_ti = [r.message for r in caplog.records if str(tmp_path / "prompts" / "ti") in r.message]
        assert len(about_ti) == 1 and "no synthetic voice and no recorded prompt" in about_ti[0]  # once, not per screen
    finally:
        window.shutdown()


@needs_sound_tools
def test_the_idle_warning_is_spoken_when_it_comes_up(qtbot, tmp_path):
    window, speech = speaking_window(qtbot, tmp_path, idle_timeout_s=1.0)
    try:
        tap(qtbot, next(b for b in window.language.reading_order if b.text() == "English"))
        qtbot.waitUntil(said(speech, "idle"), timeout=WAIT_MS)
        assert speech.last.parts == (("en", window.idle.spoken_text()),)
        assert "Are you still there?" in speech.last.parts[0][1]
    finally:
        window.shutdown()


@needs_sound_tools
def test_a_screen_without_a_translation_is_spoken_in_english_the_text_it_shows(qtbot, tmp_path, monkeypatch):
    from kiosk.ui import languages

    monkeypatch.setattr(languages, "TRANSLATIONS", tmp_path / "none")  # no compiled translation at all
    window, speech = speaking_window(qtbot, tmp_path, languages=("fa", "en"))
    try:
        tap(qtbot, next(b for b in window.language.reading_order if b.text() == "فارسی"))
        qtbot.waitUntil(said(speech, "information"), timeout=WAIT_MS)
        assert speech.last.parts[0][0] == "fa"  # the consent text exists in Farsi
        tap(qtbot, window.information.next_button)
        qtbot.waitUntil(said(speech, "consent"), timeout=WAIT_MS)
        assert speech.last.parts == (("en", window.consent.spoken_text()),)
        assert window.consent.title.text() == "Do you agree?"
    finally:
        window.shutdown()


def test_the_receipt_qr_code_reads_back_as_the_receipt_code(qtbot):
    import zxingcpp

    from enrollment.records.receipt_code import id_prefix
    from kiosk.ui.screenshots import SAMPLE_RECEIPT, present

    window = window_for(qtbot)
    try:
        present(window, "receipt", "en")
        qtbot.wait(5)
        shown = window.receipt.number.text()
        assert len(shown) == 9 and SAMPLE_RECEIPT.startswith(id_prefix(shown))  # "XXXX XXXX", not the 36-char id
        qr = window.receipt.qr
        assert min(qr.width(), qr.height()) / window.theme.px_per_mm >= 30
        image = qr.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
        pixels = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
        found = zxingcpp.read_barcodes(np.ascontiguousarray(pixels[:, :image.width()]))
        assert [(b.format, b.text) for b in found] == [(zxingcpp.BarcodeFormat.QRCode, shown.replace(" ", ""))]
    finally:
        window.shutdown()
