"""The officer's decision choices and contra-indication flags are whole-row touch targets whose text wraps."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from kiosk.ui.staff.decision import ChoiceRow, FlagRow
from kiosk.ui.theme import Theme

LONG = "Dubbele aanmelding bevestigd: deze persoon is eerder ingeschreven bij een andere LVV en dezelfde persoon"


@pytest.mark.parametrize("row_class", [ChoiceRow, FlagRow])
def test_a_tap_at_the_far_end_of_the_row_checks_it_and_its_text_wraps(qtbot, row_class):
    row = row_class(Theme())
    qtbot.addWidget(row)
    row.setText(LONG)
    row.resize(900, row.heightForWidth(900))
    row.show()
    qtbot.mouseClick(row, Qt.MouseButton.LeftButton, pos=QPoint(row.width() - 5, row.height() // 2))
    assert row.isChecked() and row.text() == LONG and row.label.text() == LONG
    assert row.heightForWidth(300) > row.heightForWidth(900)  # narrower: more lines, not more width
