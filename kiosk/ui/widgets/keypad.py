"""The on-screen numeric keypad (our own widget: Qt Virtual Keyboard is GPL or commercial).

Digits keep the telephone order in every language (the layout is left-to-right on purpose, also when the
kiosk runs right-to-left); the delete and OK keys carry words through ``tr``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.ui.widgets.touch_button import TouchButton

_DIGIT_ROWS = ("123", "456", "789")


class Keypad(QWidget):
    """Emits ``digit(str)`` for a digit key, ``deleted()`` and ``confirmed()``."""

    digit = Signal(str)
    deleted = Signal()
    confirmed = Signal()

    def __init__(self, key_size: int, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # telephone order, whatever the language
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.keys: dict[str, TouchButton] = {}
        for row, digits in enumerate((*_DIGIT_ROWS, "D0K")):
            for column, key in enumerate(digits):
                button = TouchButton("secondary" if key.isdigit() else "primary")
                button.setMinimumSize(key_size, key_size)
                if key.isdigit():
                    button.setText(key)
                    button.clicked.connect(lambda _=False, k=key: self.digit.emit(k))
                else:
                    button.clicked.connect(self.deleted.emit if key == "D" else self.confirmed.emit)
                self.keys[key] = button
                grid.addWidget(button, row, column)
        for column in range(3):
            grid.setColumnStretch(column, 1)  # equal keys, whatever the length of "Delete" in a language
        self.retranslate()

    def retranslate(self) -> None:
        self.keys["D"].setText(self.tr("Delete"))
        self.keys["K"].setText(self.tr("OK"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
