"""The participant's receipt slip, issued when an intake is stored: drawn (:mod:`kiosk.ui.slip_pages`), written
as a PDF to the data folder's spool (:data:`SPOOL_FILE`, replaced by each new slip, so the folder never holds
more than the last receipt number) and, when ``[slip] printer`` names a system printer, sent to it through
QPrinter. A printer that is configured but not known to the system is reported in one line; the slip is still
in the spool. Printing itself is Qt's (QtPrintSupport, through CUPS); this module only paints the page.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from enrollment.atomic_files import write_bytes_atomically
from kiosk.settings import SlipSettings
from kiosk.slip_content import ReceiptSlip, receipt_slip
from kiosk.ui.slip_pages import SLIP_MM, paint_page, paint_slip, slip_pdf

log = logging.getLogger(__name__)
SPOOL = "spool"
SPOOL_FILE = "receipt-slip.pdf"


def spool_path(data_dir: Path) -> Path:
    return Path(data_dir) / SPOOL / SPOOL_FILE


@dataclass(frozen=True)
class SlipIssued:
    path: Path  # the PDF in the spool
    printer: str  # the printer it was sent to ("" when none)
    problem: str  # why it was not sent to the configured printer ("" when it was, or none is configured)


def print_slip(printer: QPrinter, slip: ReceiptSlip) -> None:
    """Paint ``slip`` on ``printer``: one page of the slip's size, no margins."""
    printer.setDocName(f"Receipt {slip.number}")
    printer.setFullPage(True)
    printer.setPageLayout(QPageLayout(QPageSize(SLIP_MM, QPageSize.Unit.Millimeter),
                                      QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    paint_page(printer, SLIP_MM, paint_slip(slip))


class SlipPrinter:
    def __init__(self, settings: SlipSettings, data_dir: Path, location: str, *,
                 clock: Callable[[], datetime] = lambda: datetime.now().astimezone()) -> None:
        self.settings, self.data_dir, self.location, self.clock = settings, Path(data_dir), location, clock

    def issue(self, number: str) -> SlipIssued:
        slip = receipt_slip(number, self.location, self.clock())
        path = spool_path(self.data_dir)
        write_bytes_atomically(path, slip_pdf(slip))
        name = self.settings.printer
        if not name:
            return SlipIssued(path, "", "")
        info = QPrinterInfo.printerInfo(name)
        if info.isNull():
            return SlipIssued(path, "", f"printer {name!r} ([slip] printer) is not known to the system; "
                                        f"the slip is only in {path}")
        print_slip(QPrinter(info, QPrinter.PrinterMode.HighResolution), slip)
        return SlipIssued(path, name, "")


def issue_slip(printer: SlipPrinter, number: str) -> SlipIssued | None:
    """:meth:`SlipPrinter.issue`, for the window's ``recorded`` signal: a slip that cannot be made is logged in one
    line and never stops the participant's screens (the receipt number is on the screen)."""
    try:
        issued = printer.issue(number)
    except OSError as exc:
        log.error("the receipt slip was not made: %s: %s", type(exc).__name__, exc)
        return None
    if issued.problem:
        log.warning("receipt slip: %s", issued.problem)
    return issued
