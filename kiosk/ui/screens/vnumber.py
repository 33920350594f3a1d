"""The V-number: typed on the kiosk's own keypad, or "I do not have one" (as easy to choose)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal

from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.keypad import Keypad

DIGITS = 10


class VNumberScreen(Screen):
    name = "vnumber"
    entered = Signal(str)
    no_vnumber = Signal()

    def build(self) -> None:
        self.digits = ""
        self.title = self.label("title")
        self.body = self.label()
        self.display = self.label("display")
        self.display.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error = self.label("message")
        self.error.hide()
        self.keypad = Keypad(self.theme.mm(26))
        self.column.addWidget(self.keypad)
        self.column.addStretch(1)
        self.none_button = self.button("secondary")
        self.keypad.digit.connect(self._digit)
        self.keypad.deleted.connect(self._delete)
        self.keypad.confirmed.connect(lambda: self.entered.emit(self.digits))
        self.none_button.clicked.connect(self.no_vnumber.emit)

    def reset(self) -> None:
        self.digits = ""
        self.error.hide()
        self._show()

    def _digit(self, digit: str) -> None:
        if len(self.digits) < DIGITS:
            self.digits += digit
        self.error.hide()
        self._show()

    def _delete(self) -> None:
        self.digits = self.digits[:-1]
        self._show()

    def _show(self) -> None:
        shown = self.digits + "·" * (DIGITS - len(self.digits))
        self.display.setText(" ".join(shown[i:i + 5] for i in range(0, DIGITS, 5)))

    def refuse(self) -> None:
        """The number typed is not a V-number: say so, keep the digits to correct."""
        self.error.show()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Do you have a V-number?"))
        self.body.setText(self.tr("A V-number has 10 digits. It is on letters from the IND and on your "
                                  "W-document. Type it below, then tap OK."))
        self.error.setText(self.tr("This is not a V-number. A V-number has 10 digits. Please check it."))
        self.none_button.setText(self.tr("I do not have a V-number"))
        self._show()

    def spoken_text(self) -> str:
        return "\n".join(line for line in super().spoken_text().splitlines() if "·" not in line)
