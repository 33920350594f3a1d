"""The first screen: the languages offered, each by its own name (tap one; more than seven in two columns). A language
whose translation is not reviewed yet shows a small second line under its name: "draft translation" in that
language's own words. Beside the name, on the leading side, the flags the site's ``[flags]`` settings give the
language (:mod:`kiosk.language_flags`), decorative: the name stays the button's text, accessible name and spoken
text."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QSpacerItem

from kiosk.language_flags import FlagSettings
from kiosk.ui.languages import Language, draft_mark
from kiosk.ui.screens.base import Screen
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.flag_strip import SCALE, FlagStrip
from kiosk.ui.widgets.touch_button import TouchButton

# More languages than this are offered in two columns (in reading order, row by row): one column of 13 does not
# fit a 1080 x 1920 screen in large text.
ONE_COLUMN_MAX = 7


class LanguageButton(TouchButton):
    """A touch button whose height follows everything in it (flags, name, draft mark), not the name alone."""

    def heightForWidth(self, width: int) -> int:
        return max(self.minimumHeight(), self.layout().totalHeightForWidth(width))


class LanguageScreen(Screen):
    name = "language"
    chosen = Signal(str)

    def __init__(self, theme: Theme, languages: list[Language],  # type: ignore[no-untyped-def]
                 flags: FlagSettings | None = None, parent=None) -> None:
        self.languages = languages
        self.flags = flags or FlagSettings(enabled=False)
        self.draft_marks: dict[str, QLabel] = {}
        self.flag_strips: dict[str, FlagStrip] = {}
        super().__init__(theme, parent)

    def build(self) -> None:
        self.title = self.label("title")
        self.column.addStretch(1)
        grid = QGridLayout()
        grid.setSpacing(self.theme.spacing)
        self.column.addLayout(grid)
        columns = 1 if len(self.languages) <= ONE_COLUMN_MAX else 2
        for i, language in enumerate(self.languages):
            button = LanguageButton("secondary")
            button.setMinimumHeight(self.theme.mm(30))
            self.reading_order.append(button)
            grid.addWidget(button, i // columns, i % columns)
            button.setText(language.own_name)  # a language's own name is the same in every language
            button.label.setLayoutDirection(language.direction)
            if regions := self.flags.shown(language.code):
                self._add_flags(button, language.code, regions, above=columns > 1)
            if mark := draft_mark(language):
                note = QLabel(mark, button)
                note.setWordWrap(True)
                note.setAlignment(Qt.AlignmentFlag.AlignCenter)
                note.setLayoutDirection(language.direction)
                note.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
                note.setStyleSheet(f"font-size: {self.theme.body * 3 // 4}px; font-weight: 400;")
                button.layout().addWidget(note)
                self.draft_marks[language.code] = note
            button.clicked.connect(lambda _=False, code=language.code: self.chosen.emit(code))
        self.column.addStretch(2)

    def _add_flags(self, button: TouchButton, code: str, regions: tuple[str, ...], *, above: bool) -> None:
        """The flags on the name's leading side, and as much room on its trailing side: the name stays centred;
        ``above`` (a half-width button in two columns), centred above the name instead."""
        strip = FlagStrip(regions, button, scale=1.0 if above else SCALE)
        self.flag_strips[code] = strip
        if above:
            button.layout().insertWidget(0, strip, 0, Qt.AlignmentFlag.AlignHCenter)
            return
        mirror = QSpacerItem(0, 0)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        button.layout().removeWidget(button.label)
        row.addWidget(strip, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(button.label, 1)
        row.addSpacerItem(mirror)
        button.layout().insertLayout(0, row)
        strip.painted.connect(lambda width: (mirror.changeSize(width, 0), row.invalidate()))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Welcome. Choose your language."))
