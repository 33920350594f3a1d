"""While the prints are searched and the intake is saved: a calm wait, never a result."""

from __future__ import annotations

from PySide6.QtWidgets import QProgressBar

from kiosk.ui.screens.base import Screen


class ProcessingScreen(Screen):
    name = "processing"

    def build(self) -> None:
        self.column.addStretch(1)
        self.title = self.label("title")
        self.body = self.label()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # busy, no percentage
        self.busy.setTextVisible(False)
        self.column.addWidget(self.busy)
        self.column.addStretch(2)

    def retranslate(self) -> None:
        self.title.setText(self.tr("One moment, please"))
        self.body.setText(self.tr("We are saving your information. This takes a few seconds."))
