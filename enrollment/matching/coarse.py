"""Coarse features for 1:N pre-selection: a bit vector of quantised minutia-pair geometry per template.

Every ordered pair of minutiae (i, j) between PAIR_MIN_DISTANCE and PAIR_MAX_DISTANCE apart gives a feature
that neither moves nor turns with the finger: the quantised distance, the direction of j relative to i's, and
the angle at which j is seen from i (relative to i's direction). Each feature is hashed to one of COARSE_BITS
bits. A gallery template sets the bit of its exact bins ("hard"); a probe sets the bits of the two nearest
bins along each of the three axes ("soft", 8 per pair), so that a feature near a bin edge still meets its mate.
The coarse score of a probe against a gallery template is how far their common bits exceed what chance gives
for the probe's bit density (a z-score), computed for the whole gallery at once with a popcount kernel.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit

from enrollment.matching import parameters as p
from enrollment.matching._bits import TWO_PI, angle_difference, popcount64
from enrollment.matching.prepared import geometry
from enrollment.template.model import Template

WORDS = p.COARSE_BITS // 64
_DISTANCE_BINS = int(math.ceil((p.PAIR_MAX_DISTANCE - p.PAIR_MIN_DISTANCE) / p.PAIR_DISTANCE_STEP))
_SHIFT = 32 - int(round(math.log2(p.COARSE_BITS)))

if p.COARSE_BITS % 64 or 1 << (32 - _SHIFT) != p.COARSE_BITS:
    raise ValueError("COARSE_BITS must be a power of two and a multiple of 64")


@njit(cache=True, inline="always")
def _set(out, d: int, a: int, b: int) -> None:
    a %= p.PAIR_ANGLE_BINS
    b %= p.PAIR_ANGLE_BINS
    if d < 0 or d >= _DISTANCE_BINS:
        return
    feature = (d * p.PAIR_ANGLE_BINS + a) * p.PAIR_ANGLE_BINS + b + 1
    bit = ((feature * 2654435761) & 0xFFFFFFFF) >> _SHIFT
    out[bit >> 6] |= np.uint64(1) << np.uint64(bit & 63)


@njit(cache=True)
def _features(x, y, theta, soft: bool) -> np.ndarray:
    out = np.zeros(WORDS, dtype=np.uint64)
    n = x.shape[0]
    angle_step = TWO_PI / p.PAIR_ANGLE_BINS
    for i in range(n):
        for j in range(n):
            if i == j:
                continue
            dx, dy = x[j] - x[i], y[j] - y[i]
            dist = math.sqrt(dx * dx + dy * dy)
            if dist < p.PAIR_MIN_DISTANCE or dist > p.PAIR_MAX_DISTANCE:
                continue
            fd = (dist - p.PAIR_MIN_DISTANCE) / p.PAIR_DISTANCE_STEP
            fa = (angle_difference(theta[j], theta[i]) + math.pi) / angle_step
            fb = (angle_difference(math.atan2(dy, dx), theta[i]) + math.pi) / angle_step
            d0, a0, b0 = int(fd), int(fa), int(fb)
            if not soft:
                _set(out, d0, a0, b0)
                continue
            d1 = d0 + 1 if fd - d0 >= 0.5 else d0 - 1
            a1 = a0 + 1 if fa - a0 >= 0.5 else a0 - 1
            b1 = b0 + 1 if fb - b0 >= 0.5 else b0 - 1
            for dd in (d0, d1):
                for aa in (a0, a1):
                    for bb in (b0, b1):
                        _set(out, dd, aa, bb)
    return out


def features(template: Template, *, soft: bool = False) -> np.ndarray:
    """The coarse bit vector (WORDS uint64) of a template: hard for the gallery, soft for a probe."""
    x, y, theta = geometry(template)
    return _features(x, y, theta, soft)


@njit(cache=True)
def _scores(probe, gallery, counts, rows) -> np.ndarray:
    density = 0.0
    for w in range(probe.shape[0]):
        density += popcount64(probe[w])
    density /= probe.shape[0] * 64
    spread = max(density * (1.0 - density), 1e-9)
    out = np.empty(rows.shape[0])
    for r in range(rows.shape[0]):
        row = rows[r]
        common = 0
        for w in range(probe.shape[0]):
            common += popcount64(probe[w] & gallery[row, w])
        n = counts[row]
        out[r] = (common - density * n) / math.sqrt(max(n, 1) * spread)
    return out


def scores(probe: np.ndarray, gallery: np.ndarray, counts: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Coarse z-scores of a soft probe vector against gallery rows ``rows`` (hard vectors, bit counts)."""
    return _scores(probe, gallery, counts, rows.astype(np.int64))
