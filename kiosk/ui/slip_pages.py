"""The receipt slip and the officer's intake summary drawn with QPainter: as a one-page PDF by Qt's own writer
(QPdfWriter), on a printer (a QPrinter is painted the same way) or as a PNG to look at.

The slip is a page 80 mm wide (a receipt printer's roll): the texts of :mod:`kiosk.slip_content`, the receipt number
as text and as a QR code 30 mm square (drawn as rectangles from segno's matrix, no image). The summary is one A4
page of :mod:`kiosk.summary_content`'s sections; text that would not fit is set smaller, down to
:data:`MIN_POINTS`, and what still does not fit is cut with a line that says so, so it stays one page.
"""

from __future__ import annotations

from collections.abc import Callable

import segno
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)

from kiosk.slip_content import ReceiptSlip
from kiosk.summary_content import SummaryPage
from kiosk.ui.widgets.qr_code import QUIET_ZONE

RESOLUTION = 300  # dots per inch of the PDF's and the PNG's coordinates
SLIP_MM = QSizeF(80.0, 125.0)
SLIP_MARGIN_MM = 5.0
QR_MM = 30.0
SUMMARY_MARGIN_MM = 18.0
BODY_POINTS = 10.0
MIN_POINTS = 6.5

Paint = Callable[[QPainter, QRectF], None]


def _px(mm: float) -> float:
    return mm / 25.4 * RESOLUTION


def pdf_bytes(size_mm: QSizeF, paint: Paint, *, title: str) -> bytes:
    """One page of ``size_mm`` painted by ``paint(painter, page rect in dots)``, as PDF."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("Aanmeldzuil")
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(size_mm, QPageSize.Unit.Millimeter), QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0)))
    paint_page(writer, size_mm, paint)
    buffer.close()
    return bytes(data.data())


def paint_page(device: QPagedPaintDevice, size_mm: QSizeF, paint: Paint) -> None:
    """Paint one page of ``size_mm`` on ``device`` (a QPdfWriter or a QPrinter, of any resolution): ``paint`` works
    in dots of :data:`RESOLUTION`, scaled to the device's."""
    painter = QPainter(device)
    try:
        width = _px(size_mm.width())
        painter.scale(device.width() / width, device.width() / width)
        paint(painter, QRectF(0, 0, width, _px(size_mm.height())))
    finally:
        painter.end()


def png_bytes(size_mm: QSizeF, paint: Paint) -> bytes:
    """The same page as a PNG at :data:`RESOLUTION` (to look at)."""
    image = QImage(round(_px(size_mm.width())), round(_px(size_mm.height())), QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(RESOLUTION / 0.0254))
    image.setDotsPerMeterY(round(RESOLUTION / 0.0254))
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    try:
        paint(painter, QRectF(0, 0, image.width(), image.height()))
    finally:
        painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def _font(points: float, *, bold: bool = False) -> QFont:
    """Sized in pixels of :data:`RESOLUTION` (a point size would follow the device's own resolution)."""
    font = QFont("Noto Sans")
    font.setPixelSize(round(points * RESOLUTION / 72))
    font.setBold(bold)
    return font


def _text(painter: QPainter, left: float, top: float, width: float, text: str, font: QFont, *,
          align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft, draw: bool = True, anywhere: bool = False) -> float:
    """Draw ``text`` wrapped in ``width`` from ``top`` (between words, or ``anywhere``); returns its height."""
    painter.setFont(font)
    flags = int(align) | int(Qt.TextFlag.TextWrapAnywhere if anywhere else Qt.TextFlag.TextWordWrap)
    box = QFontMetricsF(font).boundingRect(QRectF(left, top, width, 1e6), flags, text)
    if draw:
        painter.drawText(QRectF(left, top, width, box.height()), flags, text)
    return box.height()


def _fitted(text: str, points: float, width: float) -> QFont:
    """A bold font for ``text`` on one line of ``width``: ``points``, or smaller down to :data:`MIN_POINTS` (a
    receipt number's groups of digits give no line-break opportunity, so a wrapped one would run off the page);
    below that it is to be drawn wrapping anywhere."""
    while points > MIN_POINTS and QFontMetricsF(_font(points, bold=True)).horizontalAdvance(text) > width:
        points -= 0.25
    return _font(points, bold=True)


# -- the receipt slip ---------------------------------------------------------------------------------------------

def paint_slip(slip: ReceiptSlip) -> Paint:
    def paint(painter: QPainter, page: QRectF) -> None:
        margin = _px(SLIP_MARGIN_MM)
        left, width, y = page.left() + margin, page.width() - 2 * margin, page.top() + margin
        centre = Qt.AlignmentFlag.AlignHCenter
        painter.setPen(QColor("#000000"))
        y += _text(painter, left, y, width, slip.lines[0], _font(16, bold=True), align=centre)
        y += _text(painter, left, y, width, slip.lines[1], _font(10), align=centre) + _px(4)
        y += _text(painter, left, y, width, slip.lines[2], _font(9), align=centre)
        y += _text(painter, left, y, width, slip.number, _fitted(slip.number, 20, width), align=centre,
                   anywhere=True) + _px(2)
        side = _px(QR_MM)
        _qr(painter, QRectF(page.center().x() - side / 2, y, side, side), slip.code)
        y += side + _px(3)
        y += _text(painter, left, y, width, slip.location, _font(11, bold=True), align=centre)
        y += _text(painter, left, y, width, slip.when, _font(11), align=centre) + _px(4)
        painter.drawLine(QRectF(left, y, width, 0).topLeft(), QRectF(left, y, width, 0).topRight())
        y += _px(3)
        for line in slip.lines[-2:]:
            y += _text(painter, left, y, width, line, _font(11, bold=True), align=centre) + _px(2)
    return paint


def _qr(painter: QPainter, box: QRectF, text: str) -> None:
    """A QR code of ``text`` filling ``box``: black modules on white, the quiet zone included."""
    matrix = segno.make_qr(text, error="m").matrix
    modules = len(matrix) + 2 * QUIET_ZONE
    scale = box.width() / modules
    painter.fillRect(box, QColor("#ffffff"))
    black = QColor("#000000")
    for row, line in enumerate(matrix):
        for column, dark in enumerate(line):
            if dark:  # a hair wider than the module, so neighbours leave no seam
                painter.fillRect(QRectF(box.left() + (column + QUIET_ZONE) * scale,
                                        box.top() + (row + QUIET_ZONE) * scale, scale * 1.02, scale * 1.02), black)


def slip_pdf(slip: ReceiptSlip) -> bytes:
    return pdf_bytes(SLIP_MM, paint_slip(slip), title=f"Receipt {slip.number}")


# -- the officer's summary ----------------------------------------------------------------------------------------

A4_MM = QSizeF(210.0, 297.0)
CUT = "(The rest does not fit on one page: see the intake on the kiosk.)"


def paint_summary(page_text: SummaryPage) -> Paint:
    def paint(painter: QPainter, page: QRectF) -> None:
        margin = _px(SUMMARY_MARGIN_MM)
        area = page.adjusted(margin, margin, -margin, -margin)
        painter.setPen(QColor("#000000"))
        points = BODY_POINTS
        while points > MIN_POINTS and _layout(painter, area, page_text, points, draw=False) > area.bottom():
            points -= 0.5
        _layout(painter, area, page_text, points, draw=True)
    return paint


def _layout(painter: QPainter, area: QRectF, page_text: SummaryPage, points: float, *, draw: bool) -> float:
    """Lay out (and with ``draw`` paint) the summary at body size ``points``; returns where it ends. The footer sits
    at the bottom of ``area``; a line that would run into it is not drawn, and :data:`CUT` says so."""
    left, width = area.left(), area.width()
    body, heading = _font(points), _font(points + 1, bold=True)
    footer_height = _text(painter, left, 0, width, page_text.footer, _font(MIN_POINTS + 1), draw=False)
    limit = area.bottom() - footer_height - _px(4)
    y = area.top() + _text(painter, left, area.top(), width, page_text.title, _font(16, bold=True), draw=draw)
    y += _px(4)
    cut = False
    for title, lines in page_text.sections:
        for text, font, indent, after in [(title, heading, 0.0, _px(1))] + [(t, body, _px(4), _px(1)) for t in lines]:
            height = _text(painter, left + indent, y, width - indent, text, font, draw=False)
            if draw and y + height > limit:
                cut = True
                break
            _text(painter, left + indent, y, width - indent, text, font, draw=draw)
            y += height + after
        if cut:
            break
        y += _px(3)
    if draw:
        if cut:
            _text(painter, left, y, width, CUT, _font(points, bold=True))
        bottom = area.bottom() - footer_height
        painter.drawLine(QRectF(left, bottom - _px(2), width, 0).topLeft(),
                         QRectF(left, bottom - _px(2), width, 0).topRight())
        _text(painter, left, bottom, width, page_text.footer, _font(MIN_POINTS + 1))
    return y + footer_height + _px(4)


def summary_pdf(page_text: SummaryPage) -> bytes:
    return pdf_bytes(A4_MM, paint_summary(page_text), title=page_text.title)
