"""An intake through the kiosk window with ``keep_raw_images`` set: the capture controller hands each kept
impression's image on, the intake stores it sealed, and the ANSI/NIST export holds a Type-14 record per finger."""

from __future__ import annotations

from datetime import UTC, datetime

from nistitl import Message
from sqlalchemy import select

from enrollment.audit.log_store import AuditLog
from enrollment.exchange.nist_export import export_nist
from enrollment.imaging.decode import load_image
from enrollment.records.intake_reads import capture_image
from enrollment.records.models import CaptureRow
from kiosk.flow import Step
from tests.kiosk.ui.conftest import WAIT_MS, in_record
from tests.kiosk.ui.test_intakes_on_screen import _to_capture


def test_with_keep_raw_images_the_window_stores_every_impressions_image_and_the_export_has_type_14(
        qtbot, kiosk, tmp_path):
    window, parts = kiosk(keep_raw_images=True)
    _to_capture(qtbot, window)
    qtbot.waitUntil(lambda: window.flow.step is Step.RECEIPT, timeout=WAIT_MS)
    number = window.receipt_number
    images = in_record(parts, lambda s: [capture_image(s, row) for row in s.scalars(
        select(CaptureRow).where(CaptureRow.intake_id == number, CaptureRow.template_sealed.is_not(None)))])
    assert len(images) == 2 * 3 and all(load_image(image).format == "PNG" for image in images)
    out = tmp_path / "intake.an2"

    def export():  # type: ignore[no-untyped-def]
        with AuditLog(tmp_path / "audit.sqlite3") as log:
            return export_nist(parts.recorder.store, log, number, out, originating="zuil-test-01",
                               destination="AVIM", destination_name="AVIM", now=datetime.now(UTC), actor="desk")

    done = parts.engine.submit(export).result(WAIT_MS / 1000)
    assert (done.image_records, done.minutiae_records) == (2, 2)
    message = Message()
    message.parse(out.read_bytes())
    assert [r.FGP for r in message.iter(14)] == ["2", "7"]
