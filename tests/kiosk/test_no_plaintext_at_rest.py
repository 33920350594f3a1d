"""After ``zuil demo`` and after an intake driven through the intake flow, no template, image or V-number the kiosk
wrote is anywhere in the data folder in the clear: not in the SQLite file, its WAL or shared memory, nor any other
file (nor a 32-byte slice of any template or image). Nor is free text people typed: a consent refusal's reason, a
withdrawal's reason, an officer's reason for a decision and note on a contra-indication (nor a 32-byte slice of
any), which the officer's view and the person's own export still show."""

from __future__ import annotations

import json

import numpy as np
import pytest
from click.testing import CliRunner
from sqlalchemy import select

from enrollment.access import decisions
from enrollment.consent import consent_text
from enrollment.extraction import extract
from enrollment.keys.demo_keys import open_demo_keys
from enrollment.matching.parameters import IMPRESSIONS_PER_FINGER
from enrollment.records import consents, intakes
from enrollment.records.intake_reads import capture_image, capture_template
from enrollment.records.models import CaptureRow, Intake
from enrollment.records.store import RecordStore
from enrollment.records.subject_record import intakes_of_intake, subject_record
from enrollment.records.vocabulary import ConsentDecision, ContraIndication, OfficerDecision
from enrollment.settings import Settings
from enrollment.synthesis.generator import render_impression, synthesize_master
from enrollment.template import serialize
from kiosk.cli import main
from kiosk.flow import IntakeFlow

SLICE = 32


def _on_disk(folder) -> bytes:  # type: ignore[no-untyped-def]
    return b"\x00".join(path.read_bytes() for path in folder.rglob("*") if path.is_file())  # the WAL among them


def _fragments(blob: bytes) -> list[bytes]:
    return [blob] + [blob[start:start + SLICE] for start in range(0, max(len(blob) - SLICE, 1), SLICE)]


def _assert_none_in(folder, v_numbers: list[str], blobs: list[bytes]) -> None:  # type: ignore[no-untyped-def]
    disk = _on_disk(folder)
    assert b"LVV Utrecht" in disk  # the search reads what is stored in the clear (the locations)
    for v_number in v_numbers:
        for form in (v_number, f"{v_number[:4]} {v_number[4:7]} {v_number[7:]}"):
            assert form.encode() not in disk and form.encode("utf-16-le") not in disk, "a V-number in the clear"
    assert blobs
    for blob in blobs:
        found = [fragment for fragment in _fragments(blob) if len(set(fragment)) > 4 and fragment in disk]
        assert not found, f"{len(found)} fragments of a {len(blob)}-byte template or image in the clear"


def _written(store: RecordStore) -> list[bytes]:
    with store.transaction() as session:
        captures = list(session.scalars(select(CaptureRow)))
        return [blob for c in captures for blob in (capture_template(session, c), capture_image(session, c)) if blob]


@pytest.mark.timeout(900)  # only for hangs: the demo builds its gallery and compiles the matcher on a cold machine
def test_after_the_demo_no_template_or_v_number_is_on_disk(tmp_path, monkeypatch):
    monkeypatch.delenv("ZUIL_CONFIG", raising=False)
    data = tmp_path / "data"
    result = CliRunner().invoke(main, ["--data-dir", str(data), "demo", "--gallery-persons", "8"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    demo = data / "demo"
    store = RecordStore(Settings(data_dir=demo).database, open_demo_keys(demo))
    try:
        written = _written(store)
        # the gallery (one print per finger), the earlier visit and the intake (the kiosk's impressions of each of
        # the two fingers)
        assert len(written) == 2 * 8 + 2 * 2 * IMPRESSIONS_PER_FINGER
        _assert_none_in(data, [summary["v_number"]], written)
    finally:
        store.close()
    _assert_none_in(data, [summary["v_number"]], written)  # and once the store is closed


def test_after_an_intake_through_the_flow_no_template_image_or_v_number_is_on_disk(tmp_path, keyring):
    settings = Settings(data_dir=tmp_path / "data")
    flow = IntakeFlow(languages=("en", "nl"), fingers=(2, 7), impressions_per_finger=1)  # one image per finger
    flow.choose_language("en")
    flow.acknowledge_information()
    flow.give_consent([[(0.1, 0.1), (0.9, 0.9)]])
    flow.enter_vnumber("2718 281 828")
    images: dict[int, bytes] = {}
    for index, position in enumerate(flow.fingers):
        image = render_impression(synthesize_master(11, index), 11, 0).image
        images[position] = np.ascontiguousarray(image).tobytes()
        template = extract(image, dpi=500, finger_position=position)
        flow.capture_succeeded(position, quality=template.quality, template=serialize(template))
    store = RecordStore(settings.database, keyring)
    try:
        with store.transaction() as session:
            intakes.sync_locations(session, settings.locations)
            intake = intakes.start_intake(session, location_id="utrecht", kiosk_id="zuil-utr-01", v_number=flow.vnumber)
            text = consent_text(flow.language)
            intakes.record_consent(session, intake, language=flow.language, text_version=text.version,
                                   text=text.text, decision=flow.consent, signature_strokes=flow.signature_strokes)
            for position, outcome in flow.captured.items():
                intakes.add_capture(session, intake, finger_position=position, quality=outcome.quality,
                                    template=outcome.template, image=images[position], device_id="sim")
        written = _written(store)
        assert sorted(written) == sorted([o.template for o in flow.captured.values()] + list(images.values()))
        _assert_none_in(tmp_path / "data", ["2718281828"], written)
    finally:
        store.close()
    _assert_none_in(tmp_path / "data", ["2718281828"], written)


TYPED = {  # what a participant or an officer might type; each longer than a slice, with a name and health data
    "refusal": "Ik weiger want mijn arts dr. Annelies Brouwer zegt dat mijn hepatitis C eerst moet genezen",
    "withdrawal": "Withdrawn after talking to lawyer Pieter van Oordt about the asylum appeal of my brother",
    "decision": "Officer Karin Smits: applicant matches record of earlier conviction in Rotterdam, 2019",
    "note": "Subject Mohammed el Amrani reports PTSD treatment at GGZ Drenthe since March",
}


def _assert_no_text_in(folder) -> None:  # type: ignore[no-untyped-def]
    disk = _on_disk(folder)
    assert b"LVV Utrecht" in disk  # the search reads what is stored in the clear (the locations)
    for what, typed in TYPED.items():
        for encoded in (typed.encode("utf-8"), typed.encode("utf-16-le")):
            found = [fragment for fragment in _fragments(encoded) if fragment in disk]
            assert not found, f"{len(found)} fragments of the {what} text in the clear"


def test_reasons_and_notes_people_typed_are_not_on_disk_and_still_read(tmp_path, keyring):
    settings = Settings(data_dir=tmp_path / "data")
    store = RecordStore(settings.database, keyring)
    shown = consent_text("en")
    try:
        with store.transaction() as session:
            intakes.sync_locations(session, settings.locations)
            refused = intakes.start_intake(session, location_id="utrecht", kiosk_id="k", v_number=None)
            intakes.record_consent(session, refused, language="en", text_version=shown.version, text=shown.text,
                                   decision=ConsentDecision.REFUSED, refusal_reason=TYPED["refusal"])
            given = intakes.start_intake(session, location_id="utrecht", kiosk_id="k", v_number=None)
            intakes.record_consent(session, given, language="en", text_version=shown.version, text=shown.text,
                                   decision=ConsentDecision.GIVEN, signature_strokes=[[(0.1, 0.1), (0.9, 0.9)]])
            intakes.add_officer_decision(session, given, officer_id="o-1", role="officer",
                                         decision=OfficerDecision.REFER_TO_LSO, reason=TYPED["decision"])
            intakes.flag_contra_indication(session, given, ContraIndication.DUBLIN_CLAIMANT, recorded_by="o-1",
                                           note=TYPED["note"])
            refused_id, given_id = refused.id, given.id
        with store.transaction() as session:
            consents.withdraw_consent(session, given_id, reason=TYPED["withdrawal"])
        _assert_no_text_in(tmp_path / "data")
        with store.transaction() as session:  # the officer's view and the person's export open them
            (view,) = decisions.views(session, session.get(Intake, given_id))
            assert view.reason == TYPED["decision"]
            first = subject_record(session, intakes_of_intake(session, refused_id))["intakes"][0]
            second = subject_record(session, intakes_of_intake(session, given_id))["intakes"][0]
        assert [c["reason"] for c in first["consent_records"]] == [TYPED["refusal"]]
        assert [c["reason"] for c in second["consent_records"]] == [None, TYPED["withdrawal"]]
        assert [d["reason"] for d in second["officer_decisions"]] == [TYPED["decision"]]
        assert [f["note"] for f in second["contra_indications"]] == [TYPED["note"]]
    finally:
        store.close()
    _assert_no_text_in(tmp_path / "data")  # and once the store is closed
