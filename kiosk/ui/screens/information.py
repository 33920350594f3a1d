"""What happens with the person's data: the versioned consent/information text of enrollment.consent, shown
exactly as the record hashes it (it is not translated by Qt: each language has its own reviewed text)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication

from kiosk.text_direction import starting_right_to_left
from kiosk.ui.screens.base import Screen


def in_reading_direction(text: str) -> str:
    """``text``, starting on the right when the kiosk is right to left (:mod:`kiosk.text_direction`)."""
    rtl = QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    return starting_right_to_left(text) if rtl else text


class InformationScreen(Screen):
    name = "information"
    proceed = Signal()
    back = Signal()

    def build(self) -> None:
        self.heading = self.label("title")
        self.text = self.label()
        self.column.addStretch(1)
        self.next_button = self.button("primary")
        self.back_button = self.button("secondary")
        self.next_button.clicked.connect(self.proceed.emit)
        self.back_button.clicked.connect(self.back.emit)

    def show_text(self, text: str) -> None:
        """The consent text as shown: its first line is the heading, the rest the body (nothing added but the
        invisible mark of :func:`in_reading_direction`)."""
        heading, _, body = text.partition("\n")
        self.heading.setText(in_reading_direction(heading))
        self.text.setText(in_reading_direction(body))

    def retranslate(self) -> None:
        self.next_button.setText(self.tr("I have read this. Continue."))
        self.back_button.setText(self.tr("Back to the languages"))
