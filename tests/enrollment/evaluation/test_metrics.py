"""Error-rate metrics on hand-made score sets whose answers are known."""

from __future__ import annotations

import math

import numpy as np
import pytest

from enrollment.evaluation.metrics import (
    MetricsError,
    at_fmr,
    det_points,
    equal_error_rate,
    error_curve,
    summarise,
)


def test_perfect_separation_has_zero_eer_and_zero_fnmr_at_zero_fmr():
    curve = error_curve([3.0, 4.0, 5.0], [1.0, 2.0])
    assert equal_error_rate(curve).eer == 0.0
    zero = at_fmr(curve, 0.0)
    assert zero.fnmr == 0.0 and zero.fmr == 0.0
    assert zero.threshold == 3.0  # the smallest threshold above every impostor


@pytest.mark.parametrize(
    "scores",
    [[1.0, 2.0], [1.0, 2.0, 3.0], [5.0, 5.0, 5.0], list(np.random.default_rng(7).normal(size=501))],
)
def test_identical_distributions_have_eer_one_half(scores):
    assert equal_error_rate(error_curve(scores, scores)).eer == pytest.approx(0.5)


def test_reversed_scores_have_eer_one():
    assert equal_error_rate(error_curve([1.0, 2.0], [3.0, 4.0])).eer == pytest.approx(1.0)


def test_hand_computed_example():
    genuine = [0.2, 0.5, 0.7, 0.9]
    impostor = [0.1, 0.3, 0.5, 0.6]
    curve = error_curve(genuine, impostor)
    # candidates 0.1 0.2 0.3 0.5 0.6 0.7 0.9 and one above 0.9
    assert list(curve.thresholds[:-1]) == [0.1, 0.2, 0.3, 0.5, 0.6, 0.7, 0.9]
    assert list(curve.fmr) == [1.0, 0.75, 0.75, 0.5, 0.25, 0.0, 0.0, 0.0]
    assert list(curve.fnmr) == [0.0, 0.0, 0.25, 0.25, 0.5, 0.5, 0.75, 1.0]
    eer = equal_error_rate(curve)
    assert eer.eer == pytest.approx(0.375)  # halfway between (0.5, 0.25) at 0.5 and (0.25, 0.5) at 0.6
    assert eer.threshold == pytest.approx(0.55)
    p = at_fmr(curve, 0.25)
    assert (p.threshold, p.fmr, p.fnmr) == (0.6, 0.25, 0.5)
    p = at_fmr(curve, 0.4)  # no threshold gives exactly 0.4: the next lower FMR is taken
    assert (p.threshold, p.fmr, p.fnmr) == (0.6, 0.25, 0.5)
    p = at_fmr(curve, 0.5)  # at t = 0.5 the impostor scoring 0.5 is a false match (score >= t)
    assert (p.threshold, p.fmr, p.fnmr) == (0.5, 0.5, 0.25)
    zero = at_fmr(curve, 0.0)
    assert (zero.threshold, zero.fmr, zero.fnmr) == (0.7, 0.0, 0.5)


def test_eer_is_the_interpolated_crossing_inside_fvcs_interval():
    """Worked by hand. Candidates and (FMR, FNMR): 0.1 (1, 0), 0.2 (3/4, 0), 0.3 (3/4, 1/3), 0.5 (1/2, 1/3),
    0.6 (1/4, 2/3), ... FNMR first reaches FMR at 0.6; FMR - FNMR is 1/6 at 0.5 and -5/12 at 0.6, so the lines
    meet 2/7 of the way: EER = 1/2 - (2/7)(1/4) = 3/7 = 1/3 + (2/7)(1/3), at t = 0.5 + (2/7)(0.1). FVC's interval
    is [FNMR, FMR] at 0.5 = [1/3, 1/2] (its midpoint, 5/12, was what ``zuil calibrate`` printed before it used
    this function)."""
    eer = equal_error_rate(error_curve([0.2, 0.5, 0.9], [0.1, 0.3, 0.5, 0.6]))
    assert eer.eer == pytest.approx(3 / 7, abs=1e-12) and eer.threshold == pytest.approx(0.5 + 0.2 / 7, abs=1e-12)
    assert 1 / 3 <= eer.eer <= 1 / 2


def test_ties_with_impostors_are_handled_conservatively():
    genuine = [0.5, 0.9]
    impostor = [0.1, 0.5, 0.5, 0.5]
    p = at_fmr(error_curve(genuine, impostor), 0.5)
    # t = 0.5 would accept all three tied impostors (FMR 0.75): the tie cannot be split, so t moves above it
    assert p.threshold == 0.9 and p.fmr == 0.0 and p.fnmr == 0.5


def test_target_below_resolution_equals_zero_fmr():
    rng = np.random.default_rng(3)
    genuine, impostor = rng.normal(2, 1, 200), rng.normal(0, 1, 300)
    curve = error_curve(genuine, impostor)
    low, zero = at_fmr(curve, 1e-4), at_fmr(curve, 0.0)  # 300 impostors resolve FMR only to 1/300
    assert (low.threshold, low.fmr, low.fnmr) == (zero.threshold, zero.fmr, zero.fnmr)


def test_curves_are_monotone_and_det_points_match():
    rng = np.random.default_rng(11)
    curve = error_curve(rng.normal(1, 1, 300).round(1), rng.normal(0, 1, 400).round(1))
    assert np.all(np.diff(curve.fmr) <= 0) and np.all(np.diff(curve.fnmr) >= 0)
    assert curve.fmr[0] == 1.0 and curve.fmr[-1] == 0.0 and curve.fnmr[-1] == 1.0
    fmr, fnmr = det_points(curve)
    assert np.array_equal(fmr, curve.fmr) and np.array_equal(fnmr, curve.fnmr)


def test_failure_scores_count_as_rejections():
    curve = error_curve([-math.inf, 3.0, 4.0], [-math.inf, 1.0])
    zero = at_fmr(curve, 0.0)
    assert zero.threshold == 3.0 and zero.fnmr == pytest.approx(1 / 3)
    assert 0.0 <= equal_error_rate(curve).eer <= 1 / 3


def test_summary_and_errors():
    s = summarise([0.2, 0.5, 0.7, 0.9], [0.1, 0.3, 0.5, 0.6], [0.25, 0.01])
    assert s.genuine_count == 4 and s.impostor_count == 4
    assert [p.target_fmr for p in s.points] == [0.25, 0.01]
    with pytest.raises(MetricsError, match="no genuine"):
        error_curve([], [1.0])
    with pytest.raises(MetricsError, match="NaN"):
        error_curve([1.0], [math.nan])
    with pytest.raises(MetricsError, match="outside"):
        at_fmr(error_curve([1.0], [0.0]), 2.0)


def test_rates_at_a_fixed_threshold():
    from enrollment.evaluation.metrics import rates_at

    assert rates_at(np.array([0.2, 0.5, 0.7, 0.9]), np.array([0.1, 0.3, 0.5, 0.6]), 0.5) == (0.5, 0.25)
