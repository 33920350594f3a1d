"""A returning person, enrolled as the kiosk enrols (``IMPRESSIONS_PER_FINGER`` impressions of each finger,
rendered and extracted), is found first by the kiosk's search in a 10,000-person gallery (issue 12 item 3)."""

from __future__ import annotations

import pytest

from enrollment import identification
from enrollment.evaluation.identification import background_index
from enrollment.evaluation.parameters import PROBE_POSITIONS
from enrollment.extraction import extract
from enrollment.matching.parameters import IMPRESSIONS_PER_FINGER
from enrollment.records.vocabulary import IdentificationDecision
from enrollment.synthesis.generator import render_impression, synthesize_master

SEED = 20261204
PERSONS = 3  # returning persons searched (each its own synthetic master fingers)
LATER = 7  # the impression given at the return visit (impressions 0..K-1 were enrolled)


def _template(person: int, finger: int, impression: int, position: int):
    image = render_impression(synthesize_master(SEED + person, finger), SEED + person, impression).image
    return extract(image, dpi=500, finger_position=position)


@pytest.mark.slow
def test_a_returning_person_enrolled_with_the_kiosks_impressions_is_found_first_among_10000():
    index = background_index(10_000)
    for person in range(PERSONS):
        for finger, position in enumerate(PROBE_POSITIONS):
            for impression in range(IMPRESSIONS_PER_FINGER):
                index.add(f"returning-{person}", position, _template(person, finger, impression, position))
    assert index.subjects == 10_000 + PERSONS
    for person in range(PERSONS):
        probe = {position: _template(person, finger, LATER, position)
                 for finger, position in enumerate(PROBE_POSITIONS)}
        found = identification.search(index, {}, probe)
        assert found.decision is IdentificationDecision.HIT
        assert found.gallery_persons == 10_000 + PERSONS
        assert found.candidates[0]["person_id"] == f"returning-{person}"
        assert found.candidates[0]["fused_neg_log10_fmr"] >= found.threshold
