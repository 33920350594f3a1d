"""Both hands seen from above, as they lie on the glass, with the finger to place highlighted.

A picture of real hands: it is never mirrored (the right hand stays on the right in a right-to-left language).
Finger positions are ISO/IEC 19794 codes: 1-5 right thumb to little finger, 6-10 left.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.ui import theme

#: per finger from the thumb: (x offset in palm widths, length in palm heights, tip raise)
_FINGERS = ((-0.32, 0.55, -0.45), (0.02, 0.80, 0.0), (0.27, 0.88, 0.0), (0.52, 0.80, 0.0), (0.76, 0.62, 0.0))


class HandDiagram(QWidget):
    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.colours = theme.NORMAL  # the window sets the high-contrast palette here
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.current: int | None = None
        self.done: set[int] = set()

    def show_finger(self, position: int | None, done: set[int] = frozenset()) -> None:  # type: ignore[assignment]
        self.current, self.done = position, set(done)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(400, 220)

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width(), self.height()
        hand_w = min(w / 2.6, h * 0.9)
        for hand, centre in (("left", w * 0.27), ("right", w * 0.73)):
            self._hand(painter, hand, centre, hand_w, h)

    def _hand(self, painter: QPainter, hand: str, centre: float, size: float, height: float) -> None:
        palm_w, palm_h = size * 0.55, size * 0.5
        palm = QRectF(centre - palm_w / 2, height - palm_h - 4, palm_w, palm_h)
        painter.setPen(QPen(QColor(self.colours.muted_text), 2))
        painter.setBrush(QColor(self.colours.panel))
        painter.drawRoundedRect(palm, palm_w * 0.2, palm_w * 0.2)
        finger_w = palm_w * 0.2
        for number, (dx, length, raise_) in enumerate(_FINGERS):
            position = number + 1 if hand == "right" else number + 6
            offset = dx if hand == "right" else 1.0 - dx - 0.22  # the left hand is the mirror image
            x = palm.left() + offset * palm_w
            top = palm.top() - length * palm_h + (-raise_ * palm_h)
            rect = QRectF(x, top, finger_w, length * palm_h + palm_h * 0.25)
            if position == self.current:
                painter.setBrush(QColor(self.colours.primary))
                painter.setPen(QPen(QColor(self.colours.primary), 3))
            elif position in self.done:
                painter.setBrush(QColor(self.colours.quality_good))
                painter.setPen(QPen(QColor(self.colours.quality_good), 2))
            else:
                painter.setBrush(QColor(self.colours.panel))
                painter.setPen(QPen(QColor(self.colours.muted_text), 2))
            painter.drawRoundedRect(rect, finger_w / 2, finger_w / 2)
