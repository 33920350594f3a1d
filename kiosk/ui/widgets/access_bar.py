"""The accessibility bar under every participant screen: pictogram buttons, usable without reading -- "listen
again" (a loudspeaker), stop speaking (a filled square), softer and louder (a loudspeaker with a minus or a plus),
large text (a big and a small A) and high contrast (a half-filled circle). The two modes are switches (pressed
while on); each button has a translated accessible name (:meth:`AccessBar.spoken_names` for speech)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QWidget

from kiosk.ui import theme as theme_module
from kiosk.ui.theme import Theme

LISTEN, LARGE_TEXT, HIGH_CONTRAST = "listen", "large_text", "high_contrast"
STOP, SOFTER, LOUDER = "stop", "softer", "louder"
SPEECH_BUTTONS = (LISTEN, STOP, SOFTER, LOUDER)  # shown only when the kiosk speaks
BAR_BUTTON_MM = 22.0  # each button's side: above the 20 mm touch target


class PictogramButton(QPushButton):
    """A square button that paints its pictogram (``kind``) in the palette's colours; no text to clip."""

    def __init__(self, kind: str, side: int, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.kind = kind
        self.colours = theme_module.NORMAL
        self.setFixedSize(side, side)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCheckable(kind not in SPEECH_BUTTONS)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        c = self.colours
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = float(self.width())
        on = self.isChecked()
        fill, ink = (c.primary, c.on_primary) if on else (c.background, c.secondary_text)
        if not self.isEnabled():
            ink = c.muted_text
        border = side * 0.04
        painter.setPen(QPen(QColor(ink if not on else c.primary), border))
        painter.setBrush(QColor(fill))
        painter.drawRoundedRect(QRectF(border, border, side - 2 * border, side - 2 * border), side * 0.14, side * 0.14)
        getattr(self, f"_{self.kind}")(painter, side, QColor(ink))
        if not self.isEnabled() and self.kind == LISTEN:  # no audio: the loudspeaker struck through
            painter.setPen(QPen(QColor(ink), side * 0.06))
            painter.drawLine(QPointF(side * 0.22, side * 0.78), QPointF(side * 0.78, side * 0.22))

    def _speaker(self, painter: QPainter, s: float, ink: QColor, dx: float = 0.0) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ink)
        painter.drawPolygon(QPolygonF([QPointF(s * (0.2 + dx), s * 0.4), QPointF(s * (0.32 + dx), s * 0.4),
                                       QPointF(s * (0.5 + dx), s * 0.24), QPointF(s * (0.5 + dx), s * 0.76),
                                       QPointF(s * (0.32 + dx), s * 0.6), QPointF(s * (0.2 + dx), s * 0.6)]))

    def _listen(self, painter: QPainter, s: float, ink: QColor) -> None:
        self._speaker(painter, s, ink)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(ink, s * 0.05, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        for radius in (0.12, 0.22):
            painter.drawArc(QRectF(s * (0.5 - radius), s * (0.5 - radius), s * 2 * radius, s * 2 * radius),
                            -45 * 16, 90 * 16)

    def _stop(self, painter: QPainter, s: float, ink: QColor) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ink)
        painter.drawRoundedRect(QRectF(s * 0.32, s * 0.32, s * 0.36, s * 0.36), s * 0.04, s * 0.04)

    def _softer(self, painter: QPainter, s: float, ink: QColor, plus: bool = False) -> None:
        self._speaker(painter, s, ink, -0.06)
        painter.setPen(QPen(ink, s * 0.07, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawLine(QPointF(s * 0.56, s * 0.5), QPointF(s * 0.8, s * 0.5))
        if plus:
            painter.drawLine(QPointF(s * 0.68, s * 0.38), QPointF(s * 0.68, s * 0.62))

    def _louder(self, painter: QPainter, s: float, ink: QColor) -> None:
        self._softer(painter, s, ink, plus=True)

    def _large_text(self, painter: QPainter, s: float, ink: QColor) -> None:
        painter.setPen(ink)
        for size, box in ((0.56, QRectF(s * 0.14, s * 0.12, s * 0.5, s * 0.76)),
                          (0.3, QRectF(s * 0.58, s * 0.36, s * 0.3, s * 0.5))):
            font = QFont(self.font())
            font.setPixelSize(max(1, round(s * size)))
            font.setBold(True)
            painter.setFont(font)
            painter.drawText(box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, "A")

    def _high_contrast(self, painter: QPainter, s: float, ink: QColor) -> None:
        circle = QRectF(s * 0.24, s * 0.24, s * 0.52, s * 0.52)
        painter.setPen(QPen(ink, s * 0.05))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(circle)
        half = QPainterPath()
        half.moveTo(circle.center())
        half.arcTo(circle, 90, 180)
        half.closeSubpath()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ink)
        painter.drawPath(half)


class AccessBar(QWidget):
    """Emits ``listen()``, ``stop()``, ``softer()``, ``louder()``, ``large_text(bool)`` and
    ``high_contrast(bool)`` when tapped."""

    listen = Signal()
    stop = Signal()
    softer = Signal()
    louder = Signal()
    large_text = Signal(bool)
    high_contrast = Signal(bool)

    def __init__(self, theme: Theme, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        side = theme.mm(BAR_BUTTON_MM)
        row = QHBoxLayout(self)
        row.setContentsMargins(theme.margin, theme.spacing, theme.margin, theme.spacing)
        row.setSpacing(theme.spacing)  # six 22 mm buttons, 4 mm apart: within 720 pixels at the default scale
        self.buttons = {kind: PictogramButton(kind, side) for kind in (*SPEECH_BUTTONS, LARGE_TEXT, HIGH_CONTRAST)}
        for button in self.buttons.values():
            row.addWidget(button)
        row.addStretch(1)
        self.buttons[LISTEN].clicked.connect(self.listen.emit)
        self.buttons[STOP].clicked.connect(self.stop.emit)
        self.buttons[SOFTER].clicked.connect(self.softer.emit)
        self.buttons[LOUDER].clicked.connect(self.louder.emit)
        self.buttons[LARGE_TEXT].toggled.connect(self.large_text.emit)
        self.buttons[HIGH_CONTRAST].toggled.connect(self.high_contrast.emit)
        self.retranslate()

    def set_modes(self, *, large_text: bool, high_contrast: bool) -> None:
        """Show the modes as switched (without emitting)."""
        for kind, on in ((LARGE_TEXT, large_text), (HIGH_CONTRAST, high_contrast)):
            button = self.buttons[kind]
            button.blockSignals(True)
            button.setChecked(on)
            button.blockSignals(False)

    def set_audio(self, available: bool) -> None:
        """"Listen again" is greyed out and struck through (and says "no audio") when nothing can be heard; stop,
        softer and louder are greyed out with it."""
        for kind in SPEECH_BUTTONS:
            self.buttons[kind].setEnabled(available)
        self.retranslate()

    def show_speech(self, shown: bool) -> None:
        """The speech buttons, hidden when the kiosk does not speak at all."""
        for kind in SPEECH_BUTTONS:
            self.buttons[kind].setVisible(shown)

    def spoken_names(self) -> list[tuple[str, str]]:
        """(kind, accessible name) of each button a participant can use now, left to right."""
        return [(kind, b.accessibleName()) for kind, b in self.buttons.items() if b.isVisibleTo(self) and b.isEnabled()]

    def state_text(self, kind: str, on: bool) -> str:
        """What a switch's new state is called, to be said when it is switched."""
        if kind == LARGE_TEXT:
            return self.tr("Large text on") if on else self.tr("Large text off")
        return self.tr("High contrast on") if on else self.tr("High contrast off")

    def retranslate(self) -> None:
        listen = self.buttons[LISTEN]
        listen.setAccessibleName(self.tr("Listen again") if listen.isEnabled()
                                 else self.tr("No audio in this language"))
        self.buttons[STOP].setAccessibleName(self.tr("Stop speaking"))
        self.buttons[SOFTER].setAccessibleName(self.tr("Softer"))
        self.buttons[LOUDER].setAccessibleName(self.tr("Louder"))
        self.buttons[LARGE_TEXT].setAccessibleName(self.tr("Large text"))
        self.buttons[HIGH_CONTRAST].setAccessibleName(self.tr("High contrast"))
        for button in self.buttons.values():
            button.update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
