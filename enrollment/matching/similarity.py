"""Score two prepared templates: local cylinder similarities, then consolidation by relaxation (LSS-R).

1. Local similarity of every cylinder pair (bit-based MCC): with ``m`` the cells valid in both cylinders,
   ``s = 1 - sqrt(|a&m ^ b&m|) / (sqrt(|a&m|) + sqrt(|b&m|))``, zero when the minutiae turn more than
   delta_theta apart or fewer than minME cells are matchable.
2. Pair selection: the min(nA, nB) best pairs, taken greedily so that each minutia is used once (a cheap
   stand-in for the Hungarian assignment of LSA; it also keeps the score symmetric).
3. Relaxation: each pair's similarity is pulled, over n_rel rounds, towards the mean of the others weighted by
   how well they agree geometrically (pair distance, relative direction, radial angle: rho_1 rho_2 rho_3).
4. Score: the mean relaxed similarity of the nP pairs that kept most of their similarity (efficiency).
The score lies in [0, 1]; it is symmetric in its two arguments up to the ordering of exactly equal values.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit

from enrollment.matching import consolidation
from enrollment.matching import parameters as p
from enrollment.matching._bits import angle_difference, popcount64
from enrollment.matching.cylinders import MIN_MATCHABLE_BITS

# Constants are passed to the kernels as one array (not read as globals) so numba's disk cache can't go stale.
CONSTANTS = np.array([
    p.MAX_DIRECTION_DIFFERENCE, MIN_MATCHABLE_BITS, p.MIN_PAIRS, p.MAX_PAIRS, p.PAIRS_MU, p.PAIRS_TAU,
    p.RELAXATION_ITERATIONS, p.RELAXATION_WEIGHT, p.DISTANCE_MU, p.DISTANCE_TAU, p.DIRECTION_MU, p.DIRECTION_TAU,
    p.RADIAL_MU, p.RADIAL_TAU, p.MAX_RELAXATION_PAIRS,
    consolidation.negligible_beyond(p.DISTANCE_MU, p.DISTANCE_TAU, p.NEGLIGIBLE_COMPATIBILITY),
    consolidation.negligible_beyond(p.DIRECTION_MU, p.DIRECTION_TAU, p.NEGLIGIBLE_COMPATIBILITY),
    p.NEGLIGIBLE_COMPATIBILITY,
], dtype=np.float64)


@njit(cache=True, inline="always")
def _sigmoid(v: float, mu: float, tau: float) -> float:
    return 1.0 / (1.0 + math.exp(-tau * (v - mu)))


@njit(cache=True)
def _local(ta, ba, ma, tb, bb, mb, max_turn: float, min_bits: float) -> np.ndarray:
    """gamma (na * nb): the local similarity of every cylinder pair, row-major.

    Bits of a cylinder lie inside its own validity mask (cells outside it are never filled), so with
    ``common = ma & mb`` a cylinder whose mask lies inside the other's needs no masking: its masked bit count is
    its whole bit count. The counts are integers, so these shortcuts give exactly the masked counts.
    """
    na, nb = ta.shape[0], tb.shape[0]
    mask_words = ma.shape[1]
    nd = ba.shape[1] // mask_words
    words = ba.shape[1]
    gamma = np.zeros(na * nb)
    common = np.empty(words, dtype=np.uint64)  # the common spatial mask, repeated for every direction cell
    ones_a = np.zeros(na, dtype=np.int64)  # set bits per cylinder, for the shortcuts
    ones_b = np.zeros(nb, dtype=np.int64)
    for i in range(na):
        for w in range(words):
            ones_a[i] += popcount64(ba[i, w])
    for j in range(nb):
        for w in range(words):
            ones_b[j] += popcount64(bb[j, w])
    near = np.empty(nb, dtype=np.int64)
    for i in range(na):
        # the columns within delta_theta first, without a branch per column (it would mispredict half the time)
        n_near = 0
        for j in range(nb):
            near[n_near] = j
            n_near += abs(angle_difference(ta[i], tb[j])) <= max_turn
        for e in range(n_near):
            j = near[e]
            matchable = 0
            a_inside = True  # a's valid cells all valid in b too
            b_inside = True
            for w in range(mask_words):
                m = ma[i, w] & mb[j, w]
                common[w] = m
                matchable += popcount64(m)
                a_inside = a_inside and m == ma[i, w]
                b_inside = b_inside and m == mb[j, w]
            if matchable * nd < min_bits:
                continue
            px = 0
            if a_inside and b_inside:  # both cylinders valid on the same cells: no masking needed
                for w in range(words):
                    px += popcount64(ba[i, w] ^ bb[j, w])
                if ones_a[i] + ones_b[j] > 0:
                    gamma[i * nb + j] = 1.0 - math.sqrt(px) / (math.sqrt(ones_a[i]) + math.sqrt(ones_b[j]))
                continue
            for w in range(mask_words, words):
                common[w] = common[w - mask_words]
            for w in range(words):
                px += popcount64((ba[i, w] ^ bb[j, w]) & common[w])
            pa = ones_a[i]
            if not a_inside:
                pa = 0
                for w in range(words):
                    pa += popcount64(ba[i, w] & common[w])
            pb = ones_b[j]
            if not b_inside:
                pb = 0
                for w in range(words):
                    pb += popcount64(bb[j, w] & common[w])
            if pa + pb == 0:
                continue
            gamma[i * nb + j] = 1.0 - math.sqrt(px) / (math.sqrt(pa) + math.sqrt(pb))
    return gamma


@njit(cache=True)
def score(xa, ya, ta, ba, ma, xb, yb, tb, bb, mb, c) -> float:
    """The LSS-R score of two prepared templates' arrays; ``c`` is :data:`CONSTANTS`."""
    na, nb = ta.shape[0], tb.shape[0]
    if na == 0 or nb == 0:
        return 0.0
    gamma = _local(ta, ba, ma, tb, bb, mb, c[0], c[1])
    limit = min(na, nb, int(c[14]))
    sel_a = np.empty(limit, dtype=np.int64)
    sel_b = np.empty(limit, dtype=np.int64)
    lam = np.empty(limit)
    nr = consolidation.select_greedy(gamma, na, nb, limit, sel_a, sel_b, lam)
    if nr < 0:  # tied best pairs: the order of the reference sort decides
        nr = consolidation.select_sorted(gamma, na, nb, limit, sel_a, sel_b, lam)
    n_pairs = int(c[2]) + round(_sigmoid(min(na, nb), c[4], c[5]) * (c[3] - c[2]))
    if nr == 0:
        return 0.0
    initial = lam[:nr].copy()
    if nr > 1:
        rho = consolidation.compatibility(xa, ya, ta, xb, yb, tb, sel_a, sel_b, nr, c)
        current = consolidation.relax(rho, initial, int(c[6]), c[7])
    else:
        current = initial.copy() * c[7] ** c[6]
    efficiency = current / initial
    best = np.argsort(-efficiency)
    total = 0.0
    for t in range(min(n_pairs, nr)):
        total += current[best[t]]
    return total / n_pairs
