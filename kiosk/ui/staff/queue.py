"""Today's intakes at this kiosk, one large row each, named by receipt code. The officer's rows name each intake's
state and open the intake (``opened``); the intake worker's rows say only whether the intake may proceed and why
not, and open nothing. A receipt code typed (or read by the desk's QR reader, which types it) and Enter keeps only
that intake's row, and an officer's single match opens at once."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit

from enrollment.access.queue import IntakeState, QueueRow
from enrollment.access.views import ProceedReason
from enrollment.errors import ReceiptCodeError
from enrollment.records.receipt_code import id_prefix, receipt_code, shown
from kiosk.ui.staff.view import StaffView
from kiosk.ui.widgets.touch_button import TouchButton


class QueueView(StaffView):
    name = "staff-queue"
    opened = Signal(str)  # an intake id, by an officer

    def __init__(self, theme) -> None:  # type: ignore[no-untyped-def]
        super().__init__(theme)
        self.rows: list[QueueRow] = []
        self.row_widgets: list[TouchButton | QLabel] = []
        self.prefix = ""  # of the intake ids kept by the receipt code searched for ("": all)
        self.find = QLineEdit()
        self.find.setMinimumHeight(theme.touch_target)
        self.find.returnPressed.connect(self.find_receipt)
        self.layout().insertWidget(1, self.find)
        self.find_hint = QLabel()  # the field's placeholder, whole, above it in large text (where it is cut short)
        self.find_hint.setWordWrap(True)
        self.find_hint.hide()
        self.layout().insertWidget(1, self.find_hint)
        self.retranslate()

    def set_large_text(self, on: bool) -> None:
        super().set_large_text(on)
        self.find_hint.setVisible(on)

    def show_rows(self, rows: list[QueueRow]) -> None:
        self.rows = rows
        self.prefix = ""
        self.find.clear()
        self._fill()

    def find_receipt(self) -> None:
        """Keep the row of the receipt code typed (all rows when the field is empty); open an officer's only match."""
        try:
            self.prefix = id_prefix(self.find.text()) if self.find.text().strip() else ""
        except ReceiptCodeError:
            self.prefix = "?"  # matches no id
        kept = [row for row in self.rows if row.intake_id.startswith(self.prefix)]
        self._fill()
        if self.prefix and len(kept) == 1 and kept[0].state is not None:
            self.opened.emit(kept[0].intake_id)

    def _fill(self) -> None:
        self.clear_body()
        self.row_widgets = []
        rows = [row for row in self.rows if row.intake_id.startswith(self.prefix)]
        if not self.rows:
            self.row_widgets.append(self.text_label(self.tr("No intakes at this kiosk today.")))
        elif not rows:
            self.row_widgets.append(self.text_label(self.tr("No intake today with this receipt code.")))
        for row in rows:
            time = row.started_at.strftime("%H:%M")
            code = shown(receipt_code(row.intake_id))
            if row.state is not None:  # an officer's row
                button = TouchButton("secondary")
                button.setMinimumHeight(self.theme.touch_target)
                button.setText(f"{time}  {code}  ·  {self.state_words(row.state)}")
                button.clicked.connect(lambda _=False, intake=row.intake_id: self.opened.emit(intake))
                self.body.addWidget(button)
                self.row_widgets.append(button)
            else:
                verdict = self.tr("may proceed") if row.proceed.may_proceed else self.tr("may not proceed yet")
                label = self.text_label(f"{time}  {code}  ·  {verdict}: "
                                        f"{self.reason_words(row.proceed.reason)}")
                label.setMinimumHeight(self.theme.touch_target)
                self.row_widgets.append(label)
        self.body.addStretch(1)

    def state_words(self, state: IntakeState) -> str:
        return {IntakeState.WAITING: self.tr("waiting"), IntakeState.DECLINED: self.tr("declined"),
                IntakeState.NO_PRINTS: self.tr("no prints"), IntakeState.HIT: self.tr("hit"),
                IntakeState.VNUMBER_MISMATCH: self.tr("V-number mismatch"), IntakeState.NO_HIT: self.tr("no hit"),
                IntakeState.VNUMBER_CONFIRMED: self.tr("V-number confirmed")}[state]

    def reason_words(self, reason: ProceedReason) -> str:
        return {
            ProceedReason.NOT_CHECKED_YET: self.tr("the fingerprint check has not run yet"),
            ProceedReason.NO_MATCH: self.tr("the fingerprint check found nothing that stops the intake"),
            ProceedReason.NOT_PERFORMED: self.tr("no fingerprint check was made; the intake proceeds as usual"),
            ProceedReason.AWAITING_OFFICER: self.tr("the fingerprint check needs an AVIM officer's decision"),
            ProceedReason.AWAITING_SECOND_OFFICER: self.tr("an AVIM officer's decision awaits a second "
                                                           "officer's confirmation"),
            ProceedReason.CLEARED_BY_OFFICER: self.tr("an AVIM officer cleared the intake"),
            ProceedReason.DUPLICATE_CONFIRMED: self.tr("an AVIM officer found that this person enrolled before"),
            ProceedReason.REFERRED_TO_LSO: self.tr("an AVIM officer referred the intake to the local case "
                                                   "meeting (LSO)"),
        }[reason]

    def retranslate(self) -> None:
        super().retranslate()
        self.title.setText(self.tr("Today's intakes at this kiosk"))
        self.find.setPlaceholderText(self.tr("Receipt code (type it or hold it to the reader), then Enter"))
        self.find_hint.setText(self.find.placeholderText())
        self._fill()
