"""A row of flags beside a language's name: each flag's emoji painted in the colour emoji font
(:data:`kiosk.language_flags.FLAG_FONT`) into a picture half again the size of the label's text, again whenever that
text size changes (large text). A picture, not text: the flags are decorative, with no accessible name and
nothing to speak; the language's own name is the button's."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QFontInfo, QFontMetricsF, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy

from kiosk.language_flags import FLAG_FONT, flag_emoji

#: The flags' size, in the label's text size, and the gap between two flags, in the flags' size.
SCALE = 1.5
GAP = 0.25


class FlagStrip(QLabel):
    """The flags of ``regions`` (ISO 3166-1 alpha-2 codes), first on the leading side; ``painted`` gives the
    picture's width each time it is painted anew."""

    painted = Signal(int)

    def __init__(self, regions: tuple[str, ...], parent=None, *, scale: float = SCALE) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.regions = regions
        self.scale = scale  # the flags' height, in the label's text size
        self.emoji = tuple(flag_emoji(region) for region in regions)
        self.drawn_for: tuple[int, Qt.LayoutDirection] | None = None  # the text size and direction painted for
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in (QEvent.Type.Polish, QEvent.Type.FontChange, QEvent.Type.StyleChange,
                            QEvent.Type.LayoutDirectionChange):
            self.paint_flags()
        return handled

    def paint_flags(self) -> None:
        """Paint the flags at the label's text size (the style sheet's) in its direction, unless they are."""
        px = QFontInfo(self.font()).pixelSize()
        if self.drawn_for == (px, self.layoutDirection()):
            return
        self.drawn_for = (px, self.layoutDirection())
        font = QFont(FLAG_FONT)
        font.setPixelSize(round(px * self.scale))
        metrics = QFontMetricsF(font)
        widths = [metrics.horizontalAdvance(flag) for flag in self.emoji]
        gap = px * self.scale * GAP
        width, height = sum(widths) + gap * (len(widths) - 1), metrics.height()
        ratio = self.devicePixelRatioF()
        picture = QPixmap(math.ceil(width * ratio), math.ceil(height * ratio))
        picture.setDevicePixelRatio(ratio)
        picture.fill(Qt.GlobalColor.transparent)
        painter = QPainter(picture)
        painter.setFont(font)
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft  # the first flag on the leading side
        x = width if rtl else 0.0
        for flag, advance in zip(self.emoji, widths, strict=True):
            left = x - advance if rtl else x
            painter.drawText(QRectF(left, 0, advance, height), Qt.AlignmentFlag.AlignCenter, flag)
            x += -(advance + gap) if rtl else advance + gap
        painter.end()
        self.setPixmap(picture)
        self.setFixedWidth(math.ceil(width))
        self.painted.emit(math.ceil(width))
