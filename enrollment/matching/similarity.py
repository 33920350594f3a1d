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

from enrollment.kernel_options import KERNEL
from enrollment.matching import consolidation
from enrollment.matching import parameters as p
from enrollment.matching._bits import angle_difference, constants_record, popcount64, sigmoid
from enrollment.matching.cylinders import MIN_MATCHABLE_BITS

#: The constants of :func:`score` by name (see :mod:`.parameters`); read in the kernels as ``constants[0].name``.
CONSTANTS = constants_record(
    max_turn=p.MAX_DIRECTION_DIFFERENCE,
    min_matchable_bits=MIN_MATCHABLE_BITS,
    min_pairs=p.MIN_PAIRS,
    max_pairs=p.MAX_PAIRS,
    pairs_mu=p.PAIRS_MU,
    pairs_tau=p.PAIRS_TAU,
    relaxation_iterations=p.RELAXATION_ITERATIONS,
    relaxation_weight=p.RELAXATION_WEIGHT,
    distance_mu=p.DISTANCE_MU,
    distance_tau=p.DISTANCE_TAU,
    direction_mu=p.DIRECTION_MU,
    direction_tau=p.DIRECTION_TAU,
    radial_mu=p.RADIAL_MU,
    radial_tau=p.RADIAL_TAU,
    max_relaxation_pairs=p.MAX_RELAXATION_PAIRS,
    distance_negligible_beyond=consolidation.negligible_beyond(p.DISTANCE_MU, p.DISTANCE_TAU,
                                                               p.NEGLIGIBLE_COMPATIBILITY),
    direction_negligible_beyond=consolidation.negligible_beyond(p.DIRECTION_MU, p.DIRECTION_TAU,
                                                                p.NEGLIGIBLE_COMPATIBILITY),
    negligible_compatibility=p.NEGLIGIBLE_COMPATIBILITY,
)


@njit(**KERNEL)
def _local(theta_a, bits_a, masks_a, theta_b, bits_b, masks_b, max_turn: float, min_matchable_bits: int) -> np.ndarray:
    """gamma (na * nb): the local similarity of every cylinder pair (a of A, b of B), row-major.

    ``theta_*`` are the minutiae's directions, ``bits_*`` (n, words) their packed cylinder bits and ``masks_*``
    (n, mask_words) their spatial validity masks; ``max_turn`` is delta_theta and ``min_matchable_bits`` minME
    counted in bits (cells valid in both cylinders times the direction cells).

    Bits of a cylinder lie inside its own validity mask (cells outside it are never filled), so with
    ``common = masks_a & masks_b`` a cylinder whose mask lies inside the other's needs no masking: its masked bit
    count is its whole bit count. The counts are integers, so these shortcuts give exactly the masked counts.
    """
    na, nb = theta_a.shape[0], theta_b.shape[0]
    mask_words = masks_a.shape[1]
    nd = bits_a.shape[1] // mask_words
    words = bits_a.shape[1]
    gamma = np.zeros(na * nb)
    common = np.empty(words, dtype=np.uint64)  # the common spatial mask, repeated for every direction cell
    ones_a = np.zeros(na, dtype=np.int64)  # set bits per cylinder, for the shortcuts
    ones_b = np.zeros(nb, dtype=np.int64)
    for i in range(na):
        for w in range(words):
            ones_a[i] += popcount64(bits_a[i, w])
    for j in range(nb):
        for w in range(words):
            ones_b[j] += popcount64(bits_b[j, w])
    near = np.empty(nb, dtype=np.int64)
    for i in range(na):
        # the columns within delta_theta first, without a branch per column (it would mispredict half the time)
        n_near = 0
        for j in range(nb):
            near[n_near] = j
            n_near += abs(angle_difference(theta_a[i], theta_b[j])) <= max_turn
        for e in range(n_near):
            j = near[e]
            matchable = 0
            a_inside = True  # a's valid cells all valid in b too
            b_inside = True
            for w in range(mask_words):
                m = masks_a[i, w] & masks_b[j, w]
                common[w] = m
                matchable += popcount64(m)
                a_inside = a_inside and m == masks_a[i, w]
                b_inside = b_inside and m == masks_b[j, w]
            if matchable * nd < min_matchable_bits:
                continue
            px = 0
            if a_inside and b_inside:  # both cylinders valid on the same cells: no masking needed
                for w in range(words):
                    px += popcount64(bits_a[i, w] ^ bits_b[j, w])
                if ones_a[i] + ones_b[j] > 0:
                    gamma[i * nb + j] = 1.0 - math.sqrt(px) / (math.sqrt(ones_a[i]) + math.sqrt(ones_b[j]))
                continue
            for w in range(mask_words, words):
                common[w] = common[w - mask_words]
            for w in range(words):
                px += popcount64((bits_a[i, w] ^ bits_b[j, w]) & common[w])
            pa = ones_a[i]
            if not a_inside:
                pa = 0
                for w in range(words):
                    pa += popcount64(bits_a[i, w] & common[w])
            pb = ones_b[j]
            if not b_inside:
                pb = 0
                for w in range(words):
                    pb += popcount64(bits_b[j, w] & common[w])
            if pa + pb == 0:
                continue
            gamma[i * nb + j] = 1.0 - math.sqrt(px) / (math.sqrt(pa) + math.sqrt(pb))
    return gamma


@njit(**KERNEL, inline="always")
def consolidated(x_a, y_a, theta_a, bits_a, masks_a, x_b, y_b, theta_b, bits_b, masks_b, constants):
    """The pairs behind :func:`score`: (sel_a, sel_b, lam, relaxed, counted, n_pairs).

    ``sel_a[t]``, ``sel_b[t]`` are the prepared-minutia indices of selected pair t, ``lam[t]`` its local
    similarity and ``relaxed[t]`` its similarity after relaxation; ``counted`` are the indices t of the pairs the
    score counts (most efficient first), and the score is the sum of their relaxed similarities over ``n_pairs``
    (zero pairs: score 0). Inlined into :func:`score`, so the score's machine code is that of one function.
    """
    k = constants[0]
    na, nb = theta_a.shape[0], theta_b.shape[0]
    n_pairs = k.min_pairs + round(sigmoid(min(na, nb), k.pairs_mu, k.pairs_tau) * (k.max_pairs - k.min_pairs))
    limit = min(na, nb, k.max_relaxation_pairs)
    sel_a = np.empty(limit, dtype=np.int64)
    sel_b = np.empty(limit, dtype=np.int64)
    lam = np.empty(limit)
    nr = 0
    if limit > 0:
        gamma = _local(theta_a, bits_a, masks_a, theta_b, bits_b, masks_b, k.max_turn, k.min_matchable_bits)
        nr = consolidation.select_greedy(gamma, na, nb, limit, sel_a, sel_b, lam)
        if nr < 0:  # tied best pairs: the order of the reference sort decides
            nr = consolidation.select_sorted(gamma, na, nb, limit, sel_a, sel_b, lam)
    initial = lam[:nr].copy()
    if nr > 1:
        rho = consolidation.compatibility(x_a, y_a, theta_a, x_b, y_b, theta_b, sel_a, sel_b, nr, k)
        current = consolidation.relax(rho, initial, k.relaxation_iterations, k.relaxation_weight)
    else:  # a lone pair has no others to move towards: w_R ** n_rel of it is left (a float power)
        current = initial.copy() * k.relaxation_weight ** float(k.relaxation_iterations)
    efficiency = current / initial
    best = np.argsort(-efficiency)
    return sel_a[:nr], sel_b[:nr], initial, current, best[:min(n_pairs, nr)], n_pairs


@njit(**KERNEL)
def score(x_a, y_a, theta_a, bits_a, masks_a, x_b, y_b, theta_b, bits_b, masks_b, constants) -> float:
    """The LSS-R score in [0, 1] of two prepared templates A and B, given as the arrays of their
    :class:`~enrollment.matching.prepared.Prepared` forms.

    Per template: the minutiae's positions ``x``, ``y`` and directions ``theta`` (float64), their packed cylinder
    bits ``bits`` (n, WORDS uint64) and spatial validity masks ``masks`` (n, MASK_WORDS uint64). ``constants``
    is :data:`CONSTANTS`.
    """
    _, _, _, current, counted, n_pairs = consolidated(x_a, y_a, theta_a, bits_a, masks_a, x_b, y_b, theta_b,
                                                      bits_b, masks_b, constants)
    total = 0.0
    for t in counted:
        total += current[t]
    return total / n_pairs
