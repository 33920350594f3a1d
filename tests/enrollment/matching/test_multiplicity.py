"""The effective multiplicity of best-of-k enrolled impressions: the measurement, and what fusion does with it."""

from __future__ import annotations

import math

import numpy as np
import pytest

from enrollment.matching import fmr_of, fuse, threshold_for
from enrollment.matching.calibration.multiplicity import Level, best_of_k, deepest
from enrollment.matching.fusion import finger_fmr
from enrollment.matching.parameters import IMPRESSIONS_PER_FINGER

FINGERS, IMPRESSIONS = 30, 8
KS = (1, 2, 3, 4)
LEVELS = [(f, f) for f in (0.9, 0.97, 0.99)]  # scores uniform on [0, 1]: the score at FMR x is 1 - x


def _labels() -> list[str]:
    return [f"S/{finger}" for finger in range(FINGERS) for _ in range(IMPRESSIONS)]


def _levels(matrix: np.ndarray) -> list[Level]:
    return best_of_k(matrix, _labels(), KS, [(1 - f, score) for f, score in LEVELS])


def test_independent_impressions_count_fully():
    rng = np.random.default_rng(11)
    n = FINGERS * IMPRESSIONS
    matrix = rng.random((n, n))
    matrix = np.triu(matrix, 1) + np.triu(matrix, 1).T
    levels = _levels(matrix)
    for level in levels:
        for k in KS:
            assert level.effective(k) == pytest.approx(k, rel=0.15)
    assert deepest(levels).fmr == pytest.approx(0.01)


def test_identical_impressions_count_once():
    """An impostor probe that reaches one impression of a finger reaches them all: k' = 1 whatever k."""
    rng = np.random.default_rng(12)
    per_finger = rng.random((FINGERS * IMPRESSIONS, FINGERS))
    matrix = np.repeat(per_finger, IMPRESSIONS, axis=1)  # probe p against every impression of finger B alike
    levels = _levels(matrix)
    for level in levels:
        assert all(level.effective(k) == pytest.approx(1.0) for k in KS)


def test_prints_of_other_sets_and_the_probes_own_finger_are_not_impostors():
    labels = ["A/1", "A/1", "A/2", "A/2", "B/1", "B/1"]
    matrix = np.full((6, 6), np.nan)
    matrix[np.ix_([0, 1], [2, 3])] = matrix[np.ix_([2, 3], [0, 1])] = 0.5  # the only impostors: A/1 with A/2
    (level,) = best_of_k(matrix, labels, (1, 2), [(0.1, 0.4)])
    assert level.single == 1.0 and level.exceeding == 8 and level.best_of[2] == 1.0


def test_the_verdict_is_read_at_the_rarest_level_with_enough_comparisons():
    thin = Level(1e-3, 0.05, 0.001, 3, {2: 0.002})
    used = Level(1e-2, 0.03, 0.01, 200, {2: 0.015})
    assert deepest([used, thin]) is used
    assert used.effective(2) == pytest.approx(math.log1p(-0.015) / math.log1p(-0.01))
    with pytest.raises(ValueError):
        deepest([thin])


def test_impressions_of_one_finger_count_as_independent_comparisons():
    """What the measurement on FVC2002 B supports (fusion.py): the best of k impressions is corrected with k."""
    score, k = threshold_for(1e-4), IMPRESSIONS_PER_FINGER
    assert finger_fmr(score, k) == pytest.approx(-math.expm1(k * math.log1p(-fmr_of(score))))
    assert fuse({2: score}, {2: k}) == fuse({0: score}, {0: k}) < fuse({2: score})


def test_the_score_matrix_holds_each_impostor_pair_of_a_set_both_ways(rng, make_finger, impression):
    from enrollment.matching.calibration.multiplicity import set_matrix
    from enrollment.matching.matcher import match

    fingers = {label: make_finger(rng) for label in ("A/1", "A/2", "B/1")}
    labelled = [(label, impression(t, rng)) for label, t in fingers.items() for _ in range(2)]
    matrix, labels = set_matrix(labelled)
    assert labels == ["A/1", "A/1", "A/2", "A/2", "B/1", "B/1"]
    for i, (la, a) in enumerate(labelled):
        for j, (lb, b) in enumerate(labelled):
            if la != lb and la[0] == lb[0]:  # different fingers of one set: the calibration's score of the pair
                first, second = (a, b) if i < j else (b, a)  # (the matcher is symmetric only to about 1 %)
                assert matrix[i, j] == matrix[j, i] == match(first, second)
            else:  # the same finger, another set, the diagonal: never an impostor pair
                assert np.isnan(matrix[i, j])
