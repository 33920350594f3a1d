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

from enrollment.matching import parameters as p
from enrollment.matching._bits import angle_difference, popcount64
from enrollment.matching.cylinders import MIN_MATCHABLE_BITS

# Constants are passed to the kernels as one array (not read as globals) so numba's disk cache can't go stale.
CONSTANTS = np.array([
    p.MAX_DIRECTION_DIFFERENCE, MIN_MATCHABLE_BITS, p.MIN_PAIRS, p.MAX_PAIRS, p.PAIRS_MU, p.PAIRS_TAU,
    p.RELAXATION_ITERATIONS, p.RELAXATION_WEIGHT, p.DISTANCE_MU, p.DISTANCE_TAU, p.DIRECTION_MU, p.DIRECTION_TAU,
    p.RADIAL_MU, p.RADIAL_TAU, p.MAX_RELAXATION_PAIRS,
], dtype=np.float64)


NEGLIGIBLE = 1e-4  # a compatibility below this is taken as 0 (saves the angle terms; changes scores < 1e-4)


@njit(cache=True, inline="always")
def _sigmoid(v: float, mu: float, tau: float) -> float:
    return 1.0 / (1.0 + math.exp(-tau * (v - mu)))


@njit(cache=True)
def _local(ta, ba, ma, tb, bb, mb, max_turn: float, min_bits: float) -> np.ndarray:
    na, nb = ta.shape[0], tb.shape[0]
    mask_words = ma.shape[1]
    nd = ba.shape[1] // mask_words
    gamma = np.zeros(na * nb)
    common = np.empty(mask_words, dtype=np.uint64)
    ones_a = np.zeros(na, dtype=np.int64)  # set bits per cylinder, for the fast path below
    ones_b = np.zeros(nb, dtype=np.int64)
    for i in range(na):
        for w in range(ba.shape[1]):
            ones_a[i] += popcount64(ba[i, w])
    for j in range(nb):
        for w in range(bb.shape[1]):
            ones_b[j] += popcount64(bb[j, w])
    for i in range(na):
        for j in range(nb):
            if abs(angle_difference(ta[i], tb[j])) > max_turn:
                continue
            matchable = 0
            same = True
            for w in range(mask_words):
                common[w] = ma[i, w] & mb[j, w]
                matchable += popcount64(common[w])
                same = same and common[w] == ma[i, w] and common[w] == mb[j, w]
            if matchable * nd < min_bits:
                continue
            if same:  # both cylinders valid on the same cells: no masking needed
                px = 0
                for w in range(mask_words * nd):
                    px += popcount64(ba[i, w] ^ bb[j, w])
                if ones_a[i] + ones_b[j] > 0:
                    gamma[i * nb + j] = 1.0 - math.sqrt(px) / (math.sqrt(ones_a[i]) + math.sqrt(ones_b[j]))
                continue
            pa = 0
            pb = 0
            px = 0
            for w in range(mask_words * nd):
                ca = ba[i, w] & common[w % mask_words]
                cb = bb[j, w] & common[w % mask_words]
                pa += popcount64(ca)
                pb += popcount64(cb)
                px += popcount64(ca ^ cb)
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
    positive = np.flatnonzero(gamma > 0.0)
    order = positive[np.argsort(-gamma[positive])]
    limit = min(na, nb, int(c[14]))
    used_a = np.zeros(na, dtype=np.bool_)
    used_b = np.zeros(nb, dtype=np.bool_)
    sel_a = np.empty(limit, dtype=np.int64)
    sel_b = np.empty(limit, dtype=np.int64)
    lam = np.empty(limit)
    nr = 0
    for o in order:
        g = gamma[o]
        if g <= 0.0 or nr == limit:
            break
        i, j = o // nb, o % nb
        if used_a[i] or used_b[j]:
            continue
        used_a[i] = True
        used_b[j] = True
        sel_a[nr], sel_b[nr], lam[nr] = i, j, g
        nr += 1
    n_pairs = int(c[2]) + round(_sigmoid(min(na, nb), c[4], c[5]) * (c[3] - c[2]))
    if nr == 0:
        return 0.0
    initial = lam[:nr].copy()
    if nr > 1:
        rho = np.zeros((nr, nr))
        for t in range(nr):
            a1, b1 = sel_a[t], sel_b[t]
            for k in range(t + 1, nr):
                a2, b2 = sel_a[k], sel_b[k]
                da = math.hypot(xa[a2] - xa[a1], ya[a2] - ya[a1])
                db = math.hypot(xb[b2] - xb[b1], yb[b2] - yb[b1])
                r1 = _sigmoid(abs(da - db), c[8], c[9])
                if r1 < NEGLIGIBLE:  # incompatible already: skip the costlier angle terms
                    continue
                rel_a = angle_difference(ta[a1], ta[a2])
                rel_b = angle_difference(tb[b1], tb[b2])
                r12 = r1 * _sigmoid(abs(angle_difference(rel_a, rel_b)), c[10], c[11])
                if r12 < NEGLIGIBLE:
                    continue
                # radial angles: (ta1 - angle of a1->a2) - (tb1 - angle of b1->b2), with one atan2
                vax, vay = xa[a2] - xa[a1], ya[a2] - ya[a1]
                vbx, vby = xb[b2] - xb[b1], yb[b2] - yb[b1]
                turn = math.atan2(vbx * vay - vby * vax, vbx * vax + vby * vay)
                d3 = abs(angle_difference(ta[a1] - tb[b1] - turn, 0.0))
                rho[t, k] = rho[k, t] = r12 * _sigmoid(d3, c[12], c[13])
        current = initial.copy()
        nxt = np.empty(nr)
        w = c[7]
        for _ in range(int(c[6])):
            for t in range(nr):
                acc = 0.0
                for k in range(nr):
                    acc += rho[t, k] * current[k]
                nxt[t] = w * current[t] + (1.0 - w) * acc / (nr - 1)
            current[:] = nxt
    else:
        current = initial.copy() * c[7] ** c[6]
    efficiency = current / initial
    best = np.argsort(-efficiency)
    total = 0.0
    for t in range(min(n_pairs, nr)):
        total += current[best[t]]
    return total / n_pairs
