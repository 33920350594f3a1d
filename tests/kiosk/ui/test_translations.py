"""The screens' translations: the .ts sources are current with the code, every language translates every
message with the same placeholders, Dutch is reviewed and the drafts are marked, the .qm files compile and
turn the screens' text into the language, a reviewed language shows no English, and the fonts are there."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from enrollment.values.languages import LANGUAGE_CODES
from kiosk.translation_status import (
    SOURCE_LANGUAGE,
    TRANSLATIONS,
    TS_LANGUAGE_ATTRIBUTE,
    placeholders,
    read_messages,
    translation_status,
    ts_path,
)
from kiosk.ui.layout_check import untranslated_text
from kiosk.ui.theme import Theme
from tests.kiosk.ui.conftest import QT_TOOLS, lrelease

UI = Path(__file__).resolve().parents[3] / "kiosk" / "ui"
TRANSLATED = tuple(code for code in LANGUAGE_CODES if code != SOURCE_LANGUAGE)
REVIEWED = ("nl",)


def lupdate(source_dir: Path, ts_files: list[Path]) -> None:
    done = subprocess.run([str(QT_TOOLS / "lupdate"), "-extensions", "py", "-locations", "none", "-no-obsolete",
                           str(source_dir), "-ts", *map(str, ts_files)], check=True, timeout=300, capture_output=True,
                          text=True)
    assert "won't be updated" not in done.stdout + done.stderr, done.stdout + done.stderr  # it skips, exit 0


def message_keys(path: Path) -> set[tuple[str, str]]:
    return {(m.context, m.source) for m in read_messages(path)}


def lupdate_on_a_copy(tmp_path: Path, extra_source: str = "") -> list[tuple[Path, Path]]:
    """Runs lupdate over a copy of kiosk/ui and its .ts files; returns (original, updated copy) pairs."""
    copy = tmp_path / "ui"
    shutil.copytree(UI, copy, ignore=shutil.ignore_patterns("__pycache__", "*.qm"))
    if extra_source:
        (copy / "new_screen.py").write_text(extra_source, encoding="utf-8")
    pairs = [(ts_path(code), ts_path(code, copy / "translations")) for code in TRANSLATED]
    lupdate(copy, [updated for _, updated in pairs])
    return pairs


def test_every_language_but_the_source_has_a_ts_file_with_its_language_set():
    assert sorted(p.stem.removeprefix("zuil_") for p in TRANSLATIONS.glob("zuil_*.ts")) == sorted(TRANSLATED)
    for code in TRANSLATED:
        head = ts_path(code).read_text(encoding="utf-8")[:200]
        assert f'language="{TS_LANGUAGE_ATTRIBUTE.get(code, code)}' in head, code


def test_the_ts_files_hold_exactly_the_messages_in_the_code(tmp_path):
    for original, updated in lupdate_on_a_copy(tmp_path):
        assert message_keys(updated) == message_keys(original), original.name
        assert read_messages(updated) == read_messages(original), original.name  # translations kept as they are


def test_a_new_screen_text_without_a_ts_entry_is_found(tmp_path):
    new = ('from PySide6.QtWidgets import QWidget\n\n\nclass NewScreen(QWidget):\n'
           '    def retranslate(self):\n        return self.tr("A sentence no translator has seen")\n')
    for original, updated in lupdate_on_a_copy(tmp_path, new):
        assert message_keys(updated) - message_keys(original) == {("NewScreen", "A sentence no translator has seen")}


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_message_is_translated_with_the_same_placeholders(code):
    messages = read_messages(ts_path(code))
    assert {(m.context, m.source) for m in messages} == message_keys(ts_path("nl"))
    for m in messages:
        assert m.translation.strip(), (code, m.source)
        assert placeholders(m.translation) == placeholders(m.source), (code, m.source, m.translation)
    assert "numerus" not in ts_path(code).read_text(encoding="utf-8")  # no plural forms: none to fill


def test_dutch_is_reviewed_and_the_other_translations_are_marked_as_drafts():
    assert translation_status(SOURCE_LANGUAGE).reviewed
    for code in TRANSLATED:
        status = translation_status(code)
        assert status.messages == status.translated > 60, code
        if code in REVIEWED:
            assert status.reviewed and status.unfinished == 0
        else:
            assert not status.reviewed and status.unfinished == status.messages, code


@pytest.mark.parametrize("code", TRANSLATED)
def test_each_translation_compiles(tmp_path, code):
    qm = tmp_path / f"zuil_{code}.qm"
    lrelease(ts_path(code), qm)
    assert qm.stat().st_size > 1000


@pytest.mark.parametrize(("code", "title", "direction"), [
    ("nl", "Welkom. Kies uw taal.", "LeftToRight"),
    ("ar", "أهلاً بك. اختر لغتك.", "RightToLeft"),
    ("ti", "እንቋዕ ብደሓን መጻእኹም። ቋንቋኹም ምረጹ።", "LeftToRight"),
])
def test_installing_a_language_translates_the_screens(qtbot, code, title, direction):
    from kiosk.ui.languages import KNOWN, LanguageSwitch, offered
    from kiosk.ui.screens.language import LanguageScreen

    screen = LanguageScreen(Theme(), offered(("nl", "en", "ar")))
    qtbot.addWidget(screen)
    switch = LanguageSwitch()
    try:
        switch.install(KNOWN[code])
        QCoreApplication.processEvents()  # the LanguageChange events are posted
        assert screen.title.text() == title
        assert QCoreApplication.instance().layoutDirection().name == direction
    finally:
        switch.install(KNOWN["en"])
        QCoreApplication.processEvents()
    assert screen.title.text() == "Welcome. Choose your language."


def test_the_language_screen_marks_the_drafts_in_their_own_words(qtbot):
    from kiosk.ui.languages import offered
    from kiosk.ui.screens.language import LanguageScreen

    screen = LanguageScreen(Theme(), offered(("nl", "en", "ar", "ti", "fr")))
    qtbot.addWidget(screen)
    marks = {code: label.text() for code, label in screen.draft_marks.items()}
    assert marks == {"ar": "ترجمة أولية", "ti": "ንድፊ ትርጉም", "fr": "traduction provisoire"}


def test_text_left_in_english_is_found_in_a_complete_language(qtbot):
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    texts = ["Welkom. Kies uw taal.", "Now: your rechterduim", "Nu: uw right thumb", "OK", "3f6c2a9e-5b1d",
             "Nederlands"]
    for text in texts:
        layout.addWidget(QLabel(text))
    root.show()
    sources = [m.source for m in read_messages(ts_path("nl"))]
    found = untranslated_text(root, sources)
    assert len(found) == 2 and "Now: your" in found[0] and "right thumb" in found[1]


def test_the_dutch_screenshots_show_no_english(tmp_path, qtbot):
    from dataclasses import replace

    from kiosk.settings import KioskSettings
    from kiosk.ui.screenshots import render_screenshots

    settings = KioskSettings()
    settings = replace(settings, enrollment=replace(settings.enrollment, languages=("nl",)))
    written = render_screenshots(settings, tmp_path)
    assert len(written) > 10
    assert [f"{p.name}: {problem}" for p, found in written for problem in found] == []


def test_every_configured_language_has_a_font_for_its_script():
    from kiosk.font_coverage import coverage

    found = coverage(LANGUAGE_CODES)
    assert [c.language for c in found if not c.families] == []
    assert {c.script for c in found} == {"Latn", "Arab", "Ethi", "Cyrl"}


def test_the_selftest_warns_when_a_script_has_no_font(tmp_path, monkeypatch):
    from dataclasses import replace

    from enrollment.settings import Settings
    from kiosk.selftest import check_fonts

    settings = replace(Settings(), languages=("nl", "ar", "ti"))
    assert check_fonts(settings).status == "OK"
    empty = tmp_path / "fonts.conf"  # a fontconfig that knows no fonts at all
    empty.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
                     f"<cachedir>{tmp_path / 'cache'}</cachedir>\n</fontconfig>\n", encoding="utf-8")
    monkeypatch.setenv("FONTCONFIG_FILE", str(empty))
    row = check_fonts(settings)
    assert row.status == "WARN" and "ar (Arab)" in row.detail and "ti (Ethi)" in row.detail
    assert "fonts-noto-core" in row.detail


@pytest.mark.parametrize(("code", "font"), [("ar", "noto naskh arabic"), ("ckb", "noto naskh arabic"),
                                            ("am", "noto sans ethiopic"), ("nl", "noto sans")])
def test_each_script_is_drawn_in_its_noto_font_on_the_kiosk_window(qtbot, code, font):
    from PySide6.QtGui import QTextLayout

    from kiosk.settings import KioskSettings
    from kiosk.ui.languages import KNOWN
    from kiosk.ui.layout_check import layout_problems
    from kiosk.ui.window import KioskWindow

    window = KioskWindow(KioskSettings(), Theme())
    qtbot.addWidget(window)
    window.resize(*window.theme.size_px)
    window.show()
    try:
        window.language_switch.install(KNOWN[code])
        qtbot.wait(10)
        title = window.capture.title
        layout = QTextLayout(title.text(), title.font())
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        families = {run.rawFont().familyName().lower() for run in layout.glyphRuns()}
        assert font in families and families <= {font, "noto sans"}  # spaces from the base font, no DejaVu
        assert layout_problems(window.language) == []
    finally:
        window.language_switch.install(KNOWN["en"])
        window.shutdown()


@pytest.mark.parametrize("code", ["ar", "fa", "ps", "ckb"])
def test_right_to_left_translations_start_on_the_right(code):
    from kiosk.text_direction import first_strong_direction

    messages = read_messages(ts_path(code))
    starting_left = [m.translation for m in messages if first_strong_direction(m.translation) != "R"]
    assert starting_left == []  # a text starting with a Latin word (V-number) needs a right-to-left mark in front


def test_a_farsi_information_text_starting_with_lvv_starts_on_the_right(qtbot):
    from enrollment.consent import consent_text
    from kiosk.text_direction import RIGHT_TO_LEFT_MARK, first_strong_direction
    from kiosk.ui.languages import KNOWN, LanguageSwitch
    from kiosk.ui.screens.information import InformationScreen

    body = consent_text("fa").text.partition("\n")[2]
    assert first_strong_direction(body) == "L"  # it begins with "LVV"
    screen = InformationScreen(Theme())
    screen.setStyleSheet(Theme().stylesheet())
    screen.resize(*Theme().size_px)
    qtbot.addWidget(screen)
    screen.show()
    switch = LanguageSwitch()
    try:
        switch.install(KNOWN["fa"])
        screen.show_text(consent_text("fa").text)
        qtbot.wait(10)
        assert screen.text.text().removeprefix(RIGHT_TO_LEFT_MARK) == body
        # Qt lays a label out in the direction of its first letter: it must be right to left, so "LVV" starts
        # the first line on the right
        assert first_strong_direction(screen.text.text()) == "R"
        assert first_strong_direction(screen.heading.text()) == "R"
    finally:
        switch.install(KNOWN["en"])
    screen.show_text(consent_text("en").text)
    assert screen.text.text() == consent_text("en").text.partition("\n")[2]  # nothing added left to right
