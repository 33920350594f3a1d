"""The officer's side-by-side evidence of one candidate at the service layer: a real record (SQLite) with a
returning person enrolled earlier from other impressions of the same synthetic fingers, a real 1:N search stored
as the kiosk stores it; the evidence reproduces the search's scores, the pairs reproduce each score, the view is
audited without biometric data, and the intake worker is refused."""

from __future__ import annotations

import io
import math

import pytest
from PIL import Image

from enrollment import identification
from enrollment.access.errors import NotFound, RoleRefused
from enrollment.audit.entries import Kind
from enrollment.consent import consent_text
from enrollment.extraction import extract
from enrollment.records import intakes
from enrollment.records.enrolled_prints import enrolled_prints
from enrollment.records.intake_reads import person_id_of
from enrollment.records.locations import DEFAULT_LOCATIONS
from enrollment.records.vocabulary import ConsentDecision
from enrollment.synthesis.generator import render_impression, synthesize_master
from enrollment.template import deserialize, serialize
from tests.enrollment.access.conftest import PIN, entries, raw_log

SEED = 7077
FINGERS = (2, 7)


def _prints(finger: int, position: int, impressions: range) -> list[tuple[bytes, bytes]]:
    """(template, PNG image) of each impression."""
    master = synthesize_master(SEED, finger)
    made = []
    for i in impressions:
        image = render_impression(master, SEED, i).image
        png = io.BytesIO()
        Image.fromarray(image).save(png, format="PNG")
        made.append((serialize(extract(image, dpi=500, finger_position=position)), png.getvalue()))
    return made


def _enroll(session, prints: dict[int, list[tuple[bytes, bytes]]], *, images: bool = False):  # type: ignore[no-untyped-def]
    intake = intakes.start_intake(session, location_id="rotterdam", kiosk_id="gallery", v_number=None)
    text = consent_text("en")
    intakes.record_consent(session, intake, language="en", text_version=text.version, text=text.text,
                           decision=ConsentDecision.GIVEN)
    for position, made in prints.items():
        for quality, (blob, png) in zip((60, 80, 80), made, strict=False):
            intakes.add_capture(session, intake, finger_position=position, quality=quality, template=blob,
                                image=png if images and position == FINGERS[0] else None, device_id="sim:1")
    return intake


@pytest.fixture(scope="module")
def synthetic():
    """Earlier visit: impressions 3..4 of the person's two fingers; today: impressions 0..2; a filler finger."""
    return ({pos: _prints(f, pos, range(3, 5)) for f, pos in enumerate(FINGERS)},
            {pos: _prints(f, pos, range(0, 3)) for f, pos in enumerate(FINGERS)},
            {pos: _prints(f + 2, pos, range(0, 1)) for f, pos in enumerate(FINGERS)})


@pytest.fixture
def searched(store, synthetic):  # type: ignore[no-untyped-def]
    """(today's intake id, the returning person's id, the search as stored)."""
    earlier, today, filler = synthetic
    with store.transaction() as s:
        intakes.sync_locations(s, DEFAULT_LOCATIONS)
        person = person_id_of(s, _enroll(s, earlier))
        _enroll(s, filler)
        index, locations = identification.build_index(enrolled_prints(s))
        intake = _enroll(s, today, images=True)  # the first finger's images kept
        # the probe as the kiosk makes it: the best-quality impression, the first of equal quality (the 2nd here)
        probe = {pos: deserialize(made[1][0]) for pos, made in today.items()}
        found = identification.search(index, locations, probe)
        intakes.add_identification(s, intake, decision=found.decision, threshold_name="FMR_1_IN_10000_PER_SEARCH",
                                   gallery_size=found.gallery_persons, candidates=found.candidates)
        return intake.id, person, found, today


def test_the_officer_sees_the_candidates_prints_beside_the_intakes_and_the_pairs_make_the_scores(
        service, log, searched):
    intake_id, person, found, today = searched
    assert found.candidates and found.candidates[0]["person_id"] == person
    officer = service.login("officer", PIN["officer"])
    evidence = service.view_match_evidence(officer, intake_id, person)
    assert evidence.rank == 1 and evidence.recorded == found.candidates[0]
    assert [f.finger_position for f in evidence.fingers] == list(FINGERS)
    for finger in evidence.fingers:
        # the search's per-finger score, reproduced from the prints shown, and made of the pairs shown
        assert round(finger.score, 4) == found.candidates[0]["per_finger_mcc"][str(finger.finger_position)]
        assert math.fsum(p.contribution for p in finger.explanation.pairs) == pytest.approx(finger.score, abs=1e-12)
        assert len(finger.explanation.pairs) == finger.explanation.divisor  # mated prints: a full set of pairs
        assert finger.compared == 2 and finger.gallery.image is None
        # the probe's image where it was kept, opened from its sealed field as stored
        assert finger.probe.image == (today[FINGERS[0]][1][1] if finger.finger_position == FINGERS[0] else None)
        assert all(p.probe < len(finger.probe.template) and p.gallery < len(finger.gallery.template)
                   for p in finger.explanation.pairs)
    assert round(evidence.fused_score, 3) == found.candidates[0]["fused_neg_log10_fmr"]
    viewed = [e for e in entries(log) if e.kind is Kind.EVIDENCE_VIEW]
    assert [(e.actor, e.subject, dict(e.details)) for e in viewed] == [
        (officer.account_id, intake_id, {"view": "prints-side-by-side", "candidate_rank": 1, "fingers": 2})]
    assert person.encode() not in raw_log(log)


def test_the_intake_worker_is_refused_and_nothing_is_shown_or_logged_as_a_view(service, log, searched):
    intake_id, person, _, _ = searched
    worker = service.login("worker", PIN["worker"])
    with pytest.raises(RoleRefused, match="intake_worker role may not view evidence"):
        service.view_match_evidence(worker, intake_id, person)
    assert not any(e.kind is Kind.EVIDENCE_VIEW for e in entries(log))


def test_only_a_candidate_of_the_hit_can_be_shown(service, searched):
    intake_id, _, _, _ = searched
    officer = service.login("officer", PIN["officer"])
    with pytest.raises(NotFound, match="no candidate 'someone-else' in the latest hit of intake"):
        service.view_match_evidence(officer, intake_id, "someone-else")
