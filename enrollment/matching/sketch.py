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
from numba import njit, prange

from enrollment.kernel_options import KERNEL
from enrollment.matching import parameters as p
from enrollment.matching._bits import popcount64
from enrollment.matching.cylinders import GAUSS_TABLE, Layout, _cylinders, compute, hull_of
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


@njit(**KERNEL, parallel=True)
def _batch(x, y, theta, offsets, limit, constants, cell_u, cell_v, in_disc, gauss, shares):
    """:func:`sketches` of many templates at once (minutiae concatenated, template t at offsets[t]..[t+1]),
    one template per thread; each template's result is the same as computed alone."""
    n_templates = offsets.shape[0] - 1
    words_per = cell_u.shape[0] * shares.shape[1] // 64
    words = np.zeros((offsets[-1], words_per), dtype=np.uint64)
    directions = np.zeros(offsets[-1], dtype=np.float32)
    counts = np.zeros(offsets[-1], dtype=np.int32)
    lengths = np.zeros(n_templates, dtype=np.int64)
    for t in prange(n_templates):
        a, b = offsets[t], offsets[t + 1]
        if b == a:
            continue
        tx, ty, tt = x[a:b], y[a:b], theta[a:b]
        bits, _masks, valid = _cylinders(tx, ty, tt, hull_of(tx, ty), constants, cell_u, cell_v, in_disc, gauss, shares)
        n = b - a
        ones = np.zeros(n, dtype=np.int64)
        for m in range(n):
            for w in range(words_per):
                ones[m] += popcount64(bits[m, w])
        # stable order by decreasing bit count (insertion sort keeps equal counts in minutia order)
        order = np.arange(n)
        for m in range(1, n):
            k, key = m, order[m]
            while k > 0 and ones[order[k - 1]] < ones[key]:
                order[k] = order[k - 1]
                k -= 1
            order[k] = key
        kept = 0
        for r in range(n):
            m = order[r]
            if kept == limit:
                break
            if ones[m] > 0 and valid[m]:
                words[a + kept, :] = bits[m, :]
                directions[a + kept] = np.float32(tt[m])
                counts[a + kept] = ones[m]
                kept += 1
        lengths[t] = kept
    return words, directions, counts, lengths


def batch_sketches(templates: list[Template], limit: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Sketches of many templates (threads over templates): flat (words, directions, counts) in template order
    and each template's sketch count; template t's sketches are identical to ``sketches(templates[t], limit)``."""
    sizes = np.array([len(t) for t in templates], dtype=np.int64)
    offsets = np.zeros(len(templates) + 1, dtype=np.int64)
    np.cumsum(sizes, out=offsets[1:])
    if offsets[-1] == 0:
        return (np.zeros((0, SKETCH_WORDS), np.uint64), np.zeros(0, np.float32), np.zeros(0, np.int32),
                np.zeros(len(templates), np.int64))
    scale = np.repeat(np.array([500.0 / t.resolution_dpi for t in templates]), sizes)
    positions = np.concatenate([t.positions for t in templates]).astype(np.float64)
    x, y = positions[:, 0] * scale, -positions[:, 1] * scale
    theta = np.concatenate([t.directions for t in templates]).astype(np.float64)
    words, directions, counts, lengths = _batch(x, y, theta, offsets, limit, COARSE.constants, COARSE.cell_u,
                                                COARSE.cell_v, COARSE.in_disc, GAUSS_TABLE, COARSE.shares)
    # template t's sketches sit at offsets[t] .. offsets[t] + lengths[t]: gather them into one run
    shift = np.repeat(offsets[:-1] - (np.cumsum(lengths) - lengths), lengths)
    keep = np.arange(int(lengths.sum())) + shift
    return words[keep], directions[keep], counts[keep], lengths


@njit(**KERNEL)
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
