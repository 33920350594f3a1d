"""A button a participant taps: at least the theme's touch target, with text that wraps instead of being cut."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout


class TouchButton(QPushButton):
    """A push button whose text is a word-wrapped label inside it; ``role`` is ``primary`` or ``secondary``
    (the theme's stylesheet colours them)."""

    def __init__(self, role: str = "primary", parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setProperty("role", role)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.label)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def setText(self, text: str) -> None:  # type: ignore[override]
        self.label.setText(text)
        self.setAccessibleName(text)

    def text(self) -> str:  # type: ignore[override]
        return self.label.text()

    def sizeHint(self):  # type: ignore[no-untyped-def]
        return self.layout().sizeHint().expandedTo(self.minimumSize())

    def minimumSizeHint(self):  # type: ignore[no-untyped-def]
        return self.layout().minimumSize().expandedTo(self.minimumSize())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        margins = self.layout().contentsMargins()
        inner = self.label.heightForWidth(max(1, width - margins.left() - margins.right()))
        return max(self.minimumHeight(), inner + margins.top() + margins.bottom())
