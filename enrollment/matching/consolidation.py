"""LSS-R consolidation kernels: greedy pair selection and relaxation of the selected pairs.

These are exact re-formulations of the straightforward algorithm (sort every positive local similarity, take
pairs greedily, relax on a dense compatibility matrix), written for speed; they return bit-identical values:

* Selection: taking pairs in decreasing similarity, skipping used minutiae, is the same as repeatedly taking
  the best pair among the still available ones, so no sort is needed: each row keeps its best available
  column, recomputed only when that column is taken. The identity holds when values are distinct; when two
  available pairs tie at the best value, the sort order (numba's quicksort) decides, so the caller falls back
  to that sort (:func:`select_sorted`).
* Compatibility: a sigmoid factor provably below the negligible compatibility (the argument beyond a bound with
  a margin far above rounding) is skipped without evaluating ``exp`` (nor ``hypot``, when the cheaper
  square-root distances already differ by more than the bound); the value would have been dropped anyway.
* Relaxation: the weighted sums skip zero compatibilities; adding ``0.0 * x`` leaves a sum unchanged, and the
  remaining terms are added in the same order.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit

from enrollment.kernel_options import KERNEL
from enrollment.matching._bits import angle_difference, sigmoid


def negligible_beyond(mu: float, tau: float, negligible: float) -> float:
    """An argument beyond which the decreasing sigmoid (tau < 0) is certainly below ``negligible``.

    The exact crossing plus a margin of 1e-6 (a relative change of the sigmoid of |tau| * 1e-6, many orders of
    magnitude above the rounding of its evaluation), so skipping beyond it never skips a value that counts.
    """
    if tau >= 0:
        return math.inf
    return mu + math.log(1.0 / negligible - 1.0) / -tau + 1e-6


@njit(**KERNEL, inline="always")
def _row_best(gamma, nb, i, free_b, best_j, best_v, tied) -> None:
    """Best available (positive) column of row i, and whether another available column ties with it.

    Written without data-dependent branches (the comparisons of random similarities mispredict): taken
    columns count as 0 through ``free_b`` (1.0 free, 0.0 taken), which no positive similarity equals.
    """
    j_best, v_best = -1, 0.0
    base = i * nb
    for j in range(nb):
        g = gamma[base + j] * free_b[j]
        better = g > v_best
        v_best = g if better else v_best
        j_best = j if better else j_best
    equal = 0
    for j in range(nb):
        equal += gamma[base + j] * free_b[j] == v_best
    best_j[i], best_v[i], tied[i] = j_best, v_best, equal > 1


@njit(**KERNEL)
def select_greedy(gamma, na, nb, limit, sel_a, sel_b, lam) -> int:
    """Pairs (sel_a, sel_b, lam) in decreasing similarity, each minutia once, at most ``limit``; their count.

    Returns -1 (nothing usable written) when a tie among the best available pairs makes the order depend on
    the sort's tie-breaking.
    """
    used_a = np.zeros(na, dtype=np.bool_)
    free_b = np.ones(nb)
    best_j = np.empty(na, dtype=np.int64)
    best_v = np.empty(na)
    tied = np.empty(na, dtype=np.bool_)
    for i in range(na):
        _row_best(gamma, nb, i, free_b, best_j, best_v, tied)
    nr = 0
    while nr < limit:
        top, v, dup = -1, 0.0, False
        for i in range(na):
            if used_a[i] or best_j[i] < 0:
                continue
            if best_v[i] > v:
                top, v, dup = i, best_v[i], False
            elif best_v[i] == v:
                dup = True
        if top < 0:
            break
        if tied[top]:  # the flag may be stale (the equal column taken since): look again
            _row_best(gamma, nb, top, free_b, best_j, best_v, tied)
        if dup or tied[top]:
            return -1
        j = best_j[top]
        sel_a[nr], sel_b[nr], lam[nr] = top, j, v
        nr += 1
        used_a[top] = True
        free_b[j] = 0.0
        for i in range(na):
            if not used_a[i] and best_j[i] == j:
                _row_best(gamma, nb, i, free_b, best_j, best_v, tied)
    return nr


@njit(**KERNEL)
def select_sorted(gamma, na, nb, limit, sel_a, sel_b, lam) -> int:
    """The reference selection: every positive similarity sorted (numba's quicksort), taken greedily."""
    positive = np.flatnonzero(gamma > 0.0)
    order = positive[np.argsort(-gamma[positive])]
    used_a = np.zeros(na, dtype=np.bool_)
    used_b = np.zeros(nb, dtype=np.bool_)
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
    return nr


@njit(**KERNEL)
def compatibility(x_a, y_a, theta_a, x_b, y_b, theta_b, pairs_a, pairs_b, n_pairs, constants):
    """rho (n_pairs, n_pairs): how well each two selected pairs agree (distance, relative direction, radial angle).

    Pair t matches minutia ``pairs_a[t]`` of template A (positions ``x_a``, ``y_a``, directions ``theta_a``) with
    minutia ``pairs_b[t]`` of B. ``constants`` is a record (a row of the matcher's
    :data:`~enrollment.matching.similarity.CONSTANTS`) with the sigmoids' (mu, tau) of rho_1, rho_2, rho_3
    (``distance_mu``, ``distance_tau``, ``direction_*``, ``radial_*``), the :func:`negligible_beyond` bounds of
    rho_1 and rho_2 (``distance_negligible_beyond``, ``direction_negligible_beyond``) and
    ``negligible_compatibility``.
    """
    distance_mu, distance_tau = constants.distance_mu, constants.distance_tau
    direction_mu, direction_tau = constants.direction_mu, constants.direction_tau
    radial_mu, radial_tau = constants.radial_mu, constants.radial_tau
    far1, far2 = constants.distance_negligible_beyond, constants.direction_negligible_beyond
    negligible = constants.negligible_compatibility
    rho = np.zeros((n_pairs, n_pairs))
    for t in range(n_pairs):
        a1, b1 = pairs_a[t], pairs_b[t]
        for k in range(t + 1, n_pairs):
            a2, b2 = pairs_a[k], pairs_b[k]
            vax, vay = x_a[a2] - x_a[a1], y_a[a2] - y_a[a1]
            vbx, vby = x_b[b2] - x_b[b1], y_b[b2] - y_b[b1]
            # sqrt of the sum of squares is within a few ulps (< 1e-12 px here) of hypot: a cheap exact test
            if abs(math.sqrt(vax * vax + vay * vay) - math.sqrt(vbx * vbx + vby * vby)) > far1 + 1e-9:
                continue
            da = math.hypot(vax, vay)
            db = math.hypot(vbx, vby)
            v1 = abs(da - db)
            if v1 > far1:
                continue
            r1 = sigmoid(v1, distance_mu, distance_tau)
            if r1 < negligible:  # incompatible already: skip the costlier angle terms
                continue
            rel_a = angle_difference(theta_a[a1], theta_a[a2])
            rel_b = angle_difference(theta_b[b1], theta_b[b2])
            v2 = abs(angle_difference(rel_a, rel_b))
            if v2 > far2:  # r1 <= 1, so r1 times a negligible factor is negligible too
                continue
            r12 = r1 * sigmoid(v2, direction_mu, direction_tau)
            if r12 < negligible:
                continue
            # radial angles: (theta_a1 - angle of a1->a2) - (theta_b1 - angle of b1->b2), with one atan2
            turn = math.atan2(vbx * vay - vby * vax, vbx * vax + vby * vay)
            d3 = abs(angle_difference(theta_a[a1] - theta_b[b1] - turn, 0.0))
            rho[t, k] = rho[k, t] = r12 * sigmoid(d3, radial_mu, radial_tau)
    return rho


@njit(**KERNEL)
def relax(rho, initial, iterations, weight):
    """``iterations`` (n_rel) rounds: each similarity moves towards the compatibility-weighted mean of the others.

    ``rho`` (nr, nr) are the pairs' compatibilities, ``initial`` (nr) their similarities and ``weight`` (w_R) the
    share of its own value a similarity keeps each round; returns the relaxed similarities.
    """
    nr = initial.shape[0]
    # the non-zero compatibilities of each row, in column order (zeros add nothing to the sums)
    cols = np.empty((nr, nr), dtype=np.int64)
    vals = np.empty((nr, nr))
    count = np.zeros(nr, dtype=np.int64)
    for t in range(nr):
        for k in range(nr):
            if rho[t, k] != 0.0:
                cols[t, count[t]] = k
                vals[t, count[t]] = rho[t, k]
                count[t] += 1
    current = initial.copy()
    nxt = np.empty(nr)
    for _ in range(iterations):
        for t in range(nr):
            acc = 0.0
            for e in range(count[t]):
                acc += vals[t, e] * current[cols[t, e]]
            nxt[t] = weight * current[t] + (1.0 - weight) * acc / (nr - 1)
        current[:] = nxt
    return current
