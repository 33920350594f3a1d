"""``keep_raw_images``: the kiosk stores each kept impression's image (sealed, PNG at its scan resolution) only
where the setting is on, and the ANSI/NIST export turns the best one of each finger into a Type-14 record."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

import numpy as np
import pytest
from click.testing import CliRunner
from nistitl import Message
from sqlalchemy import select

from enrollment.audit.log_store import AuditLog
from enrollment.exchange.nist_export import export_nist
from enrollment.imaging.decode import load_image
from enrollment.imaging.encode import kept_image
from enrollment.keys.demo_keys import open_demo_keys
from enrollment.matching.parameters import IMPRESSIONS_PER_FINGER
from enrollment.records import intakes
from enrollment.records.intake_reads import capture_image
from enrollment.records.models import CaptureRow
from enrollment.records.store import RecordStore
from enrollment.settings import Settings
from enrollment.template import serialize
from kiosk.cli import main
from kiosk.flow import IntakeFlow
from kiosk.intake_record import identify, store_intake
from tests.enrollment.exchange.synthetic_intake import synthetic_print


def _flow() -> IntakeFlow:
    flow = IntakeFlow(languages=("en",), fingers=(2, 7), impressions_per_finger=1)
    flow.choose_language("en")
    flow.acknowledge_information()
    flow.give_consent([[(0.1, 0.1), (0.9, 0.9)]])
    flow.enter_vnumber("1234567890")
    for position in flow.fingers:
        made = synthetic_print(position)
        flow.capture_succeeded(position, quality=made.template.quality, template=serialize(made.template),
                               image=kept_image(made.image, 500))
    return flow


def _type14(store: RecordStore, intake_id: str, tmp_path) -> list:
    out = tmp_path / f"{intake_id}.an2"
    with AuditLog(tmp_path / "audit.sqlite3") as log:
        export_nist(store, log, intake_id, out, originating="zuil-test-01", destination="AVIM",
                    destination_name="AVIM", now=datetime.now(UTC), actor="desk")
    message = Message()
    message.parse(out.read_bytes())
    return list(message.iter(14))


@pytest.mark.parametrize("keep", [True, False])
def test_the_intake_keeps_raw_images_only_where_the_setting_says(keep, tmp_path, keyring):
    site = replace(Settings(data_dir=tmp_path / "data"), keep_raw_images=keep)
    store = RecordStore(site.database, keyring)
    try:
        with store.transaction() as session:
            intakes.sync_locations(session, site.locations)
        flow = _flow()
        intake_id, _ = store_intake(store, site, flow, identify(store, flow), device_id="sim", sender=None)
        with store.transaction() as session:
            rows = session.scalars(select(CaptureRow).where(CaptureRow.intake_id == intake_id)
                                   .order_by(CaptureRow.finger_position)).all()
            images = [capture_image(session, row) for row in rows]
        records = _type14(store, intake_id, tmp_path)
    finally:
        store.close()
    if not keep:
        assert images == [None, None] and records == []
        return
    for position, image, record in zip((2, 7), images, records, strict=True):
        assert np.array_equal(load_image(image).array, synthetic_print(position).image)
        shape = (int(record.VLL), int(record.HLL))
        assert (record.FGP, load_image(record.DATA).array.shape) == (str(position), shape)


def test_the_demo_with_keep_raw_images_exports_a_type_14_per_finger(tmp_path, monkeypatch):
    for var in ("ZUIL_CONFIG", "ZUIL_DATA_DIR"):
        monkeypatch.delenv(var, raising=False)
    config = tmp_path / "kiosk.toml"
    config.write_text("keep_raw_images = true\n")
    data = tmp_path / "data"
    result = CliRunner().invoke(main, ["--config", str(config), "--data-dir", str(data), "demo",
                                       "--gallery-persons", "8"])
    assert result.exit_code == 0, result.output
    intake_id = json.loads(result.output)["intake_id"]
    demo = data / "demo"
    store = RecordStore(Settings(data_dir=demo).database, open_demo_keys(demo))
    try:
        with store.transaction() as session:
            kept = session.scalars(select(CaptureRow).where(CaptureRow.intake_id == intake_id,
                                                            CaptureRow.image_sealed.is_not(None))).all()
            scans = [load_image(capture_image(session, row)) for row in kept]
        records = _type14(store, intake_id, tmp_path)
    finally:
        store.close()
    assert len(kept) == 2 * IMPRESSIONS_PER_FINGER  # every kept impression
    assert all(scan.dpi_source == "file" for scan in scans)
    assert [r.FGP for r in records] == ["2", "7"]
    for record in records:
        assert load_image(record.DATA).array.shape == (int(record.VLL), int(record.HLL))
