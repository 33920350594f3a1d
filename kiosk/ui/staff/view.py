"""The frame every staff view shares: a title, a body that scrolls, and the logout button at the bottom."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from kiosk.ui.theme import Theme
from kiosk.ui.widgets.touch_button import TouchButton


class StaffView(QWidget):
    """``logout`` when the logout button is tapped; subclasses fill :attr:`body` and translate in
    :meth:`retranslate`."""

    logout = Signal()

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
        outer.addWidget(self.logout_button)

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

    def retranslate(self) -> None:
        self.logout_button.setText(self.tr("Log out"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
