"""EN 301 549 5.1.3.9 (personal data spoken only through private listening) and 5.6.1 (a switch's state heard,
not only seen): the receipt number and the V-number typed are left out of the speech unless ``[speech] private``
says the device is a headset; switching large text or high contrast says its new state."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QCoreApplication

from enrollment.records.receipt_code import receipt_code, shown
from enrollment.settings import Settings
from kiosk.settings import KioskSettings, SpeechSettings
from kiosk.ui.screenshots import SAMPLE_RECEIPT
from kiosk.ui.spoken_screens import spoken_parts
from kiosk.ui.widgets.access_bar import HIGH_CONTRAST, LARGE_TEXT
from tests.kiosk.ui.conftest import WAIT_MS
from tests.kiosk.ui.test_accessibility import needs_sound_tools, said, speaking_window, tap

CODE = shown(receipt_code(SAMPLE_RECEIPT))
UNSAID = "It is shown on the screen, and not said aloud, so that nobody else hears it."


def settings(tmp_path, *, private: bool) -> KioskSettings:
    return KioskSettings(enrollment=replace(Settings(), data_dir=tmp_path, languages=("en", "nl")),
                         speech=SpeechSettings(device="null", private=private))


@pytest.mark.parametrize("screen", ["receipt", "desk"])
def test_the_receipt_number_is_said_only_through_a_private_device(qtbot, tmp_path, screen):
    _, loud = spoken_parts(settings(tmp_path, private=False), screen, "en")
    _, private = spoken_parts(settings(tmp_path, private=True), screen, "en")
    assert CODE not in loud[0][1] and CODE.replace(" ", "") not in loud[0][1]
    assert "Your receipt number:\n" + UNSAID in loud[0][1]  # the caption, then why the number is not said
    assert "Your receipt number:\n" + CODE in private[0][1] and UNSAID not in private[0][1]


def test_a_whole_v_number_typed_is_said_only_through_a_private_device(qtbot, tmp_path):
    from tests.kiosk.ui.test_accessibility import window_for

    for private in (False, True):
        window = window_for(qtbot, settings(tmp_path, private=private))
        try:
            window.vnumber.reset()
            for digit in "1234567890":
                window.vnumber.keypad.digit.emit(digit)
            text = window.vnumber.spoken_text(private=window.settings.speech.private)
            assert ("12345 67890" in text) is private
            assert "A V-number has 10 digits" in text  # the rest of the screen is said either way
        finally:
            window.shutdown()


@needs_sound_tools
def test_the_receipt_screen_spoken_by_the_window_leaves_the_number_out_on_a_loudspeaker(qtbot, tmp_path):
    from kiosk.ui.screenshots import present

    window, speech = speaking_window(qtbot, tmp_path, languages=("en", "nl"))
    try:
        present(window, "receipt", "en")
        window.speak_current()
        qtbot.waitUntil(said(speech, "receipt"), timeout=WAIT_MS)
        assert CODE in window.receipt.number.text()  # shown ...
        assert CODE not in speech.last.parts[0][1] and UNSAID in speech.last.parts[0][1]  # ... not said
    finally:
        window.shutdown()


@needs_sound_tools
@pytest.mark.parametrize(("kind", "on_text", "off_text"), [(LARGE_TEXT, "Grote letters aan", "Grote letters uit"),
                                                           (HIGH_CONTRAST, "Hoog contrast aan", "Hoog contrast uit")])
def test_switching_a_mode_says_its_new_state_in_the_shown_language(qtbot, tmp_path, kind, on_text, off_text):
    window, speech = speaking_window(qtbot, tmp_path, languages=("nl", "en"))
    try:
        tap(qtbot, next(b for b in window.language.reading_order if b.text() == "Nederlands"))
        qtbot.waitUntil(said(speech, "information"), timeout=WAIT_MS)
        tap(qtbot, window.bar.buttons[kind])
        qtbot.waitUntil(said(speech, f"{kind}_on"), timeout=WAIT_MS)
        assert speech.last.parts == (("nl", on_text),)
        assert speech.last.pcm.rms_dbfs() > -40
        assert window.bar.buttons[kind].isChecked()  # the state also exposed to assistive technology
        tap(qtbot, window.bar.buttons[kind])
        qtbot.waitUntil(said(speech, f"{kind}_off"), timeout=WAIT_MS)
        assert speech.last.parts == (("nl", off_text),)
        assert QCoreApplication.translate("AccessBar", "Large text on") == "Grote letters aan"
    finally:
        window.shutdown()
