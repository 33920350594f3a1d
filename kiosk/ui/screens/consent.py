"""The consent question: agreeing and declining are the same size and the same number of taps."""

from __future__ import annotations

from PySide6.QtCore import Signal

from kiosk.ui.screens.base import Screen


class ConsentScreen(Screen):
    name = "consent"
    agreed = Signal()
    declined = Signal()
    back = Signal()

    def build(self) -> None:
        self.title = self.label("title")
        self.question = self.label()
        self.note = self.label("muted")
        self.column.addStretch(1)
        self.yes = self.button("primary")
        self.no = self.button("primary")
        self.column.addSpacing(self.theme.spacing)
        self.back_button = self.button("secondary")
        self.yes.clicked.connect(self.agreed.emit)
        self.no.clicked.connect(self.declined.emit)
        self.back_button.clicked.connect(self.back.emit)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Do you agree?"))
        self.question.setText(self.tr("Do you agree that the LVV takes your fingerprints, as explained on the "
                                      "previous screen?"))
        self.note.setText(self.tr("If you say no, we do not take your fingerprints. A staff member will help "
                                  "you further."))
        self.yes.setText(self.tr("Yes, I agree"))
        self.no.setText(self.tr("No, I do not agree"))
        self.back_button.setText(self.tr("Read the information again"))
