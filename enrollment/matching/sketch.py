"""Cylinder sketches: small coarse cylinders, for the 1:N pre-selection.

A sketch is a Minutia Cylinder-Code cylinder on a coarse grid, 8 x 8 spatial cells of 17.5 px by 3 direction
cells (192 bits, 3 words; the same radius, Gaussians and bit threshold as the full cylinders), which is cheap
to compute and tolerant of the small shifts that move a bit to a neighbouring cell. A gallery template keeps
the sketches of its ``SKETCHES_PER_TEMPLATE`` fullest cylinders (the most informative; 32 bytes each with the
direction and bit count), so the whole gallery fits in memory as one flat array.

The coarse score of a probe against a gallery template: for each of the template's first ``limit`` sketches,
the best cosine similarity ``|p & g| / sqrt(|p| |g|)`` among the probe's sketches turned at most delta_theta
from it; then the mean of the ``top`` best of those. One kernel scores a block of templates at once.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit

from enrollment.matching import parameters as p
from enrollment.matching._bits import popcount64
from enrollment.matching.cylinders import Layout, compute
from enrollment.matching.prepared import geometry
from enrollment.template.model import Template

COARSE = Layout(p.SKETCH_SPATIAL_CELLS, p.SKETCH_DIRECTION_CELLS)
SKETCH_WORDS = COARSE.words


def sketches(template: Template, limit: int | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(words (k, SKETCH_WORDS) uint64, directions (k,) float32, bit counts (k,) int32) of up to ``limit``
    valid cylinders, fullest first; cylinders with no bit set are left out."""
    x, y, theta = geometry(template)
    bits, _masks, valid = compute(x, y, theta, COARSE)
    counts = np.bitwise_count(bits).sum(axis=1).astype(np.int32)
    order = np.argsort(-counts, kind="stable")
    order = order[(counts[order] > 0) & valid[order]][:limit]
    return bits[order], theta[order].astype(np.float32), counts[order]


@njit(cache=True)
def _scores(pw, pt, pc, gw, gt, gc, start, length, rows, limit, max_turn, top):
    out = np.zeros(rows.shape[0])
    best = np.empty(top)
    nq = pw.shape[0]
    pcos, psin, pnorm = np.cos(pt), np.sin(pt), 1.0 / np.sqrt(pc.astype(np.float64))
    gate = math.cos(max_turn)
    for r in range(rows.shape[0]):
        row = rows[r]
        kept = 0
        for g in range(start[row], start[row] + min(length[row], limit)):
            high = 0.0
            gx, gy = math.cos(gt[g]), math.sin(gt[g])
            for q in range(nq):
                if pcos[q] * gx + psin[q] * gy < gate:
                    continue
                common = 0
                for w in range(pw.shape[1]):
                    common += popcount64(pw[q, w] & gw[g, w])
                s = common * pnorm[q]
                if s > high:
                    high = s
            high /= math.sqrt(gc[g])
            # keep the ``top`` highest values seen so far (insertion into a short sorted array)
            if kept < top:
                k = kept
                kept += 1
            elif high > best[top - 1]:
                k = top - 1
            else:
                continue
            while k > 0 and best[k - 1] < high:
                best[k] = best[k - 1]
                k -= 1
            best[k] = high
        total = 0.0
        for k in range(kept):
            total += best[k]
        out[r] = total / top
    return out


def scores(probe: tuple[np.ndarray, np.ndarray, np.ndarray], words: np.ndarray, directions: np.ndarray,
           counts: np.ndarray, start: np.ndarray, length: np.ndarray, rows: np.ndarray, limit: int,
           top: int = p.COARSE_TOP) -> np.ndarray:
    """Coarse scores of a probe's sketches against gallery templates ``rows``, each on its first ``limit``
    sketches and the mean of its ``top`` best (flat sketch arrays ``words``/``directions``/``counts``; a
    template's sketches at ``start`` .. ``start + length``)."""
    pw, pt, pc = probe
    if len(pw) == 0:
        return np.zeros(len(rows))
    return _scores(pw, pt, pc, words, directions, counts, start, length, rows.astype(np.int64), limit,
                   p.MAX_DIRECTION_DIFFERENCE, top)
