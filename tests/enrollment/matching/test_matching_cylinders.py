"""The cylinder kernels agree exactly with plain-Python forms written from the MCC description.

Reference: Cappelli, Ferrara, Maltoni, "Minutia Cylinder-Code" (IEEE TPAMI 32(12), 2010), section 3 and the
bit-based variant. The references below are the definitions, cell by cell and neighbour by neighbour, with none
of the kernel's shortcuts (windowed cell loops, the whole-disc test, bounding-box rejection, touched-cell lists,
in-place bit packing). They share with the kernel only its two tabulated functions (the spatial Gaussian G_S
and the direction shares C^D, nearest entry) and its cell layout, so the comparison is exact (``==``).
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from enrollment.matching import parameters as p
from enrollment.matching.cylinders import FULL, GAUSS_TABLE, Layout, compute, hull_of
from enrollment.matching.sketch import COARSE


def _cross(o, a, b) -> float:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def reference_hull(x: np.ndarray, y: np.ndarray) -> list[list[float]]:
    """Half-planes (nx, ny, c) of the convex hull, counter-clockwise from the lowest-leftmost vertex.

    By brute force: the ordered pair (a, b) is a hull edge when every point lies to its left or on the segment
    from a to b (so collinear points on an edge are not vertices). Inward unit normal (-ey, ex) / |e|.
    """
    points = list(zip(x.tolist(), y.tolist(), strict=True))
    edges = {}
    for a in points:
        for b in points:
            if a == b:
                continue
            ok = True
            for q in points:
                side = _cross(a, b, q)
                on_segment = min(a[0], b[0]) <= q[0] <= max(a[0], b[0]) and min(a[1], b[1]) <= q[1] <= max(a[1], b[1])
                if side < 0 or (side == 0 and not on_segment):
                    ok = False
                    break
            if ok:
                edges[a] = b
    if len(edges) < 3:
        return []
    start = min(edges)
    planes, a = [], start
    while True:
        b = edges[a]
        ex, ey = b[0] - a[0], b[1] - a[1]
        length = math.sqrt(ex * ex + ey * ey)
        nx, ny = -ey / length, ex / length
        planes.append([nx, ny, -(nx * a[0] + ny * a[1])])
        a = b
        if a == start:
            return planes


def reference_cylinders(x, y, theta, layout: Layout):
    """(bits, masks, valid) of every minutia by the MCC definition, packed with numpy's little-endian packbits.

    Minutia m's cylinder is valid when at least minM other minutiae lie within R + 3 sigma_S of it and at least
    minVC of its cells are valid; a cell is valid when its centre lies in the disc of radius R and within Omega
    of the hull (every hull half-plane shifted by Omega, and the minutiae's bounding box grown by Omega).
    A valid cell's value in direction cell d sums, over those neighbours, G_S(distance to the cell centre, when
    at most 3 sigma_S) times C^D(d, relative direction); its bit is set when the sum reaches mu_Psi. Distances
    are taken in the cylinder's frame (the neighbour turned by -theta_m), as the kernel does.
    """
    radius, sigma = p.CYLINDER_RADIUS, p.SIGMA_SPATIAL
    ns, nd, spatial = layout.ns, layout.nd, layout.spatial
    n = len(x)
    planes = reference_hull(x, y)
    box = (min(x) - p.HULL_OFFSET, max(x) + p.HULL_OFFSET, min(y) - p.HULL_OFFSET, max(y) + p.HULL_OFFSET)
    cutoff = 3.0 * sigma
    steps = layout.shares.shape[0]
    bits = np.zeros((n, spatial * nd), dtype=bool)
    masks = np.zeros((n, spatial), dtype=bool)
    valid = np.zeros(n, dtype=bool)
    for m in range(n):
        c, s = math.cos(theta[m]), math.sin(theta[m])
        neighbours = [t for t in range(n)
                      if t != m and (x[t] - x[m]) ** 2 + (y[t] - y[m]) ** 2 <= (radius + cutoff) ** 2]
        if len(neighbours) < p.MIN_CYLINDER_MINUTIAE:
            continue
        cell_valid = np.zeros(spatial, dtype=bool)
        for i in range(ns):
            for j in range(ns):
                u = (i - (ns - 1) / 2.0) * (2.0 * radius / ns)  # along the minutia direction
                v = (j - (ns - 1) / 2.0) * (2.0 * radius / ns)
                if u * u + v * v > radius * radius:
                    continue
                px, py = x[m] + u * c - v * s, y[m] + u * s + v * c
                in_box = box[0] <= px <= box[1] and box[2] <= py <= box[3]
                near_hull = all(nx * px + ny * py + off >= -p.HULL_OFFSET for nx, ny, off in planes)
                cell_valid[i * ns + j] = in_box and near_hull
        if cell_valid.sum() < math.ceil(p.MIN_VALID_CELL_FRACTION * layout.disc_cells):
            continue
        valid[m] = True
        masks[m] = cell_valid
        value = np.zeros((spatial, nd))
        for t in neighbours:
            dx, dy = x[t] - x[m], y[t] - y[m]
            u_t, v_t = dx * c + dy * s, -dx * s + dy * c
            rel = theta[m] - theta[t]  # d_phi(theta_m, theta_t), folded into [-pi, pi)
            rel = rel + 2 * math.pi if rel < -math.pi else rel - 2 * math.pi if rel >= math.pi else rel
            share = layout.shares[math.floor((rel + math.pi) * steps / (2 * math.pi) + 0.5) % steps]
            for k in np.flatnonzero(cell_valid):
                du, dv = u_t - layout.cell_u[k], v_t - layout.cell_v[k]
                d2 = du * du + dv * dv
                if d2 <= cutoff * cutoff:
                    gauss = GAUSS_TABLE[math.floor(d2 * (len(GAUSS_TABLE) - 1) / (cutoff * cutoff) + 0.5)]
                    for d in range(nd):
                        value[k, d] += gauss * share[d]
        for d in range(nd):  # bit d * Ns * Ns + k
            bits[m, d * spatial:(d + 1) * spatial] = value[:, d] >= p.CELL_THRESHOLD

    def pack(a: np.ndarray) -> np.ndarray:
        return np.packbits(a, axis=1, bitorder="little").view("<u8")

    return pack(bits), pack(masks), valid


def _minutiae(seed: int, n: int, spread: float):
    g = np.random.default_rng(seed)
    return g.uniform(0, spread, n), -g.uniform(0, spread, n), g.uniform(0, 2 * math.pi, n)


@pytest.mark.parametrize("seed", range(6))
def test_hull_equals_the_brute_force_hull_of_random_points(seed):
    g = np.random.default_rng(seed)
    x, y = g.uniform(0, 300, 3 + 4 * seed), g.uniform(-400, 0, 3 + 4 * seed)
    assert hull_of(x, y).tolist() == reference_hull(x, y)


def test_hull_drops_collinear_and_interior_points_of_a_grid():
    g = np.random.default_rng(5)
    for _ in range(30):  # points on a small integer grid: many collinear on the edges, equal x coordinates
        cells = g.choice(36, size=int(g.integers(3, 20)), replace=False)
        x, y = (cells % 6).astype(float), (cells // 6).astype(float)
        assert hull_of(x, y).tolist() == reference_hull(x, y)


def test_hull_of_fewer_than_three_non_collinear_points_is_empty():
    for x, y in (([], []), ([1.0], [2.0]), ([0.0, 3.0], [0.0, 1.0]), ([0.0, 1.0, 2.0, 3.0], [0.0, 2.0, 4.0, 6.0])):
        assert hull_of(np.array(x), np.array(y)).shape == (0, 3)
        assert reference_hull(np.array(x), np.array(y)) == []


@pytest.mark.parametrize("layout", [FULL, COARSE], ids=["full", "coarse"])
@pytest.mark.parametrize("seed, n, spread", [(1, 3, 60.0), (2, 8, 150.0), (3, 12, 220.0), (4, 16, 300.0)])
def test_cylinders_equal_the_reference(layout, seed, n, spread):
    x, y, theta = _minutiae(seed, n, spread)
    bits, masks, valid = compute(x, y, theta, layout)
    ref_bits, ref_masks, ref_valid = reference_cylinders(x, y, theta, layout)
    assert valid.tolist() == ref_valid.tolist()
    assert masks.tolist() == ref_masks.tolist()
    assert bits.tolist() == ref_bits.tolist()


def test_the_cylinder_cases_cover_valid_invalid_and_cut_cylinders():
    """The inputs above are not vacuous: they have valid and invalid cylinders and valid ones cut by the hull."""
    cut = whole = invalid = 0
    for seed, n, spread in [(1, 3, 60.0), (2, 8, 150.0), (3, 12, 220.0), (4, 16, 300.0)]:
        _bits, masks, valid = compute(*_minutiae(seed, n, spread), FULL)
        invalid += int((~valid).sum())
        cells = np.bitwise_count(masks[valid]).sum(axis=1)
        whole += int((cells == FULL.disc_cells).sum())
        cut += int((cells < FULL.disc_cells).sum())
    assert min(cut, whole, invalid) > 0
