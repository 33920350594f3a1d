"""The intake in progress kept across a restart (kiosk/pending_intake.py): sealed in the data folder with the record's
cipher under real keys, taken back at its step, and discarded (removed, reason logged) when too old, altered,
truncated, sealed under other keys or no longer fitting the site."""

from __future__ import annotations

import json
import logging
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from enrollment.keys.demo_keys import open_demo_keys
from enrollment.records import intakes
from enrollment.records.field_cipher import FieldCipher
from enrollment.records.models import CaptureRow, Intake
from enrollment.records.store import RecordStore
from enrollment.settings import Settings
from enrollment.template import serialize
from kiosk.flow import IntakeFlow, Step
from kiosk.intake_record import IntakeRecorder
from kiosk.pending_intake import (
    FILE_NAME,
    RESUME_WITHIN_S,
    PendingIntake,
    PendingIntakeDiscarded,
    parse_snapshot,
    snapshot_bytes,
)
from tests.enrollment.exchange.synthetic_intake import synthetic_print

VNUMBER = "1234567890"
TEMPLATE = bytes(range(7, 250)) * 3  # long and distinctive enough to be found if it were written in the clear
IMAGE = b"\x89PNG raw image bytes of the kept impression"
SITE = {"languages": ("nl", "en"), "fingers": (2, 7), "biometrics_enabled": True}


def _mid_capture() -> IntakeFlow:
    """A Dutch intake with consent and V-number, finger 2 done (two impressions), finger 7 at its first."""
    flow = IntakeFlow(languages=SITE["languages"], fingers=SITE["fingers"], impressions_per_finger=2)
    flow.choose_language("nl")
    flow.acknowledge_information()
    flow.give_consent([[(0.1, 0.2), (0.3, 0.4)]])
    flow.enter_vnumber(VNUMBER)
    flow.capture_succeeded(2, quality=71, template=TEMPLATE, image=IMAGE)
    assert flow.capture_failed(2, "MessyImageError")
    flow.capture_succeeded(2, quality=64, template=TEMPLATE[::-1])
    return flow


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def pending(tmp_path, keyring):
    clock = Clock()
    kept = PendingIntake(tmp_path / "data", lambda: FieldCipher(keyring), "zuil-test-01", clock=clock)
    return kept, clock


def _keep(kept: PendingIntake, clock: Clock, flow: IntakeFlow) -> None:
    kept.keep(snapshot_bytes(flow, clock.now))


def test_a_kept_intake_is_taken_back_at_its_step_with_everything_it_held(pending):
    kept, clock = pending
    flow = _mid_capture()
    _keep(kept, clock, flow)
    clock.now += RESUME_WITHIN_S - 1
    back = kept.take(**SITE)
    assert back is not None
    assert (back.step, back.language, str(back.vnumber), back.current_finger) == (Step.CAPTURE, "nl", VNUMBER, 7)
    assert back.intake_id == flow.intake_id and back.signature_strokes == flow.signature_strokes
    assert back.outcomes == flow.outcomes and back.history == flow.history
    back.capture_succeeded(7, quality=50, template=b"t7a")  # the flow goes on from there
    back.skip_finger(7, "bandaged")
    assert back.step is Step.PROCESSING
    assert kept.path.exists()  # taking it does not remove it: the window keeps the next step in its place


def test_the_snapshot_holds_no_vnumber_template_or_image_in_the_clear_and_is_private(pending):
    kept, clock = pending
    _keep(kept, clock, _mid_capture())
    on_disk = kept.path.read_bytes()
    assert kept.path.name == FILE_NAME and kept.path.stat().st_mode & 0o077 == 0
    for secret in (VNUMBER.encode(), TEMPLATE[:32], IMAGE, b"nl", b"capture"):
        assert secret not in on_disk
    assert not list(kept.path.parent.glob(".*.tmp"))  # the atomic write left no temporary file


def test_each_step_replaces_the_snapshot_before_and_forget_removes_it(pending):
    kept, clock = pending
    flow = IntakeFlow(languages=SITE["languages"], fingers=SITE["fingers"])
    flow.choose_language("en")
    _keep(kept, clock, flow)
    assert kept.take(**SITE).step is Step.INFORMATION
    flow.acknowledge_information()
    flow.refuse_consent()
    _keep(kept, clock, flow)
    back = kept.take(**SITE)
    assert (back.step, back.consent.value) == (Step.REFUSAL_REASON, "refused")
    kept.forget()
    assert kept.take(**SITE) is None and not kept.path.exists()
    kept.forget()  # nothing to remove is fine


def _discarded(kept: PendingIntake, caplog, reason: str) -> None:
    with caplog.at_level(logging.WARNING, logger="kiosk.pending_intake"):
        assert kept.take(**SITE) is None
    assert not kept.path.exists()
    lines = [r.getMessage() for r in caplog.records if r.name == "kiosk.pending_intake"]
    assert len(lines) == 1 and f"({reason})" in lines[0]
    assert VNUMBER not in caplog.text


def test_a_snapshot_older_than_the_bound_is_discarded(pending, caplog):
    kept, clock = pending
    _keep(kept, clock, _mid_capture())
    clock.now += RESUME_WITHIN_S + 1
    _discarded(kept, caplog, "expired")


def test_a_snapshot_from_the_future_is_discarded(pending, caplog):
    kept, clock = pending
    _keep(kept, clock, _mid_capture())
    clock.now -= 60
    _discarded(kept, caplog, "expired")


@pytest.mark.parametrize("damage", ["flip", "truncate", "empty", "garbage"])
def test_an_altered_or_truncated_snapshot_is_discarded_and_the_kiosk_starts_fresh(pending, caplog, damage):
    kept, clock = pending
    _keep(kept, clock, _mid_capture())
    data = bytearray(kept.path.read_bytes())
    if damage == "flip":
        data[len(data) // 2] ^= 0x01
    elif damage == "truncate":
        data = data[: len(data) - 5]
    elif damage == "empty":
        data = bytearray()
    else:
        data = bytearray(b"ZF\x01 not a snapshot at all")
    kept.path.write_bytes(bytes(data))
    _discarded(kept, caplog, "unreadable")


def test_a_snapshot_sealed_under_other_keys_is_discarded(pending, tmp_path, caplog):
    kept, clock = pending
    other = open_demo_keys(tmp_path / "other-keys" / "demo")
    PendingIntake(kept.path.parent, lambda: FieldCipher(other), "zuil-test-01").keep(
        snapshot_bytes(_mid_capture(), clock.now))
    _discarded(kept, caplog, "unreadable")


def test_a_snapshot_of_another_kiosk_does_not_open_here(pending, keyring, caplog):
    kept, clock = pending
    PendingIntake(kept.path.parent, lambda: FieldCipher(keyring), "zuil-test-02").keep(
        snapshot_bytes(_mid_capture(), clock.now))
    _discarded(kept, caplog, "unreadable")


def test_a_snapshot_for_other_fingers_or_a_language_no_longer_offered_is_discarded(pending, caplog):
    kept, clock = pending
    _keep(kept, clock, _mid_capture())
    with caplog.at_level(logging.WARNING, logger="kiosk.pending_intake"):
        assert kept.take(languages=("nl",), fingers=(2, 7, 3), biometrics_enabled=True) is None
    assert "(mismatch)" in caplog.text and not kept.path.exists()
    _keep(kept, clock, _mid_capture())
    with pytest.raises(PendingIntakeDiscarded) as refused:
        parse_snapshot(snapshot_bytes(_mid_capture(), clock.now), languages=("en",), fingers=(2, 7),
                       biometrics_enabled=True, now=clock.now)
    assert refused.value.reason == "mismatch"


@pytest.mark.parametrize("change", [
    {"step": "receipt"}, {"step": "capture", "consent": None}, {"vnumber": "12345"}, {"format": 2},
    {"saved_at": "yesterday"}, {"outcomes": [{"position": 2}]}, {"signature_strokes": [[[0.1, True]]]},
    {"max_attempts": 0}, {"history": ["nowhere"]}, {"step": "consent"},
])
def test_a_snapshot_that_does_not_fit_its_step_is_malformed(change):
    raw = json.loads(snapshot_bytes(_mid_capture(), 100.0))
    raw.update(change)
    with pytest.raises(PendingIntakeDiscarded) as refused:
        parse_snapshot(json.dumps(raw).encode(), **SITE, now=100.0)
    assert refused.value.reason == "malformed"


_json = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
                     lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                                 max_size=4), max_leaves=12)
_KEYS = list(json.loads(snapshot_bytes(_mid_capture(), 100.0)))


@settings(derandomize=True, max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=200),
                 st.dictionaries(st.sampled_from(_KEYS), _json, max_size=6).map(lambda changes: json.dumps(
                     {**json.loads(snapshot_bytes(_mid_capture(), 100.0)), **changes}).encode())))
def test_the_snapshot_parser_returns_a_flow_or_its_typed_refusal_for_anything(plaintext):
    try:
        flow = parse_snapshot(plaintext, **SITE, now=100.0)
    except PendingIntakeDiscarded as exc:
        assert exc.reason in ("malformed", "expired", "mismatch")
    else:
        assert isinstance(flow, IntakeFlow) and flow.language in SITE["languages"]


def test_an_intake_whose_processing_was_under_way_at_a_restart_is_stored_once(tmp_path, keyring):
    """Resumed at the processing step, the same flow is recorded again: the recorder finds its intake id stored
    and gives that receipt number without a second intake."""
    site = Settings(data_dir=tmp_path / "data")

    def prepare(store: RecordStore) -> None:
        with store.transaction() as session:
            intakes.sync_locations(session, site.locations)

    recorder = IntakeRecorder(lambda: (RecordStore(site.database, keyring), None), site, device_id="sim",
                              prepare=prepare)
    flow = IntakeFlow(languages=("nl",), fingers=(2,), impressions_per_finger=1)
    flow.choose_language("nl")
    flow.acknowledge_information()
    flow.give_consent([])
    flow.enter_vnumber(VNUMBER)
    made = synthetic_print(2)
    flow.capture_succeeded(2, quality=made.template.quality, template=serialize(made.template))
    kept = PendingIntake(site.data_dir, lambda: recorder.store.cipher, site.kiosk_id)
    kept.keep(snapshot_bytes(flow, time.time()))
    try:
        assert recorder.record(flow) == flow.intake_id  # stored; the kiosk stops before the snapshot is removed
        resumed = kept.take(languages=("nl",), fingers=(2,), biometrics_enabled=True)
        assert resumed is not None and resumed.step is Step.PROCESSING
        assert recorder.record(resumed) == flow.intake_id
        with recorder.store.transaction() as session:
            assert session.scalars(select(Intake.id)).all() == [flow.intake_id]
            assert session.query(CaptureRow).count() == 1
    finally:
        recorder.close()
