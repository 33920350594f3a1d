"""The first screen: the languages offered, each by its own name (tap one). A language whose translation is not
reviewed yet shows a small second line under its name: "draft translation" in that language's own words."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel

from kiosk.ui.languages import Language, draft_mark
from kiosk.ui.screens.base import Screen
from kiosk.ui.theme import Theme


class LanguageScreen(Screen):
    name = "language"
    chosen = Signal(str)

    def __init__(self, theme: Theme, languages: list[Language], parent=None) -> None:  # type: ignore[no-untyped-def]
        self.languages = languages
        self.draft_marks: dict[str, QLabel] = {}
        super().__init__(theme, parent)

    def build(self) -> None:
        self.title = self.label("title")
        self.column.addStretch(1)
        for language in self.languages:
            button = self.button("secondary")
            button.setMinimumHeight(self.theme.mm(30))
            button.setText(language.own_name)  # a language's own name is the same in every language
            button.label.setLayoutDirection(language.direction)
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

    def retranslate(self) -> None:
        self.title.setText(self.tr("Welcome. Choose your language."))
