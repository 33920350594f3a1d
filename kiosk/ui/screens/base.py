"""What every participant screen has: its texts set in :meth:`Screen.retranslate` (again on a language
change), :meth:`Screen.spoken_text` (its visible text in reading order, for speech),
:meth:`Screen.pictogram_names` (its pictures' accessible names), and helpers that make labels and buttons styled
by the theme."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui.theme import Theme
from kiosk.ui.widgets.touch_button import TouchButton


class Screen(QWidget):
    """Subclasses build their widgets in ``build`` (adding text widgets in reading order with :meth:`label`
    and :meth:`button`) and set every text in ``retranslate``."""

    name = "screen"  # the file name of its screenshot

    def __init__(self, theme: Theme, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.theme = theme
        self.reading_order: list[QLabel | TouchButton] = []
        self.pictograms: list[tuple[str, QWidget]] = []  # (message id, picture), named in retranslate
        self.personal: list[QLabel] = []  # labels showing the participant's personal data: spoken only in private
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(theme.margin, theme.margin, theme.margin, theme.margin)
        self.column.setSpacing(theme.spacing)
        self.build()
        self.retranslate()

    def build(self) -> None:
        raise NotImplementedError

    def retranslate(self) -> None:
        raise NotImplementedError

    def spoken_text(self, *, private: bool = False) -> str:
        """The visible text of the screen in reading order, one widget a line. Personal data (the labels in
        ``personal``) is said only when the speech is ``private`` (a headset); otherwise :meth:`unsaid` is said
        in its place."""
        lines = []
        for w in self.reading_order:
            if not (w.isVisibleTo(self) and w.text()):
                continue
            lines.append(w.text() if private or w not in self.personal else self.unsaid())
        return "\n".join(line for line in lines if line)

    def unsaid(self) -> str:
        """What is said instead of personal data on a loudspeaker (nothing, unless a screen says otherwise)."""
        return ""

    def pictogram_names(self) -> list[tuple[str, str]]:
        """(message id, accessible name) of each visible picture, for "listen again" to say after the text."""
        return [(message_id, w.accessibleName()) for message_id, w in self.pictograms
                if w.isVisibleTo(self) and w.accessibleName()]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- helpers ------------------------------------------------------------------------------------------
    def label(self, role: str = "", *, add: bool = True) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        if role:
            label.setProperty("role", role)
        self.reading_order.append(label)
        if add:
            self.column.addWidget(label)
        return label

    def button(self, role: str = "primary", *, add: bool = True) -> TouchButton:
        button = TouchButton(role)
        button.setMinimumHeight(self.theme.touch_target)
        self.reading_order.append(button)
        if add:
            self.column.addWidget(button)
        return button
