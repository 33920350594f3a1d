"""The short receipt code in the officer's queue: rows named by it, and an intake found by typing it (or by the
desk's QR reader, which types it)."""

from __future__ import annotations


def test_the_officers_queue_finds_an_intake_by_its_receipt_code(qtbot):
    from datetime import datetime

    from PySide6.QtCore import Qt

    from enrollment.access.queue import IntakeState, QueueRow
    from enrollment.access.views import ProceedAnswer, ProceedReason
    from enrollment.records.receipt_code import receipt_code, shown
    from kiosk.ui.staff.queue import QueueView
    from kiosk.ui.theme import Theme

    ids = ["3f6c2a9e-5b1d-4c8e-9a07-d2e41b6f8c35", "3f6c2a9e-5c00-4c8e-9a07-d2e41b6f8c35",
           "a0000000-0000-4000-8000-000000000000"]
    rows = [QueueRow(i, datetime(2026, 12, 2, 9, n), ProceedAnswer(i, ProceedReason.NOT_CHECKED_YET),
                     IntakeState.WAITING) for n, i in enumerate(ids)]
    view = QueueView(Theme())
    qtbot.addWidget(view)
    view.show_rows(rows)
    assert [w.text().split("  ")[1] for w in view.row_widgets] == [shown(receipt_code(i)) for i in ids]
    opened = []
    view.opened.connect(opened.append)
    qtbot.keyClicks(view.find, receipt_code(ids[1]).lower())  # as the desk's reader types it, or a person
    qtbot.keyClick(view.find, Qt.Key.Key_Return)
    assert opened == [ids[1]] and len(view.row_widgets) == 1
    view.find.setText("ZZZZ ZZZZ")
    qtbot.keyClick(view.find, Qt.Key.Key_Return)
    assert opened == [ids[1]] and [w.text() for w in view.row_widgets] == ["No intake today with this receipt code."]
    view.find.clear()
    qtbot.keyClick(view.find, Qt.Key.Key_Return)
    assert len(view.row_widgets) == 3 and opened == [ids[1]]
