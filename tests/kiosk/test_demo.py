"""``zuil demo`` tells the same story on every run, in its own folder, never in the kiosk's record."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from enrollment import identification
from enrollment.keys.demo_keys import open_demo_keys
from enrollment.matching.parameters import IMPRESSIONS_PER_FINGER
from enrollment.records.models import CaptureRow, Intake
from enrollment.records.receipt_code import receipt_code, shown
from enrollment.records.store import RecordStore
from enrollment.settings import Settings
from kiosk.cli import main
from kiosk.demo_gallery import GALLERY_KIOSK, ensure_gallery


def _story(summary: dict) -> dict:
    """The summary without what differs between runs by nature: record ids, the simulator's pseudo-terminal."""
    story = json.loads(json.dumps(summary))
    assert story.pop("receipt_code") == shown(receipt_code(story.pop("intake_id")))
    assert len(story["outbox"].pop("chain_head_sha256")) == 64  # envelope ids and sealing keys are random
    for finger in story["fingers"]:
        assert finger.pop("device").startswith("zfm:")
    for candidate in story["identification"]["search"]["candidates"]:
        candidate.pop("person_id")
    return story


@pytest.fixture
def demo(tmp_path, monkeypatch):
    monkeypatch.delenv("ZUIL_CONFIG", raising=False)
    monkeypatch.delenv("ZUIL_DATA_DIR", raising=False)
    config = tmp_path / "kiosk.toml"  # a kiosk whose real record is elsewhere: the demo must not touch it
    config.write_text(f'database_url = "sqlite:///{tmp_path / "kiosk-record.sqlite3"}"\n')

    def invoke(*args: str) -> dict:
        result = CliRunner().invoke(main, ["--config", str(config), "--data-dir", str(tmp_path / "data"), "demo",
                                           "--gallery-persons", "30", *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return json.loads(result.output)

    return invoke


def test_two_runs_tell_the_same_story_and_first_time_never_hits(demo, tmp_path):
    first, second = demo(), demo()
    assert _story(first) == _story(second)
    search = second["identification"]["search"]
    assert search["gallery_persons"] == 31  # the synthetic people and the person's earlier visit, nothing more
    assert search["decision"] == "hit" and len(search["candidates"]) == 1
    assert search["candidates"][0]["locations"] == [second["identification"]["earlier_visit_enrolled_now_at"]]
    assert second["identification"]["vnumber_check"]["decision"] == "vnumber_confirmed"
    # the same synthetic person, now as a first-timer in the used folder: nobody to find, no prints held
    fresh = demo("--first-time")
    assert fresh["identification"]["search"]["decision"] == "no_hit"
    assert fresh["identification"]["search"]["candidates"] == []
    assert fresh["identification"]["search"]["gallery_persons"] == 30
    assert fresh["identification"]["vnumber_check"] is None
    assert _story(demo()) == _story(first)
    # all of it in the demo's own folder; neither the configured record nor the data folder's default one
    assert (tmp_path / "data" / "demo" / "zuil.sqlite3").exists()
    assert not (tmp_path / "kiosk-record.sqlite3").exists()
    assert not (tmp_path / "data" / "zuil.sqlite3").exists()


def test_the_summary_names_the_scale_of_every_score(demo, tmp_path):
    summary = demo()
    # the kiosk asked for, and stored, its impressions of every finger; the earlier visit enrolled as many
    positions = [finger["position"] for finger in summary["fingers"]]
    assert sorted(set(positions)) == sorted(Settings().fingers)
    assert all(positions.count(p) == IMPRESSIONS_PER_FINGER for p in set(positions))
    demo_folder = tmp_path / "data" / "demo"
    store = RecordStore(Settings(data_dir=demo_folder).database, open_demo_keys(demo_folder))
    try:
        with store.transaction() as session:
            rows = session.execute(select(Intake.kiosk_id, CaptureRow.finger_position).join(
                CaptureRow, CaptureRow.intake_id == Intake.id).where(CaptureRow.template_sealed.is_not(None),
                                                                     Intake.kiosk_id != GALLERY_KIOSK)).all()
    finally:
        store.close()
    per_intake = Counter(rows)
    assert len(per_intake) == 2 * len(set(positions))  # this intake and the earlier visit, each finger
    assert set(per_intake.values()) == {IMPRESSIONS_PER_FINGER}
    search, vcheck = summary["identification"]["search"], summary["identification"]["vnumber_check"]
    assert search["threshold_name"] == identification.SEARCH_THRESHOLD_NAME and search["threshold_neg_log10_fmr"] > 4
    assert set(search["candidates"][0]) == {"person_id", "locations", "fused_neg_log10_fmr", "per_finger_mcc"}
    assert set(vcheck) == {"decision", "threshold_name", "fused_neg_log10_fmr", "per_finger_mcc", "held_prints"}
    assert vcheck["threshold_name"] == "FMR_1_IN_10000"
    assert set(summary["scales"]) == {"fused_neg_log10_fmr", "per_finger_mcc"}


def test_the_gallery_is_made_again_when_its_size_changes(tmp_path, keyring):
    settings = Settings(data_dir=tmp_path)
    store = RecordStore(settings.database, keyring)
    try:
        from enrollment.records import intakes

        with store.transaction() as session:
            intakes.sync_locations(session, settings.locations)
        assert ensure_gallery(store, settings, persons=3) == 3
        assert ensure_gallery(store, settings, persons=3) == 3
        assert ensure_gallery(store, settings, persons=5) == 5
        with store.transaction() as session:
            count = select(func.count()).select_from(Intake).where(Intake.kiosk_id == GALLERY_KIOSK)
            assert session.scalar(count) == 5
    finally:
        store.close()


def test_the_demo_delivers_its_outbox_to_a_throw_away_upstream_with_verified_receipts(demo, tmp_path):
    """`zuil demo --deliver`: a real `zuil upstream serve` on loopback, the demo kiosk registered through its
    registration listener, every envelope delivered over mutual TLS with a receipt verified against it; the
    upstream and its registration are gone afterwards (the demo folder holds no registration)."""
    from sync.registration import is_registered

    summary = demo("--deliver")
    outbox = summary["outbox"]
    sequences = [e["sequence"] for e in outbox["envelopes"]]
    assert outbox["queued"] == 0 and {e["state"] for e in outbox["envelopes"]} == {"delivered"}
    receipts = outbox["delivered"]["receipts"]
    assert [r["sequence"] for r in receipts] == sequences and all(r["verified"] for r in receipts)
    assert [r["kind"] for r in receipts] == [e["kind"] for e in outbox["envelopes"]]
    assert "stopped after the demo" in outbox["delivered"]["upstream"]
    assert summary["identification"]["search"]["decision"] == "hit"  # the returning person is still caught
    assert not is_registered(tmp_path / "data" / "demo")
