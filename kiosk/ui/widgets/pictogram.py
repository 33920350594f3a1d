"""The "go to the desk" pictogram: a person, an arrow, a desk with a staff member. The arrow follows the
layout direction (it points the other way in a right-to-left language, with the desk on that side)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.ui import theme


class DeskPictogram(QWidget):
    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.colours = theme.NORMAL  # the window sets the high-contrast palette here
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:
        return QSize(400, 180)

    def _person(self, painter: QPainter, x: float, base: float, size: float, colour: str) -> None:
        painter.setBrush(QColor(colour))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(QPointF(x, base - size * 0.85), size * 0.14, size * 0.14)
        painter.drawRoundedRect(QRectF(x - size * 0.18, base - size * 0.66, size * 0.36, size * 0.66),
                                size * 0.1, size * 0.1)

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width(), self.height()
        size = min(h * 0.95, w / 3)
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        near, far = (w * 0.8, w * 0.2) if rtl else (w * 0.2, w * 0.8)
        base = h - 2
        self._person(painter, near, base, size, self.colours.text)
        self._person(painter, far, base - size * 0.25, size * 0.8, self.colours.primary)
        painter.setBrush(QColor(self.colours.muted_text))
        painter.drawRect(QRectF(far - size * 0.45, base - size * 0.4, size * 0.9, size * 0.12))  # the desk
        painter.drawRect(QRectF(far - size * 0.4, base - size * 0.3, size * 0.08, size * 0.3))
        painter.drawRect(QRectF(far + size * 0.32, base - size * 0.3, size * 0.08, size * 0.3))
        direction = -1 if rtl else 1
        start, end = near + direction * size * 0.4, far - direction * size * 0.6
        y = base - size * 0.45
        painter.setPen(QPen(QColor(self.colours.primary), max(4.0, size * 0.06)))
        painter.drawLine(QPointF(start, y), QPointF(end - direction * size * 0.1, y))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(self.colours.primary))
        head = size * 0.16
        painter.drawPolygon(QPolygonF([QPointF(end, y), QPointF(end - direction * head, y - head * 0.7),
                                       QPointF(end - direction * head, y + head * 0.7)]))
