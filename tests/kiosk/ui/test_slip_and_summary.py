"""The receipt slip and the officer's intake summary, drawn by Qt's own PDF writer and read back with the minimal
reader in tests/kiosk/pdf_text.py: one page each, the receipt number and the outcome in the text, no image and no
template bytes; the slip of a stored intake is in the spool, and the print path paints the same page on a QPrinter
(Qt's PDF output: no physical printer here); the officer's summary button exports through the access service
(audited), and the intake worker is refused there."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from PySide6.QtGui import QColor, QImage
from PySide6.QtPrintSupport import QPrinter

from enrollment.audit.entries import Kind, Outcome
from enrollment.records.intake_reads import capture_image, capture_template
from enrollment.records.models import Intake
from enrollment.records.receipt_code import receipt_code, shown
from kiosk.settings import SlipSettings
from kiosk.slip_content import receipt_slip
from kiosk.ui.slip_pages import RESOLUTION, SLIP_MARGIN_MM, SLIP_MM, paint_slip, png_bytes
from kiosk.ui.slip_printer import SlipPrinter, print_slip, spool_path
from kiosk.ui.summary_export import summary_file
from tests.kiosk import pdf_text
from tests.kiosk.ui.conftest import in_record, tap
from tests.kiosk.ui.test_staff_mode import PIN, add_accounts, audit, log_in, returning_intake

NUMBER = "3f6c2a9e-5b1d-4c8e-9a07-d2e41b6f8c35"
CODE = receipt_code(NUMBER)  # what the slip shows, as the done screen does: the short code, not the id
WHEN = datetime(2026, 12, 2, 9, 14, tzinfo=UTC)


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def assert_no_image(pdf: bytes) -> None:
    assert b"/Subtype /Image" not in pdf and b"/Subtype/Image" not in pdf
    assert not any(b"/Subtype /Image" in body for body in pdf_text.objects(pdf).values())


def test_the_slip_is_one_page_with_the_number_location_and_desk_and_is_spooled(qtbot, tmp_path):
    issued = SlipPrinter(SlipSettings(), tmp_path, "LVV Ter Apel", clock=lambda: WHEN).issue(NUMBER)
    assert issued.path == spool_path(tmp_path) and issued.printer == "" and issued.problem == ""
    pdf = issued.path.read_bytes()
    assert issued.path.stat().st_mode & 0o777 == 0o600
    assert pdf_text.page_count(pdf) == 1
    text = pdf_text.text(pdf)
    assert CODE in flat(text) and NUMBER not in flat(text)
    assert "LVV Ter Apel" in text and "02-12-2026 09:14" in text
    assert "Please go to the desk now." in text and "Ga nu naar de balie." in text
    assert_no_image(pdf)  # the QR code is drawn, not embedded as a picture


def test_a_receipt_number_without_break_opportunities_is_set_whole_inside_the_margins(qtbot):
    """A number whose hyphens stand before digits ("-49a0-9af8-1dc8") gives the line breaker no place to break: it
    is set smaller to fit. Drawn too wide, Qt cuts it at the text box, whose edges the ink then touches; only the
    rule under the date may reach them."""
    image = QImage.fromData(png_bytes(SLIP_MM, paint_slip(receipt_slip("c6f511b3-8d9a-49a0-9af8-1dc827240417",
                                                                       "LVV Amsterdam", WHEN))))
    margin = round(SLIP_MARGIN_MM / 25.4 * RESOLUTION)
    white = QColor("#ffffff")
    edges = (*range(margin - 2, margin + 2), *range(image.width() - margin - 2, image.width() - margin + 2))
    touching = [y for y in range(image.height()) if any(image.pixelColor(x, y) != white for x in edges)]
    rule = [y for y in touching if image.pixelColor(image.width() // 2, y) != white]  # the rule spans the page
    assert touching == rule and len(rule) < 10


def test_an_unknown_printer_is_reported_and_the_slip_is_still_spooled(qtbot, tmp_path):
    issued = SlipPrinter(SlipSettings(printer="no-such-printer"), tmp_path, "LVV Ter Apel").issue(NUMBER)
    assert issued.printer == "" and "'no-such-printer'" in issued.problem and "not known" in issued.problem
    assert CODE in flat(pdf_text.text(issued.path.read_bytes()))


def test_the_print_path_paints_the_same_page_on_a_qprinter(qtbot, tmp_path):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)  # 1200 dpi: the page is scaled to it
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    print_slip(printer, receipt_slip(NUMBER, "LVV Ter Apel", WHEN))
    pdf = (tmp_path / "printed.pdf").read_bytes()
    assert pdf_text.page_count(pdf) == 1 and CODE in flat(pdf_text.text(pdf))
    assert re.search(rb"/MediaBox \[0 0 227\.\d+ 354\.\d+\]", pdf)  # 80 x 125 mm


def test_a_stored_intake_spools_its_slip_and_the_officer_exports_its_summary(qtbot, kiosk):
    window, parts = kiosk(returning=True)
    add_accounts(parts)
    number = returning_intake(qtbot, window)
    slip = spool_path(parts.recorder.site.data_dir).read_bytes()
    assert receipt_code(number) in flat(pdf_text.text(slip))
    log_in(qtbot, window, "officer", PIN["officer"])
    tap(qtbot, next(w for w in window.staff_queue.row_widgets if shown(receipt_code(number)) in w.text()))
    view = window.staff_intake
    assert view.summary_button.isVisible()
    tap(qtbot, view.summary_button)
    out = summary_file(window.settings.enrollment.data_dir, number)
    assert view.summary_notice.isVisible() and str(out) in view.summary_notice.text()
    pdf = out.read_bytes()
    assert pdf_text.page_count(pdf) == 1
    text = " ".join(pdf_text.text(pdf).split())  # lines joined: a sentence may wrap
    assert number in flat(text) and f"receipt code {shown(receipt_code(number))}" in text
    assert "1:N search: a possible earlier enrollment (hit)" in text
    assert "May not proceed yet: the fingerprint check needs an AVIM officer's decision." in text
    assert "a false match this strong happens" in text
    assert_no_image(pdf)
    biometric = in_record(parts, lambda s: [b for c in s.get(Intake, number).captures
                                            for b in (capture_template(s, c), capture_image(s, c)) if b])
    assert biometric
    contents = [pdf, *pdf_text.streams(pdf)]
    for held in biometric:
        assert not any(held[:32] in part for part in contents)
    exported = [e for e in audit(parts) if e.kind is Kind.EXPORT]
    assert [(e.subject, e.outcome, e.details["what"]) for e in exported] == [(number, Outcome.OK, "intake-summary")]


def test_the_intake_worker_cannot_export_a_summary_from_the_window(qtbot, kiosk):
    window, parts = kiosk(returning=True)
    add_accounts(parts)
    number = returning_intake(qtbot, window)
    log_in(qtbot, window, "worker", PIN["worker"])
    assert window.stack.currentWidget() is window.staff_queue  # no row opens the intake view (test_staff_mode)
    window.staff_summary(number)  # even asked directly, the service refuses
    assert "may not export summary" in window.staff_intake.summary_notice.text()
    assert not summary_file(window.settings.enrollment.data_dir, number).exists()
    assert not any(e.kind is Kind.EXPORT for e in audit(parts))
