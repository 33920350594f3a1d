"""Two prints side by side as a fingerprint examiner reads them: each print's image where one was kept (else a
blank card of the print's size), every minutia drawn at its place with a tick along its direction (a circle for
a ridge ending, a square for a bifurcation), the paired minutiae in colour and joined across the two prints by
lines. Sizes in millimetres from the theme."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from enrollment.template.model import KIND_BIFURCATION, Template
from kiosk.ui.theme import Theme

HEIGHT_MM = 100.0  # the pair's height on the screen
GAP_MM = 8.0  # between the two prints
MARK_MM = 1.0  # a minutia's circle or square (its radius)
TICK_MM = 3.0  # a minutia's direction tick
LINE_MM = 0.4  # the lines joining paired minutiae
#: The pairs' colours in turn (distinguishable for the common colour-vision deficiencies: Okabe and Ito).
PAIR_COLOURS = ("#d55e00", "#0072b2", "#009e73", "#cc79a7", "#e69f00", "#56b4e9")
UNPAIRED = "#7a7a7a"


@dataclass(frozen=True)
class Side:
    """One print: its template and its grey image (None: none was kept)."""

    template: Template
    image: np.ndarray | None = None


def grey_image(pixels: np.ndarray) -> QImage:
    """A Qt image of (H, W) grey pixels, written into the image's own memory (not wrapped around numpy's)."""
    height, width = pixels.shape
    image = QImage(width, height, QImage.Format.Format_Grayscale8)
    rows = np.frombuffer(image.bits(), np.uint8).reshape(height, image.bytesPerLine())
    rows[:, :width] = pixels
    return image


class PrintPair(QWidget):
    """``show_pair(probe, gallery, pairs)``: ``pairs`` are (probe minutia index, gallery minutia index)."""

    def __init__(self, theme: Theme) -> None:
        super().__init__()
        self.theme = theme
        self.probe: Side | None = None
        self.gallery: Side | None = None
        self.pairs: tuple[tuple[int, int], ...] = ()
        self.setMinimumHeight(theme.mm(HEIGHT_MM))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    @property
    def pair_count(self) -> int:
        return len(self.pairs)

    def show_pair(self, probe: Side, gallery: Side, pairs: tuple[tuple[int, int], ...]) -> None:
        self.probe, self.gallery, self.pairs = probe, gallery, tuple(pairs)
        self.update()

    def _frames(self) -> tuple[QRectF, QRectF]:
        gap = self.theme.mm(GAP_MM)
        half = (self.width() - gap) / 2.0
        return QRectF(0, 0, half, self.height()), QRectF(half + gap, 0, half, self.height())

    @staticmethod
    def _placed(side: Side, frame: QRectF) -> tuple[QRectF, float]:
        """The print's rectangle inside ``frame`` (aspect kept, centred) and its pixels-to-screen scale."""
        t = side.template
        scale = min(frame.width() / t.width, frame.height() / t.height)
        w, h = t.width * scale, t.height * scale
        return QRectF(frame.x() + (frame.width() - w) / 2, frame.y() + (frame.height() - h) / 2, w, h), scale

    def points(self, side: Side, frame: QRectF) -> list[QPointF]:
        """Every minutia of ``side`` on the screen."""
        rect, scale = self._placed(side, frame)
        return [QPointF(rect.x() + x * scale, rect.y() + y * scale) for x, y in side.template.positions]

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self.probe is None or self.gallery is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        frames = self._frames()
        colour_of = {}
        for n, (a, b) in enumerate(self.pairs):
            colour_of[0, a] = colour_of[1, b] = QColor(PAIR_COLOURS[n % len(PAIR_COLOURS)])
        placed = []
        for k, (side, frame) in enumerate(zip((self.probe, self.gallery), frames, strict=True)):
            rect, _ = self._placed(side, frame)
            self._card(painter, side, rect)
            points = self.points(side, frame)
            for i, point in enumerate(points):
                self._mark(painter, point, float(side.template.directions[i]), int(side.template.kinds[i]),
                           colour_of.get((k, i)))
            placed.append(points)
        for n, (a, b) in enumerate(self.pairs):
            pen = QPen(QColor(PAIR_COLOURS[n % len(PAIR_COLOURS)]), max(1, self.theme.mm(LINE_MM)))
            painter.setPen(pen)
            painter.drawLine(placed[0][a], placed[1][b])
        painter.end()

    def _card(self, painter: QPainter, side: Side, rect: QRectF) -> None:
        painter.setPen(QPen(QColor(UNPAIRED), 1))
        if side.image is None:
            painter.fillRect(rect, QColor("#ffffff"))
        else:
            painter.drawImage(rect, grey_image(side.image))
        painter.drawRect(rect)

    def _mark(self, painter: QPainter, at: QPointF, direction: float, kind: int, colour: QColor | None) -> None:
        r, tick = self.theme.mm(MARK_MM), self.theme.mm(TICK_MM)
        paired = colour is not None
        pen = QPen(colour if paired else QColor(UNPAIRED), max(1, self.theme.mm(0.5 if paired else 0.25)))
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        box = QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r)
        if kind == KIND_BIFURCATION:
            painter.drawRect(box)
        else:
            painter.drawEllipse(box)
        # directions turn counter-clockwise as seen on the image, whose y axis points down
        painter.drawLine(at, QPointF(at.x() + tick * math.cos(direction), at.y() - tick * math.sin(direction)))
