"""A calm "please go to the desk": after declining (with the receipt number), or while the scanner is not
working (the kiosk goes on by itself as soon as it works again)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal

from enrollment.records.receipt_code import receipt_code, shown
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.pictogram import DeskPictogram

DECLINED = "declined"
SCANNER = "scanner"
ERROR = "error"  # the intake could not be stored


class DeskScreen(Screen):
    name = "desk"
    finished = Signal()

    def build(self) -> None:
        self.reason = DECLINED
        self.title = self.label("title")
        self.body = self.label()
        self.picture = DeskPictogram()
        self.picture.setMinimumHeight(self.theme.mm(40))
        self.column.addWidget(self.picture)
        self.pictograms.append(("picture_desk", self.picture))
        self.number_caption = self.label("muted")
        self.number = self.label("display")
        self.personal.append(self.number)
        self.number.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.column.addStretch(1)
        self.done = self.button("primary")
        self.done.clicked.connect(self.finished.emit)

    def show_reason(self, reason: str, intake_id: str = "") -> None:
        """``intake_id`` (of a declined intake) is shown as its receipt code."""
        self.reason = reason
        self.number.setText(shown(receipt_code(intake_id)) if intake_id else "")
        for widget in (self.number_caption, self.number, self.done):
            widget.setVisible(reason != SCANNER)
        self.retranslate()

    def unsaid(self) -> str:
        return self.tr("It is shown on the screen, and not said aloud, so that nobody else hears it.")

    def retranslate(self) -> None:
        self.title.setText(self.tr("Please go to the desk"))
        if self.reason == SCANNER:
            self.body.setText(self.tr("The fingerprint scanner is not working at the moment. A staff member "
                                      "will help you. You may also wait here: we go on as soon as it works "
                                      "again."))
        elif self.reason == ERROR:
            self.body.setText(self.tr("Something went wrong on this kiosk. A staff member will help you."))
        else:
            self.body.setText(self.tr("A staff member will help you further. We have not taken your "
                                      "fingerprints."))
        self.number_caption.setText(self.tr("Your receipt number:"))
        self.picture.setAccessibleName(self.tr("Picture: you walk to the desk, where a staff member is"))
        self.done.setText(self.tr("Finish"))
