"""The fitted impostor tail: knots (score, log10 FMR), the generalised Pareto model past the empirical ones,
and the slope beyond the last knot (steps 3-4 of the protocol in :mod:`enrollment.matching.calibration`)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from enrollment.matching.fmr_curve import fmr_of, threshold_for

KNOT_MIN_SAMPLES = 100  # an empirical knot needs this many impostors above it (10 % relative standard error)
TAIL_SAMPLES = 1000  # the generalised Pareto tail is fitted to the exceedances of the highest impostors: at most
TAIL_FRACTION = 0.02  # this many of them, and at most this share of the set (a peaks-over-threshold fit wants
#                       the tail, not the body: 2 % of a real set of 11,520 pairs is 230 impostors)
MIN_IMPOSTORS = 5_000  # fewer impostor scores than this are too few to calibrate (a tail of 100 impostors)
TAIL_KNOTS_TO = -6.0  # knots from the tail model down to FMR 10^-6; beyond, log10 FMR falls with TAIL_SLOPE
EMPIRICAL_FLOOR_SAMPLES = 10  # below the empirical knots, a knot is never below the empirical quantile while
#                               it still has this many impostors above it (the conservative side of the two)


@dataclass(frozen=True)
class TailModel:
    """Generalised Pareto law of the impostor scores above ``threshold`` (the top ``rate`` of all impostors)."""

    threshold: float
    rate: float
    shape: float  # xi: 0 is an exponential tail, > 0 heavier, < 0 bounded
    scale: float  # sigma

    def score(self, fmr: float) -> float:
        """The score an impostor reaches with probability ``fmr`` (<= ``rate``) under the model."""
        ratio = fmr / self.rate
        if abs(self.shape) < 1e-9:
            return self.threshold - self.scale * math.log(ratio)
        return self.threshold + self.scale / self.shape * (ratio ** (-self.shape) - 1.0)


@dataclass(frozen=True)
class Calibration:
    """Knots (score, log10 FMR) of the impostor tail, the slope past them and the named thresholds."""

    knots: tuple[tuple[float, float], ...]
    slope: float
    impostors: int
    tail: TailModel | None = None

    def fmr(self, score: float) -> float:
        return fmr_of(score, self.knots, self.slope)

    def threshold(self, fmr: float) -> float:
        return threshold_for(fmr, self.knots, self.slope)


def empirical_threshold(descending: np.ndarray, fmr: float) -> float:
    """The score with exactly round(fmr * M) of the M impostors (sorted high to low) at or above it."""
    k = round(fmr * len(descending))
    if k <= 0:
        return float(descending[0]) + 1e-6
    if k >= len(descending):
        return float(descending[-1])
    return float((descending[k - 1] + descending[k]) / 2.0)


def tail_samples(impostors: int) -> int:
    """How many of the highest impostors the tail model is fitted to: ``TAIL_SAMPLES``, or ``TAIL_FRACTION`` of
    a smaller set."""
    return min(TAIL_SAMPLES, round(TAIL_FRACTION * impostors))


def fit_tail(descending: np.ndarray) -> TailModel:
    """Generalised Pareto fit (maximum likelihood) to the exceedances of the :func:`tail_samples` highest
    impostors over the next one (peaks over threshold; Pickands-Balkema-de Haan)."""
    from scipy.stats import genpareto

    n = tail_samples(len(descending))
    u = float(descending[n])
    excess = descending[:n] - u
    shape, _, scale = genpareto.fit(excess, floc=0.0)
    return TailModel(u, n / len(descending), float(shape), float(scale))


def fit(impostor: np.ndarray) -> Calibration:
    """Knots, tail model and slope from an impostor score set (see the module docstring, steps 3-4)."""
    scores = np.sort(np.asarray(impostor, dtype=np.float64))[::-1]
    m = len(scores)
    if m < MIN_IMPOSTORS:
        raise ValueError(f"{m} impostor scores are too few to calibrate (need {MIN_IMPOSTORS})")
    knots: list[tuple[float, float]] = [(float(scores[-1]), 0.0)]
    exponent = -0.5
    while 10.0**exponent * m >= KNOT_MIN_SAMPLES - 1e-9:
        score = empirical_threshold(scores, 10.0**exponent)
        if score > knots[-1][0]:
            knots.append((score, exponent))
        exponent -= 0.5
    tail = fit_tail(scores)
    # Past the empirical knots: the tail model, lifted where needed so it continues from the last knot, and
    # never below the empirical quantile while that still rests on EMPIRICAL_FLOOR_SAMPLES impostors.
    lift = max(0.0, knots[-1][0] - tail.score(10.0 ** knots[-1][1]))
    while exponent >= TAIL_KNOTS_TO - 1e-9:
        f = 10.0**exponent
        score = tail.score(f) + lift
        if f * m >= EMPIRICAL_FLOOR_SAMPLES:
            score = max(score, empirical_threshold(scores, f))
        score = max(score, knots[-1][0] + 1e-6)
        knots.append((score, exponent))
        lift = score - tail.score(f)  # deeper knots continue the model's shape from this one
        exponent -= 0.5
    (s0, l0), (s1, l1) = knots[-2], knots[-1]
    slope = (l1 - l0) / (s1 - s0)
    rounded = tuple((round(s, 6), round(lf, 3)) for s, lf in knots)
    return Calibration(rounded, round(float(slope), 3), m, tail)
