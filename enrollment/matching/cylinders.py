"""Compute the bit-based Minutia Cylinder-Code of every minutia of a template.

A cylinder is centred on a minutia and turned with it: Ns x Ns spatial cells of side 2R/Ns over the disc of
radius R, times Nd direction cells. A cell (i, j, d) sums, over the neighbours near its centre, a Gaussian of
the distance to the neighbour times the share of a Gaussian on the neighbour's relative direction that falls
in direction cell d; the bit is set where the sum reaches mu_Psi. Cells outside the disc or farther than Omega
from the minutiae's convex hull are invalid (their bits are masked out when comparing). Positions are taken in
a y-up frame (y negated) so that the template's counter-clockwise directions are ordinary math angles.

Bit layout: bit ``d * Ns * Ns + i * Ns + j`` of a cylinder's ``WORDS`` uint64 words; the validity mask is
spatial only (``MASK_WORDS`` words), repeated for every direction cell (Ns * Ns is a multiple of 64).
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit

from enrollment.kernel_options import KERNEL
from enrollment.matching import parameters as p
from enrollment.matching._bits import angle_difference, constants_record


def _direction_shares(nd: int, steps: int = 1024) -> np.ndarray:
    """C^D: the share of a normal density (sigma_D) on the relative direction falling in each direction cell.

    Rows are relative directions -pi + 2*pi*r/steps; columns the Nd cells centred at -pi + (d + 1/2) * 2*pi/Nd.
    """
    step_d = 2.0 * math.pi / nd
    scale = 1.0 / (p.SIGMA_DIRECTION * math.sqrt(2.0))
    table = np.empty((steps, nd))
    for r in range(steps):
        rel = -math.pi + 2.0 * math.pi * r / steps
        for d in range(nd):
            alpha = (-math.pi + (d + 0.5) * step_d - rel + math.pi) % (2.0 * math.pi) - math.pi
            table[r, d] = 0.5 * (math.erf((alpha + step_d / 2) * scale) - math.erf((alpha - step_d / 2) * scale))
    return table


class Layout:
    """The fixed tables of one cylinder geometry (Ns x Ns x Nd cells over radius R), shared by all cylinders."""

    def __init__(self, ns: int, nd: int) -> None:
        if (ns * ns) % 64:
            raise ValueError("Ns squared must be a multiple of 64 for the bit layout")
        self.ns, self.nd, self.spatial = ns, nd, ns * ns
        self.words, self.mask_words = ns * ns * nd // 64, ns * ns // 64
        offsets = (np.arange(ns) - (ns - 1) / 2.0) * (2.0 * p.CYLINDER_RADIUS / ns)
        self.cell_u = np.repeat(offsets, ns)  # along the minutia direction (first index)
        self.cell_v = np.tile(offsets, ns)  # perpendicular (second index)
        self.in_disc = self.cell_u**2 + self.cell_v**2 <= p.CYLINDER_RADIUS**2  # cells centred inside radius R
        self.disc_cells = int(self.in_disc.sum())
        self.min_valid_cells = math.ceil(p.MIN_VALID_CELL_FRACTION * self.disc_cells)
        self.min_matchable_bits = math.ceil(p.MIN_MATCHABLE_FRACTION * self.disc_cells) * nd
        self.shares = _direction_shares(nd)
        self.constants = constants_record(radius=p.CYLINDER_RADIUS, sigma_spatial=p.SIGMA_SPATIAL,
                                          threshold=p.CELL_THRESHOLD, hull_offset=p.HULL_OFFSET,
                                          min_valid_cells=self.min_valid_cells, min_minutiae=p.MIN_CYLINDER_MINUTIAE)


# The spatial Gaussian G_S (a normal density) tabulated over squared distance 0 .. (3 sigma_S)^2.
_GAUSS_D2 = np.linspace(0.0, (3.0 * p.SIGMA_SPATIAL) ** 2, 4096)
GAUSS_TABLE = np.exp(-_GAUSS_D2 / (2.0 * p.SIGMA_SPATIAL**2)) / (p.SIGMA_SPATIAL * math.sqrt(2.0 * math.pi))

FULL = Layout(p.SPATIAL_CELLS, p.DIRECTION_CELLS)
NS, ND, SPATIAL, WORDS, MASK_WORDS = FULL.ns, FULL.nd, FULL.spatial, FULL.words, FULL.mask_words
MIN_MATCHABLE_BITS = FULL.min_matchable_bits


@njit(**KERNEL)
def _cross(ox: float, oy: float, ax: float, ay: float, bx: float, by: float) -> float:
    return (ax - ox) * (by - oy) - (ay - oy) * (bx - ox)


@njit(**KERNEL)
def hull_of(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Half-planes of the convex hull as rows (nx, ny, c): inside where nx*x + ny*y + c >= 0 (unit normals).

    Andrew's monotone chain, counter-clockwise. Fewer than three non-collinear points give no half-plane; the
    bounding box then bounds validity alone. The hull enlarged by Omega is taken as the intersection of the
    shifted half-planes (a mitred offset).
    """
    n = x.shape[0]
    order = np.argsort(x * 1e6 + y)
    chain = np.empty(2 * n + 1, dtype=np.int64)
    k = 0
    for idx in range(n):  # lower hull
        i = order[idx]
        while k >= 2 and _cross(x[chain[k - 2]], y[chain[k - 2]], x[chain[k - 1]], y[chain[k - 1]], x[i], y[i]) <= 0:
            k -= 1
        chain[k] = i
        k += 1
    lower = k + 1
    for idx in range(n - 2, -1, -1):  # upper hull
        i = order[idx]
        while k >= lower and _cross(
            x[chain[k - 2]], y[chain[k - 2]], x[chain[k - 1]], y[chain[k - 1]], x[i], y[i]
        ) <= 0:
            k -= 1
        chain[k] = i
        k += 1
    h = k - 1  # the last point repeats the first
    planes = np.zeros((max(h, 0), 3))
    if h < 3:
        return planes[:0]
    count = 0
    for e in range(h):
        a, b = chain[e], chain[e + 1]
        ex, ey = x[b] - x[a], y[b] - y[a]
        length = math.sqrt(ex * ex + ey * ey)
        if length == 0.0:
            continue
        nx, ny = -ey / length, ex / length  # inward for a counter-clockwise polygon
        planes[count, 0], planes[count, 1] = nx, ny
        planes[count, 2] = -(nx * x[a] + ny * y[a])
        count += 1
    return planes[:count]


@njit(**KERNEL)
def _cylinders(x, y, theta, planes, constants, cell_u, cell_v, in_disc, gauss, share_table):
    """Bits (n, words), spatial validity masks (n, mask_words) and validity (n,) of every minutia's cylinder.

    ``x``, ``y``, ``theta``: the minutiae (y-up frame); ``planes``: their hull (:func:`hull_of`); ``constants``:
    a :attr:`Layout.constants` record; ``cell_u``, ``cell_v``, ``in_disc``: the layout's cell centres and which
    lie inside radius R; ``gauss``: :data:`GAUSS_TABLE`; ``share_table``: the layout's direction shares.
    """
    k = constants[0]
    radius, sigma, threshold, offset = k.radius, k.sigma_spatial, k.threshold, k.hull_offset
    min_cells, min_minutiae = k.min_valid_cells, k.min_minutiae
    spatial, nd = cell_u.shape[0], share_table.shape[1]
    ns = round(math.sqrt(spatial))
    cell_size = 2.0 * radius / ns
    n = x.shape[0]
    bits = np.zeros((n, spatial * nd // 64), dtype=np.uint64)
    masks = np.zeros((n, spatial // 64), dtype=np.uint64)
    valid = np.zeros(n, dtype=np.bool_)
    reach = radius + 3.0 * sigma
    cutoff = 3.0 * sigma
    gauss_scale = (gauss.shape[0] - 1) / (cutoff * cutoff)
    share_scale = share_table.shape[0] / (2.0 * math.pi)
    x0, x1 = x.min() - offset, x.max() + offset
    y0, y1 = y.min() - offset, y.max() + offset
    half = (ns - 1) / 2.0
    cell_ok = np.zeros(spatial, dtype=np.bool_)
    values = np.zeros((spatial, nd))
    seen = np.zeros(spatial, dtype=np.bool_)
    touched = np.empty(spatial, dtype=np.int64)
    touched_count = 0
    for m in range(n):
        c, s = math.cos(theta[m]), math.sin(theta[m])
        neighbours = 0
        for t in range(n):
            if t != m and (x[t] - x[m]) ** 2 + (y[t] - y[m]) ** 2 <= reach * reach:
                neighbours += 1
        if neighbours < min_minutiae:
            continue
        count = 0
        whole = x[m] - radius >= x0 and x[m] + radius <= x1 and y[m] - radius >= y0 and y[m] + radius <= y1
        for e in range(planes.shape[0]):
            if whole and planes[e, 0] * x[m] + planes[e, 1] * y[m] + planes[e, 2] < radius - offset:
                whole = False
        for k in range(spatial):
            cell_ok[k] = False
            if not in_disc[k]:
                continue
            if whole:  # the disc lies inside the enlarged hull: no cell test needed
                cell_ok[k] = True
                count += 1
                continue
            px = x[m] + cell_u[k] * c - cell_v[k] * s
            py = y[m] + cell_u[k] * s + cell_v[k] * c
            if px < x0 or px > x1 or py < y0 or py > y1:
                continue
            ok = True
            for e in range(planes.shape[0]):
                if planes[e, 0] * px + planes[e, 1] * py + planes[e, 2] < -offset:
                    ok = False
                    break
            if ok:
                cell_ok[k] = True
                count += 1
        if count < min_cells:
            continue
        valid[m] = True
        for r in range(touched_count):
            k = touched[r]
            for d in range(nd):
                values[k, d] = 0.0
            seen[k] = False
        touched_count = 0
        for t in range(n):
            if t == m:
                continue
            dxm, dym = x[t] - x[m], y[t] - y[m]
            if dxm * dxm + dym * dym > reach * reach:
                continue
            rel = angle_difference(theta[m], theta[t])
            row = int((rel + math.pi) * share_scale + 0.5) % share_table.shape[0]
            u = dxm * c + dym * s  # the neighbour in the cylinder's frame
            v = -dxm * s + dym * c
            i0 = max(0, math.floor((u - cutoff) / cell_size + half))
            i1 = min(ns - 1, math.ceil((u + cutoff) / cell_size + half))
            j0 = max(0, math.floor((v - cutoff) / cell_size + half))
            j1 = min(ns - 1, math.ceil((v + cutoff) / cell_size + half))
            for i in range(i0, i1 + 1):
                for j in range(j0, j1 + 1):
                    k = i * ns + j
                    if not cell_ok[k]:
                        continue
                    du, dv = u - cell_u[k], v - cell_v[k]
                    dist2 = du * du + dv * dv
                    if dist2 > cutoff * cutoff:
                        continue
                    g = gauss[int(dist2 * gauss_scale + 0.5)]
                    if not seen[k]:
                        seen[k] = True
                        touched[touched_count] = k
                        touched_count += 1
                    for d in range(nd):
                        values[k, d] += g * share_table[row, d]
        for k in range(spatial):
            if cell_ok[k]:
                masks[m, k >> 6] |= np.uint64(1) << np.uint64(k & 63)
        for r in range(touched_count):
            k = touched[r]
            for d in range(nd):
                if values[k, d] >= threshold:
                    b = d * spatial + k
                    bits[m, b >> 6] |= np.uint64(1) << np.uint64(b & 63)
    return bits, masks, valid


def compute(
    x: np.ndarray, y: np.ndarray, theta: np.ndarray, layout: Layout = FULL
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Cylinder bits (n, words), spatial validity masks (n, mask_words) and validity (n,); y-up frame."""
    if len(x) == 0:
        return (np.zeros((0, layout.words), np.uint64), np.zeros((0, layout.mask_words), np.uint64),
                np.zeros(0, bool))
    return _cylinders(x, y, theta, hull_of(x, y), layout.constants, layout.cell_u, layout.cell_v, layout.in_disc,
                      GAUSS_TABLE, layout.shares)
