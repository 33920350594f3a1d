"""EN 301 549 5.1.3: a scanner message spoken when it appears (5.1.3.15), stop speaking (5.1.3.4), volume
(5.1.3.11-13) and the pictograms' names said by "listen again" (5.1.3.6); a real player on ALSA's null device."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication

from drivers.errors import MessyImageError
from kiosk.flow import Step
from kiosk.ui.screen_speech import DEFAULT_VOLUME, VOLUME_STEPS
from kiosk.ui.widgets.access_bar import HIGH_CONTRAST, LARGE_TEXT, LISTEN, LOUDER, SOFTER, STOP
from tests.kiosk.ui.conftest import WAIT_MS
from tests.kiosk.ui.conftest import tap as tap_in_kiosk
from tests.kiosk.ui.test_accessibility import needs_sound_tools, said, speaking_window, tap
from tests.kiosk.ui.test_intakes_on_screen import _to_capture


def rms(pcm) -> float:  # type: ignore[no-untyped-def]
    return float(np.sqrt(np.mean(np.square(pcm.samples.astype(np.float64)))))


@needs_sound_tools
def test_a_scanner_message_is_spoken_in_the_chosen_language_when_it_appears(qtbot, kiosk):
    window, parts = kiosk(speech=True)
    heard = []
    window.speech.played.connect(lambda utterance, pcm: heard.append(utterance))
    parts.faults.add("messy")
    _to_capture(qtbot, window)  # Dutch
    qtbot.waitUntil(lambda: window.flow.step is Step.RECEIPT, timeout=WAIT_MS)
    dutch = QCoreApplication.translate("ScannerMessages", MessyImageError.user_message)
    assert dutch != MessyImageError.user_message
    spoken = [u for u in heard if u.message_id == "scanner_messyimageerror"]
    assert [u.parts for u in spoken] == [(("nl", dutch),)]  # the message alone, once, in Dutch
    assert spoken[0].pcm.rms_dbfs() > -40 and spoken[0].pcm.seconds > 1
    tap_in_kiosk(qtbot, window.receipt.done)


@needs_sound_tools
def test_stop_ends_the_speech_and_nothing_else(qtbot, tmp_path):
    window, speech = speaking_window(qtbot, tmp_path, languages=("en", "nl"))
    try:
        tap(qtbot, next(b for b in window.language.reading_order if b.text() == "English"))
        qtbot.waitUntil(said(speech, "information"), timeout=WAIT_MS)
        assert speech.player._process is not None  # aplay was started for it
        step = window.flow.step
        tap(qtbot, window.bar.buttons[STOP])
        assert speech.player._process is None and not speech.player.playing
        assert window.flow.step is step and window.current_screen() is window.information  # only speech stopped
    finally:
        window.shutdown()


@needs_sound_tools
def test_softer_and_louder_scale_what_is_played_and_the_next_person_starts_at_the_default(qtbot, tmp_path):
    window, speech = speaking_window(qtbot, tmp_path, languages=("en", "nl"))
    played = []
    speech.played.connect(lambda utterance, pcm: played.append((utterance, pcm)))
    try:
        tap(qtbot, next(b for b in window.language.reading_order if b.text() == "English"))
        qtbot.waitUntil(said(speech, "information"), timeout=WAIT_MS)
        made = speech.last.pcm
        assert rms(played[-1][1]) == pytest.approx(rms(made))  # the default: as made
        tap(qtbot, window.bar.buttons[SOFTER])
        tap(qtbot, window.bar.buttons[SOFTER])
        assert speech.volume == DEFAULT_VOLUME - 2 and played[-1][0].pcm is made  # said again, not made again
        assert rms(played[-1][1]) == pytest.approx(VOLUME_STEPS[DEFAULT_VOLUME - 2] * rms(made), rel=0.01)
        for _ in range(len(VOLUME_STEPS) + 1):
            tap(qtbot, window.bar.buttons[LOUDER])
        assert speech.volume == len(VOLUME_STEPS) - 1 and rms(played[-1][1]) > 1.3 * rms(made)
        window.idle.expired.emit()  # the next person
        assert speech.volume == DEFAULT_VOLUME
    finally:
        window.shutdown()


@needs_sound_tools
def test_listen_again_also_says_the_names_of_the_pictures_and_the_bar_buttons(qtbot, tmp_path):
    from kiosk.ui.screenshots import present

    window, speech = speaking_window(qtbot, tmp_path, languages=("en", "nl"))
    try:
        tap(qtbot, next(b for b in window.language.reading_order if b.text() == "English"))
        shown = present(window, "receipt", "en")
        window._show(shown)
        qtbot.waitUntil(said(speech, "receipt"), timeout=WAIT_MS)
        assert speech.last.extra == ()  # coming up, the screen says its text only
        alone = speech.last.pcm.seconds
        tap(qtbot, window.bar.buttons[LISTEN])
        qtbot.waitUntil(lambda: speech.last.extra != (), timeout=WAIT_MS)
        named = [(m.id, m.text) for m in speech.last.extra]
        assert named[0] == ("picture_desk", "Picture: you walk to the desk, where a staff member is")
        assert [i for i, _ in named[1:]] == [f"button_{k}" for k in (LISTEN, STOP, SOFTER, LOUDER, LARGE_TEXT,
                                                                      HIGH_CONTRAST)]
        assert ("button_stop", "Stop speaking") in named
        assert speech.last.pcm.seconds > alone + 3  # the names are in the audio
    finally:
        window.shutdown()


def test_the_hand_diagram_is_named_for_the_finger_asked(qtbot, tmp_path):
    from kiosk.ui.finger_names import finger_name
    from kiosk.ui.screenshots import present

    window, _ = speaking_window(qtbot, tmp_path, languages=("en", "nl"))
    try:
        shown = present(window, "capture", "en")
        (message_id, name), = shown.pictogram_names()
        assert message_id == f"picture_hands_{shown.position}"
        assert name == f"Picture of both hands: your {finger_name(shown.position)} is marked"
    finally:
        window.shutdown()


def _to_the_vnumber_screen_in_dutch(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    tap(qtbot, next(b for b in window.language.reading_order if b.text() == "Nederlands"))
    tap(qtbot, window.information.next_button)
    tap(qtbot, window.consent.yes)
    assert window.flow.step is Step.VNUMBER


@needs_sound_tools
def test_a_refused_v_number_is_spoken_when_it_appears(qtbot, tmp_path):
    window, speech = speaking_window(qtbot, tmp_path, languages=("en", "nl"))
    try:
        _to_the_vnumber_screen_in_dutch(qtbot, window)
        for digit in "123K":  # three digits: not a V-number
            tap(qtbot, window.vnumber.keypad.keys[digit])
        assert window.vnumber.error.isVisible()
        qtbot.waitUntil(said(speech, "vnumber_refused"), timeout=WAIT_MS)
        assert speech.last.parts == (("nl", window.vnumber.error.text()),)
    finally:
        window.shutdown()


@needs_sound_tools
def test_a_v_number_reader_failure_is_spoken_when_it_appears(qtbot, tmp_path):
    from drivers.vnumber.errors import BarcodePayloadError

    window, speech = speaking_window(qtbot, tmp_path, languages=("en", "nl"))
    try:
        _to_the_vnumber_screen_in_dutch(qtbot, window)
        window.vnumber_reading.failed.emit(BarcodePayloadError("a letter without a V-number"))  # as the reader does
        assert window.vnumber.error.isVisible()
        qtbot.waitUntil(said(speech, "reader_barcodepayloaderror"), timeout=WAIT_MS)
        assert speech.last.parts == (("nl", window.vnumber.error.text()),)
        assert window.vnumber.error.text() != BarcodePayloadError.user_message  # the Dutch text, not the English
    finally:
        window.shutdown()
