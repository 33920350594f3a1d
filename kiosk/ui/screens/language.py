"""The first screen: the languages offered, each by its own name (tap one)."""

from __future__ import annotations

from PySide6.QtCore import Signal

from kiosk.ui.languages import Language
from kiosk.ui.screens.base import Screen
from kiosk.ui.theme import Theme


class LanguageScreen(Screen):
    name = "language"
    chosen = Signal(str)

    def __init__(self, theme: Theme, languages: list[Language], parent=None) -> None:  # type: ignore[no-untyped-def]
        self.languages = languages
        super().__init__(theme, parent)

    def build(self) -> None:
        self.title = self.label("title")
        self.column.addStretch(1)
        for language in self.languages:
            button = self.button("secondary")
            button.setMinimumHeight(self.theme.mm(30))
            button.setText(language.own_name)  # a language's own name is the same in every language
            button.label.setLayoutDirection(language.direction)
            button.clicked.connect(lambda _=False, code=language.code: self.chosen.emit(code))
        self.column.addStretch(2)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Welcome. Choose your language."))
