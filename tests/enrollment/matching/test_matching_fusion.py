"""Fusion of finger scores, person thresholds, V-number verification, calibration arithmetic."""

from __future__ import annotations

import math

import numpy as np
import pytest

from enrollment.errors import MatchingError
from enrollment.matching import FMR_1_IN_10000, fmr_of, fuse, person_threshold, threshold_for, verify
from enrollment.matching.calibration.fit import fit


def test_one_finger_fused_score_is_its_calibrated_rarity():
    assert fuse({2: FMR_1_IN_10000}) == pytest.approx(4.0, abs=0.05)


def test_missing_fingers_and_empty_input():
    assert fuse({}) == 0.0
    strong, weak = 2 * FMR_1_IN_10000, 0.01
    assert fuse({2: strong, 7: strong}) > fuse({2: strong}) > fuse({2: strong, 7: weak}) > 0
    assert fuse({2: weak, 7: weak}) < 1.0


def test_fused_score_is_fishers_method():
    f1, f2 = fmr_of(0.03), fmr_of(0.025)
    e = -math.log(f1) - math.log(f2)
    assert fuse({1: 0.03, 2: 0.025}) == pytest.approx(-math.log10(math.exp(-e) * (1 + e)), rel=1e-9)


def test_multiplicity_of_unknown_positions_costs_evidence():
    assert fuse({0: 0.03}, {0: 10}) < fuse({0: 0.03})


def test_person_threshold_grows_with_gallery():
    assert person_threshold(1e-4) == pytest.approx(4.0)
    assert person_threshold(1e-3, 100_000) == pytest.approx(8.0)
    with pytest.raises(ValueError):
        person_threshold(0.0)


def test_fmr_and_threshold_are_inverse():
    for fmr in (1e-2, 1e-3, 1e-4, 1e-5, 1e-7):
        assert fmr_of(threshold_for(fmr)) == pytest.approx(fmr, rel=1e-6)
    assert fmr_of(-1.0) == 1.0


def test_fit_recovers_an_exponential_tail():
    rng = np.random.default_rng(3)
    scores = rng.exponential(0.01, 200_000)  # FMR(s) = exp(-s / 0.01): log10 slope -43.4 per unit score
    cal = fit(scores)
    assert cal.slope == pytest.approx(-1 / (0.01 * math.log(10)), rel=0.2)
    assert cal.threshold(1e-4) == pytest.approx(-0.01 * math.log(1e-4), rel=0.1)
    assert cal.threshold(1e-6) == pytest.approx(-0.01 * math.log(1e-6), rel=0.2)
    with pytest.raises(ValueError):
        fit(scores[:100])


def test_verify_accepts_the_same_person_and_rejects_another(rng, make_finger, impression):
    held = {2: make_finger(rng, 2), 7: make_finger(rng, 7)}
    live = {pos: impression(t, rng) for pos, t in held.items()}
    result = verify(live, held)
    assert result.decision and result.fused_score >= result.threshold == pytest.approx(4.0)
    assert set(result.per_finger) == {2, 7}
    other = {2: make_finger(rng, 2), 7: make_finger(rng, 7)}
    assert not verify(other, held).decision
    assert verify({2: live[2], 3: make_finger(rng, 3)}, held).per_finger.keys() == {2}
    with pytest.raises(MatchingError):
        verify({4: live[2]}, held)
