"""A QR code of a short text (the receipt number), drawn from segno's module matrix: black modules on white
with the standard quiet zone of four modules, whole pixels per module, at least ``min_side`` pixels square.
Black on white in every mode (readers expect dark modules on a light ground)."""

from __future__ import annotations

import segno
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

QUIET_ZONE = 4  # modules of white around the code (ISO/IEC 18004)


class QrCode(QWidget):
    def __init__(self, min_side: int, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.setMinimumSize(min_side, min_side)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.text = ""
        self.matrix: tuple[bytearray, ...] = ()

    def set_text(self, text: str) -> None:
        self.text = text
        self.matrix = segno.make_qr(text, error="m").matrix if text else ()
        self.update()

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if not self.matrix:
            return
        painter = QPainter(self)
        side = min(self.width(), self.height())
        modules = len(self.matrix) + 2 * QUIET_ZONE
        scale = max(1, side // modules)
        size = modules * scale
        left, top = (self.width() - size) // 2, (self.height() - size) // 2
        painter.fillRect(QRect(left, top, size, size), QColor("#ffffff"))
        black = QColor("#000000")
        for row, line in enumerate(self.matrix):
            for column, dark in enumerate(line):
                if dark:
                    painter.fillRect(QRect(left + (column + QUIET_ZONE) * scale, top + (row + QUIET_ZONE) * scale,
                                           scale, scale), black)
