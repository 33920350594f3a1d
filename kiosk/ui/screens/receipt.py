"""The end of an intake with prints: the receipt number and "please go to the desk", pictured. The same
screen for everyone: it never says whether the person was found before.

The receipt number is the intake's short receipt code (:mod:`enrollment.records.receipt_code`), shown as text
in two groups of four and as a QR code (at least 30 mm square, the eight characters) for the desk's reader.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal

from enrollment.records.receipt_code import receipt_code, shown
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.pictogram import DeskPictogram
from kiosk.ui.widgets.qr_code import QrCode

QR_MM = 30.0


class ReceiptScreen(Screen):
    name = "receipt"
    finished = Signal()

    def build(self) -> None:
        self.title = self.label("title")
        self.body = self.label()
        self.number_caption = self.label("muted")
        self.number = self.label("display")
        self.personal.append(self.number)
        self.number.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.qr = QrCode(self.theme.mm(QR_MM))
        self.column.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        self.picture = DeskPictogram()
        self.picture.setMinimumHeight(self.theme.mm(40))
        self.column.addWidget(self.picture)
        self.pictograms.append(("picture_desk", self.picture))
        self.desk = self.label("title")
        self.column.addStretch(1)
        self.done = self.button("primary")
        self.done.clicked.connect(self.finished.emit)

    def show_receipt(self, intake_id: str) -> None:
        code = receipt_code(intake_id)
        self.number.setText(shown(code))
        self.qr.set_text(code)

    def unsaid(self) -> str:
        return self.tr("It is shown on the screen, and not said aloud, so that nobody else hears it.")

    def retranslate(self) -> None:
        self.title.setText(self.tr("Thank you"))
        self.body.setText(self.tr("You have done everything at this kiosk."))
        self.number_caption.setText(self.tr("Your receipt number:"))
        self.desk.setText(self.tr("Please go to the desk now. A staff member will help you further."))
        self.picture.setAccessibleName(self.tr("Picture: you walk to the desk, where a staff member is"))
        self.done.setText(self.tr("Finish"))
