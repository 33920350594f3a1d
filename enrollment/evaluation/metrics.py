"""Error rates from genuine and impostor scores: EER, FNMR at a target FMR, FNMR at zero FMR, DET points.

Conventions (higher score = more similar; a comparison is *accepted* when ``score >= t``):

- ``FMR(t)``  = fraction of impostor scores ``>= t`` (ties with the threshold count as false matches);
- ``FNMR(t)`` = fraction of genuine scores ``< t``.

Both are step functions that only change at observed scores, so they are evaluated on the *candidate
thresholds*: every distinct observed score plus one value just above the largest (where everything is
rejected). Any real threshold gives the same (FMR, FNMR) pair as one of the candidates.

- **Threshold at a target FMR**: the smallest candidate ``t`` with ``FMR(t) <= target``. Because ties count as
  matches, a block of impostors tied at one score is either wholly accepted or wholly rejected: ties never let
  the reported FMR fall below the truth (the conservative reading). FNMR is reported at that ``t``.
- **FNMR at zero FMR**: the same with target 0 (the smallest threshold above every impostor score).
- **EER**: walk the candidates upwards; FMR falls and FNMR rises. At the first candidate where
  ``FNMR >= FMR`` the curves have met: if they are equal there, that is the EER; otherwise both curves are
  linearly interpolated between this candidate and the previous one and the EER is their common value at the
  crossing. Perfect separation gives 0; identical score distributions give 0.5. (FVC reports the interval
  [EER_low, EER_high] and its midpoint; the interpolated crossing lies within that interval, and differs from
  the midpoint when the steps on either side are unequal.) This is the project's one EER: ``zuil bench
  accuracy``, the DET plot and ``zuil calibrate`` all report :func:`equal_error_rate`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from enrollment.errors import EnrollmentError


class MetricsError(EnrollmentError, ValueError):
    """Error rates cannot be computed from the scores given (no genuine or no impostor scores, NaN)."""


@dataclass(frozen=True)
class ErrorCurve:
    """FMR and FNMR at every candidate threshold, thresholds ascending (FMR falls, FNMR rises)."""

    thresholds: np.ndarray
    fmr: np.ndarray
    fnmr: np.ndarray
    genuine_count: int
    impostor_count: int


@dataclass(frozen=True)
class OperatingPoint:
    """The threshold chosen for a target FMR and the error rates there."""

    target_fmr: float
    threshold: float
    fmr: float
    fnmr: float


@dataclass(frozen=True)
class EqualErrorRate:
    eer: float
    threshold: float


def _scores(values: Sequence[float] | np.ndarray, what: str) -> np.ndarray:
    array = np.asarray(values, dtype=np.float64).reshape(-1)
    if array.size == 0:
        raise MetricsError(f"no {what} scores: error rates need at least one genuine and one impostor score")
    if np.isnan(array).any():
        raise MetricsError(f"{int(np.isnan(array).sum())} {what} score(s) are NaN")
    return array


def error_curve(genuine: Sequence[float] | np.ndarray, impostor: Sequence[float] | np.ndarray) -> ErrorCurve:
    """FMR and FNMR at every candidate threshold (see the module docstring)."""
    gen = np.sort(_scores(genuine, "genuine"))
    imp = np.sort(_scores(impostor, "impostor"))
    distinct = np.unique(np.concatenate([gen, imp]))
    top = distinct[-1]
    above = np.nextafter(top, math.inf) if math.isfinite(top) else math.inf
    thresholds = np.append(distinct, above) if above != top else distinct
    # FMR(t): impostors >= t, i.e. all minus those strictly below t.
    fmr = 1.0 - np.searchsorted(imp, thresholds, side="left") / imp.size
    fnmr = np.searchsorted(gen, thresholds, side="left") / gen.size
    if thresholds[-1] == top:  # top is +inf: nothing lies above it, add a point where everything is rejected
        thresholds = np.append(thresholds, math.inf)
        fmr = np.append(fmr, 0.0)
        fnmr = np.append(fnmr, 1.0)
    return ErrorCurve(thresholds, fmr, fnmr, int(gen.size), int(imp.size))


def equal_error_rate(curve: ErrorCurve) -> EqualErrorRate:
    """The EER at the interpolated crossing of FMR and FNMR, and the (interpolated) threshold there."""
    diff = curve.fmr - curve.fnmr  # > 0 before the crossing, <= 0 from it on
    k = int(np.argmax(diff <= 0))
    if diff[k] == 0 or k == 0:
        return EqualErrorRate(float(curve.fnmr[k]), float(curve.thresholds[k]))
    d0, d1 = diff[k - 1], diff[k]
    lam = d0 / (d0 - d1)
    eer = curve.fmr[k - 1] + lam * (curve.fmr[k] - curve.fmr[k - 1])
    t0, t1 = curve.thresholds[k - 1], curve.thresholds[k]
    threshold = t0 + lam * (t1 - t0) if math.isfinite(t0) and math.isfinite(t1) else t1
    return EqualErrorRate(float(eer), float(threshold))


def at_fmr(curve: ErrorCurve, target: float) -> OperatingPoint:
    """The smallest candidate threshold whose FMR is at most ``target``, with FMR and FNMR there."""
    if not 0.0 <= target <= 1.0:
        raise MetricsError(f"target FMR {target} outside 0..1")
    k = int(np.argmax(curve.fmr <= target))  # FMR falls monotonically; the last candidate has FMR 0
    return OperatingPoint(target, float(curve.thresholds[k]), float(curve.fmr[k]), float(curve.fnmr[k]))


def rates_at(genuine: np.ndarray, impostor: np.ndarray, threshold: float) -> tuple[float, float]:
    """(FMR, FNMR) at a fixed threshold, e.g. one the matcher ships with (same conventions as above)."""
    gen, imp = _scores(genuine, "genuine"), _scores(impostor, "impostor")
    return float(np.mean(imp >= threshold)), float(np.mean(gen < threshold))


def det_points(curve: ErrorCurve) -> tuple[np.ndarray, np.ndarray]:
    """(FMR, FNMR) pairs of the DET curve, one per candidate threshold, FMR descending."""
    return curve.fmr.copy(), curve.fnmr.copy()


@dataclass(frozen=True)
class Summary:
    """Everything ``zuil bench accuracy`` reports for one engine."""

    eer: EqualErrorRate
    points: tuple[OperatingPoint, ...]  # the FMR targets, in the order asked
    zero_fmr: OperatingPoint
    genuine_count: int
    impostor_count: int


def summarise(
    genuine: Sequence[float] | np.ndarray, impostor: Sequence[float] | np.ndarray, targets: Sequence[float]
) -> Summary:
    curve = error_curve(genuine, impostor)
    return Summary(
        eer=equal_error_rate(curve),
        points=tuple(at_fmr(curve, t) for t in targets),
        zero_fmr=at_fmr(curve, 0.0),
        genuine_count=curve.genuine_count,
        impostor_count=curve.impostor_count,
    )
