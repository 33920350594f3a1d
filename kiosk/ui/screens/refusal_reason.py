"""After "no": an optional reason, one tap. The reason is stored in the record's own words (English), whatever
language the screen shows."""

from __future__ import annotations

from PySide6.QtCore import Signal

from kiosk.ui.screens.base import Screen

#: What the record stores for each reason button, in the buttons' order (their texts are set in retranslate)
REASONS = ("no reason given", "worried about what happens with the data", "religion or beliefs", "another reason")


class RefusalReasonScreen(Screen):
    name = "refusal_reason"
    reason = Signal(str)

    def build(self) -> None:
        self.title = self.label("title")
        self.body = self.label()
        self.column.addStretch(1)
        self.buttons = []
        for stored in REASONS:
            button = self.button("primary" if stored == REASONS[0] else "secondary")
            button.clicked.connect(lambda _=False, r=stored: self.reason.emit(r))
            self.buttons.append(button)

    def retranslate(self) -> None:
        self.title.setText(self.tr("You said no. That is all right."))
        self.body.setText(self.tr("You may tell us why. This is not required."))
        texts = (self.tr("I do not want to say"), self.tr("I am worried about what happens with my data"),
                 self.tr("Because of my religion or beliefs"), self.tr("Another reason"))
        for button, text in zip(self.buttons, texts, strict=True):
            button.setText(text)
