"""The frame every staff view shares: a title, a body that scrolls, and at the bottom the large-text switch (the
participant's pictogram, a big and a small A) and the logout button."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from kiosk.ui.theme import Theme
from kiosk.ui.widgets.access_bar import LARGE_TEXT, PictogramButton
from kiosk.ui.widgets.touch_button import TouchButton

# an invisible break opportunity, put after each hyphen of an id shown on screen
_BREAK = "\u200b"


def breakable(identifier: str) -> str:
    """``identifier`` (a UUID) as shown on screen: a line may break after each of its hyphens (one would not break
    before a digit), so that in large text it wraps instead of making its view scroll sideways."""
    return identifier.replace("-", "-" + _BREAK)


def wrappable(text: str, longest: int = 16) -> str:
    """``text`` with a break opportunity after every ``longest`` characters of a longer run without spaces (a path
    or a checksum in the technician's report), so that no line of it is wider than its view in large text."""
    return re.sub(rf"\S{{{longest + 1},}}",
                  lambda run: _BREAK.join(run[0][i:i + longest] for i in range(0, len(run[0]), longest)), text)


class StaffView(QWidget):
    """``logout`` when the logout button is tapped, ``large_text(on)`` when the switch is; subclasses fill
    :attr:`body` and translate in :meth:`retranslate`."""

    logout = Signal()
    large_text = Signal(bool)

    def __init__(self, theme: Theme) -> None:
        super().__init__()
        self.theme = theme
        outer = QVBoxLayout(self)
        outer.setContentsMargins(theme.margin, theme.margin, theme.margin, theme.margin)
        outer.setSpacing(theme.spacing)
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        outer.addWidget(self.title)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        holder = QWidget()
        self.body = QVBoxLayout(holder)
        self.body.setSpacing(theme.spacing)
        scroll.setWidget(holder)
        outer.addWidget(scroll, 1)
        self.logout_button = TouchButton("secondary")
        self.logout_button.setMinimumHeight(theme.touch_target)
        self.logout_button.clicked.connect(self.logout.emit)
        self.large_text_button = PictogramButton(LARGE_TEXT, theme.touch_target)
        self.large_text_button.toggled.connect(self.large_text.emit)
        bottom = QHBoxLayout()
        bottom.addWidget(self.large_text_button)
        bottom.addWidget(self.logout_button, 1)
        outer.addLayout(bottom)

    def text_label(self, text: str = "") -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        self.body.addWidget(label)
        return label

    def clear_body(self) -> None:
        while self.body.count():
            item = self.body.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()

    def set_large_text(self, on: bool) -> None:
        """Show the large-text switch as the window's mode is (without emitting); a subclass also lays out its rows
        of buttons for it."""
        self.large_text_button.blockSignals(True)
        self.large_text_button.setChecked(on)
        self.large_text_button.blockSignals(False)

    def retranslate(self) -> None:
        self.logout_button.setText(self.tr("Log out"))
        self.large_text_button.setAccessibleName(self.tr("Large text"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
