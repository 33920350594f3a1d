"""The V-number: typed on the kiosk's own keypad, read by the configured barcode reader, or "I do not have one"
(as easy to choose). A read number fills the display and is entered as typing it and OK would; a reader's
error shows its message and the keypad goes on working."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal

from kiosk.ui.reader_messages import reader_message
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
        self.reader_hint = self.label()
        self.reader_hint.hide()  # shown only when a reader is configured
        self.display = self.label("display")
        self.personal.append(self.display)
        self.display.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error = self.label("message")
        self.error.hide()
        self.reader_error: Exception | None = None  # the last reader error shown, re-translated on a switch
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
        self._clear_message()
        self._show()

    def show_reader_hint(self, shown: bool) -> None:
        self.reader_hint.setVisible(shown)

    def read(self, digits: str) -> None:
        """A reader read ``digits``: show them and enter them, as typing them and OK would."""
        self.digits = digits[:DIGITS]
        self._clear_message()
        self._show()
        self.entered.emit(self.digits)

    def reader_failed(self, exc: Exception) -> None:
        """A reader read nothing usable: say so calmly; the digits typed so far stay."""
        self.reader_error = exc
        self.retranslate_error()
        self.error.show()

    def _clear_message(self) -> None:
        self.reader_error = None
        self.error.hide()
        self.retranslate_error()

    def _digit(self, digit: str) -> None:
        if len(self.digits) < DIGITS:
            self.digits += digit
        self._clear_message()
        self._show()

    def _delete(self) -> None:
        self.digits = self.digits[:-1]
        self._show()

    def _show(self) -> None:
        shown = self.digits + "·" * (DIGITS - len(self.digits))
        self.display.setText(" ".join(shown[i:i + 5] for i in range(0, DIGITS, 5)))

    def refuse(self) -> None:
        """The number typed is not a V-number: say so, keep the digits to correct."""
        self.reader_error = None
        self.retranslate_error()
        self.error.show()

    def retranslate_error(self) -> None:
        if self.reader_error is not None:
            self.error.setText(reader_message(self.reader_error))
        else:
            self.error.setText(self.tr("This is not a V-number. A V-number has 10 digits. Please check it."))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Do you have a V-number?"))
        self.body.setText(self.tr("A V-number has 10 digits. It is on letters from the IND and on your "
                                  "W-document. Type it below, then tap OK."))
        self.reader_hint.setText(self.tr("Or hold your letter's barcode under the reader."))
        self.retranslate_error()
        self.none_button.setText(self.tr("I do not have a V-number"))
        self._show()

    def spoken_text(self, *, private: bool = False) -> str:
        return "\n".join(line for line in super().spoken_text(private=private).splitlines() if "·" not in line)
