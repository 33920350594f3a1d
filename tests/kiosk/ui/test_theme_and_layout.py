"""The theme's sizes and colours, the screens' texts and layout, and the kiosk's behaviour for a participant."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from drivers import errors as e
from kiosk.settings import KioskSettings, ScreenSettings
from kiosk.ui.layout_check import layout_problems
from kiosk.ui.scanner_messages import source_messages
from kiosk.ui.theme import LARGE_TEXT, TEXT_PAIRS, Theme, contrast_ratio


def english_first() -> KioskSettings:
    """The kiosk opens in its first configured language: English here, so a test reads the source texts."""
    settings = KioskSettings()
    return replace(settings, enrollment=replace(settings.enrollment, languages=("en", "nl")))


def test_contrast_ratio_matches_wcag_reference_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # the classic near miss


@pytest.mark.parametrize("pair", sorted(TEXT_PAIRS))
def test_every_text_colour_has_at_least_4_5_to_1_contrast(pair):
    assert contrast_ratio(*TEXT_PAIRS[pair]) >= 4.5


@pytest.mark.parametrize("screen", [ScreenSettings(), ScreenSettings(345.0, 195.0, 1366, 768),
                                    ScreenSettings(150.0, 250.0, 1200, 2000)])
def test_touch_targets_are_at_least_20_mm_on_any_configured_screen(screen):
    theme = Theme.for_screen(screen)
    assert theme.touch_target / theme.px_per_mm >= 20.0
    large = Theme.for_screen(screen, large_text=True)
    assert large.body == pytest.approx(theme.body * LARGE_TEXT, abs=1)


def test_scanner_messages_are_the_drivers_own_texts():
    for cls, text in source_messages().items():
        if issubclass(cls, e.DriverError):
            assert text == cls.user_message, cls.__name__


def test_the_layout_check_finds_clipped_and_overlapping_text(qtbot):
    root = QWidget()
    qtbot.addWidget(root)
    QVBoxLayout(root)
    clipped = QLabel("a text far too long for the room it has on this screen", root)
    clipped.setGeometry(0, 0, 40, 10)
    other = QLabel("x", root)
    other.setGeometry(20, 5, 40, 20)
    root.resize(100, 100)
    root.show()
    found = layout_problems(root)
    assert any("needs" in p for p in found) and any("overlaps" in p for p in found)


def test_the_layout_check_finds_text_a_scroll_area_shows_only_sideways(qtbot):
    from PySide6.QtWidgets import QScrollArea

    area = QScrollArea()
    qtbot.addWidget(area)
    area.setWidgetResizable(True)
    area.setWidget(QLabel("an-id-that-does-not-wrap-" * 8))
    area.resize(200, 100)
    area.show()
    QApplication.processEvents()
    assert any("text off to the side" in p for p in layout_problems(area))
    area.widget().setText("short")
    area.widget().adjustSize()
    QApplication.processEvents()
    assert layout_problems(area) == []


@pytest.mark.parametrize("large_text", [False, True])
def test_screenshots_render_every_screen_without_clipped_or_overlapping_text(tmp_path, qtbot, large_text):
    from kiosk.ui.languages import offered
    from kiosk.ui.screenshots import SCREENS, STAFF_LANGUAGES, STAFF_SCREENS, render_screenshots

    written = render_screenshots(KioskSettings(), tmp_path, large_text=large_text)
    languages = [language.code for language in offered(KioskSettings().enrollment.languages)]
    assert {"nl", "en", "ar", "ti"} <= set(languages)
    assert {p.relative_to(tmp_path).as_posix() for p, _ in written} == {
        f"{lang}/{name}.png" for lang in languages for name in SCREENS} | {
        f"{lang}/{name}.png" for lang in STAFF_LANGUAGES for name in STAFF_SCREENS}  # in large text too
    problems = [f"{p.name}: {problem}" for p, found in written for problem in found]
    assert problems == []


def test_screenshots_command_writes_the_files(tmp_path):
    from click.testing import CliRunner

    from kiosk.cli import main

    result = CliRunner().invoke(main, ["--data-dir", str(tmp_path / "data"), "screenshots", "--out",
                                       str(tmp_path / "shots")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "shots" / "nl" / "receipt.png").stat().st_size > 1000


def test_a_participant_cannot_close_the_window_and_staff_enter_by_a_long_press(qtbot):
    from kiosk.ui.window import KioskWindow

    window = KioskWindow(english_first(), Theme())
    qtbot.addWidget(window)
    window.show()
    window.close()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.isVisible()
    qtbot.mouseClick(window.corner, Qt.MouseButton.LeftButton)  # a tap is nothing
    assert not window.staff.isVisible()
    qtbot.mousePress(window.corner, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.staff.isVisible, timeout=60_000)
    qtbot.mouseRelease(window.corner, Qt.MouseButton.LeftButton)
    for key in "1234K":
        qtbot.mouseClick(window.staff.keypad.keys[key], Qt.MouseButton.LeftButton)
    assert "Staff login needs the kiosk's record, and this window has none." in window.staff.spoken_text()
    window.shutdown()
    assert not window.isVisible()


def test_spoken_text_reads_the_screen_in_order(qtbot):
    from kiosk.ui.window import KioskWindow

    window = KioskWindow(english_first(), Theme())
    qtbot.addWidget(window)
    lines = window.consent.spoken_text().splitlines()
    assert lines[0] == "Do you agree?" and lines.index("Yes, I agree") < lines.index("No, I do not agree")
    window.shutdown()


def test_a_language_change_retranslates_every_screen(qtbot):
    from PySide6.QtCore import QCoreApplication, QTranslator

    from kiosk.ui.window import KioskWindow

    class Shouting(QTranslator):  # a translation that upper-cases every source text
        def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[no-untyped-def]
            return source.upper()

        def isEmpty(self) -> bool:
            return False

    window = KioskWindow(english_first(), Theme())
    qtbot.addWidget(window)
    translator = Shouting()
    QCoreApplication.installTranslator(translator)
    QCoreApplication.processEvents()  # the LanguageChange events are posted
    try:
        for screen in [*window.screens.values(), window.idle, window.staff]:
            lines = [line for line in screen.spoken_text().splitlines() if line.strip()]
            assert lines, screen.name
            assert all(line == line.upper() for line in lines if screen.name != "language"), (screen.name, lines)
    finally:
        QCoreApplication.removeTranslator(translator)
        QCoreApplication.processEvents()
    assert window.consent.title.text() == "Do you agree?"
    window.shutdown()


def test_right_to_left_mirrors_the_screens_without_clipping(qtbot):
    from kiosk.ui.languages import KNOWN, LTR
    from kiosk.ui.screenshots import SCREENS, present
    from kiosk.ui.window import KioskWindow

    theme = Theme()
    window = KioskWindow(KioskSettings(), theme)
    qtbot.addWidget(window)
    window.resize(*theme.size_px)
    window.show()
    try:
        window.language_switch.install(KNOWN["ar"])
        for name in SCREENS:
            shown = present(window, name, "en")  # the English consent text: ar has none yet
            qtbot.wait(10)
            assert layout_problems(shown) == [], name
        present(window, "capture", "en")
        qtbot.wait(10)
        assert window.capture.image.x() > window.capture.quality.x()  # the live image moved to the right
        keys = window.vnumber.keypad.keys
        assert keys["1"].x() < keys["3"].x()  # the keypad keeps the telephone order
    finally:
        window.language_switch.install(KNOWN["en"])
        assert window.layoutDirection() == LTR
        window.shutdown()
