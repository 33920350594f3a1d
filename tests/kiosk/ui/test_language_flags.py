"""The flags beside each language's own name on the language screen (issue 14): as the site's ``[flags]``
settings give them, painted in colour from Noto Color Emoji, decorative (the name is the button's text, accessible
name and spoken text), laid out without clipping in large text, and the flag font checked at start."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QImage

from kiosk.settings import kiosk_settings_from_mapping
from kiosk.ui.layout_check import layout_problems
from kiosk.ui.theme import Theme

LANGUAGES = ["ar", "nl", "fa", "ti", "en", "fr", "so"]


def language_window(qtbot, flags, theme=None):  # type: ignore[no-untyped-def]
    from kiosk.ui.screenshots import present
    from kiosk.ui.window import KioskWindow

    theme = theme or Theme()
    window = KioskWindow(kiosk_settings_from_mapping({"languages": LANGUAGES, "flags": flags}), theme)
    qtbot.addWidget(window)
    window.resize(*theme.size_px)
    window.show()
    present(window, "language", "ar")
    qtbot.wait(10)
    return window


def coloured_pixels(strip) -> int:  # type: ignore[no-untyped-def]
    """How many of the strip's painted pixels are opaque and strongly coloured (not grey: no empty box)."""
    image = strip.pixmap().toImage().convertToFormat(QImage.Format.Format_RGBA8888)
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    rgb = pixels[:, : image.width(), :3].astype(int)
    opaque = pixels[:, : image.width(), 3] > 200
    return int(((rgb.max(axis=2) - rgb.min(axis=2) > 100) & opaque).sum())


def test_the_language_screen_shows_the_configured_flags_beside_the_own_names(qtbot):
    window = language_window(qtbot, {"regions": {"ar": ["IQ", "YE"], "ti": [], "nl": ["NL"]}})
    try:
        screen = window.language
        strips = screen.flag_strips
        assert strips["ar"].regions == ("IQ", "YE") and strips["nl"].regions == ("NL",)
        assert strips["fa"].regions == ("IR", "AF")  # not named in the settings: its default
        assert "ti" not in strips  # an empty list: no flag
        for code in ("ar", "nl", "fa"):
            assert strips[code].isVisible() and coloured_pixels(strips[code]) > 200, code
        assert strips["ar"].width() > strips["nl"].width() * 1.5  # two flags, one flag
        buttons = {b.text(): b for b in screen.reading_order[1:]}
        assert list(buttons) == ["العربية", "Nederlands", "فارسی", "ትግርኛ", "English", "Français", "Soomaali"]
        for name, button in buttons.items():  # decorative: the name is what is read and spoken
            assert button.accessibleName() == name
            assert button.height() / window.theme.px_per_mm >= 20.0
        assert all(not strip.text() and not strip.accessibleName() for strip in strips.values())
        assert screen.spoken_text().splitlines()[1:] == list(buttons)
        assert layout_problems(screen) == []
    finally:
        window.shutdown()


@pytest.mark.parametrize("flags", [{"enabled": False}, {"regions": {code: [] for code in LANGUAGES}}])
def test_no_flag_is_shown_when_flags_are_off_or_every_list_is_empty(qtbot, flags):
    from kiosk.ui.widgets.flag_strip import FlagStrip

    window = language_window(qtbot, flags)
    try:
        assert window.language.flag_strips == {} and window.language.findChildren(FlagStrip) == []
    finally:
        window.shutdown()


def test_large_text_paints_the_flags_larger_without_clipping_or_overlap(qtbot):
    window = language_window(qtbot, {"regions": {"ar": ["IQ", "YE", "SY"], "so": ["SO", "ET", "KE"]}})
    try:
        strip = window.language.flag_strips["ar"]
        before = strip.pixmap().height()
        window.set_modes(large_text=True, high_contrast=False)
        qtbot.wait(10)
        assert strip.pixmap().height() > before * 1.5 and coloured_pixels(strip) > 200
        assert layout_problems(window.language) == []
    finally:
        window.shutdown()


def test_the_font_check_names_the_flag_font_when_it_is_missing(tmp_path, monkeypatch):
    from dataclasses import replace

    from enrollment.settings import Settings
    from kiosk.language_flags import FlagSettings
    from kiosk.selftest import check_fonts

    settings = replace(Settings(), languages=("nl", "ar", "ti"))
    assert check_fonts(settings, FlagSettings()).status == "OK"
    no_emoji = tmp_path / "fonts.conf"  # the system's fonts without the colour emoji font
    no_emoji.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
                        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
                        "<selectfont><rejectfont><glob>*NotoColorEmoji*</glob></rejectfont></selectfont>\n"
                        "</fontconfig>\n", encoding="utf-8")
    monkeypatch.setenv("FONTCONFIG_FILE", str(no_emoji))
    row = check_fonts(settings, FlagSettings())
    assert row.status == "WARN" and "Noto Color Emoji" in row.detail and "fonts-noto-color-emoji" in row.detail
    assert "ar (Arab)" not in row.detail  # the scripts' fonts are still there
    assert check_fonts(settings, FlagSettings(enabled=False)).status == "OK"  # no flags: no flag font needed


def test_all_thirteen_languages_in_large_text_fit_in_two_columns_with_their_flags(qtbot):
    from kiosk.ui.languages import KNOWN
    from kiosk.ui.screenshots import present
    from kiosk.ui.window import KioskWindow

    theme = Theme()
    window = KioskWindow(kiosk_settings_from_mapping({"languages": list(KNOWN)}), theme)
    qtbot.addWidget(window)
    window.resize(*theme.size_px)
    window.show()
    try:
        present(window, "language", "nl")
        window.set_modes(large_text=True, high_contrast=False)
        qtbot.wait(10)
        screen = window.language
        assert len(screen.reading_order) == 1 + len(KNOWN)
        first, second = screen.reading_order[1:3]
        assert first.y() == second.y() and first.x() != second.x()  # two columns, in reading order row by row
        assert all(screen.flag_strips[code].isVisible() for code in ("nl", "ar", "ckb"))
        assert all(b.height() / window.theme.px_per_mm >= 20.0 for b in screen.reading_order[1:])
        assert layout_problems(screen) == []  # one column of 13 clipped 11 names
    finally:
        window.shutdown()
