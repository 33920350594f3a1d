"""The technician's placeholder: technician mode is not built yet, and the view says so."""

from __future__ import annotations

from kiosk.ui.staff.view import StaffView


class TechnicianView(StaffView):
    name = "staff-technician"

    def __init__(self, theme) -> None:  # type: ignore[no-untyped-def]
        super().__init__(theme)
        self.notice = self.text_label()
        self.body.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.title.setText(self.tr("Technician"))
        self.notice.setText(self.tr("Technician mode comes with issue 16 item 2. Nothing to do here yet."))
