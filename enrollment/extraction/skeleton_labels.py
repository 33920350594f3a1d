"""The labellings behind the skeleton graph and its clean-up, in numba passes over the skeleton's pixels only.

They reproduce, output for output, the whole-image OpenCV/numpy steps they replace: crossing numbers (3x3 code
and table), connected components and their sizes, junction clusters (8-connected, numbered in raster order of
their first pixel), the junction zone (3x3 around every junction pixel) and its ring (5x5), and branches labelled
like ``cv2.connectedComponents`` at 8-connectivity, whose block-based scan numbers components in the order of
the first 2x2 block (rows 2k, 2k+1; columns 2m, 2m+1, in raster order) that holds one of their pixels.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from enrollment.extraction.neighbourhood import OFFSETS
from enrollment.extraction.pixel_indices import set_pixels
from enrollment.kernel_options import KERNEL


@njit(**KERNEL)
def _root(parent: np.ndarray, i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


@njit(**KERNEL)
def _join(parent: np.ndarray, i: int, j: int) -> None:
    """Union keeping the smaller index as root (the set's first pixel in raster order)."""
    a, b = _root(parent, i), _root(parent, j)
    if a < b:
        parent[b] = a
    elif b < a:
        parent[a] = b


_EARLIER = ((0, -1), (-1, -1), (-1, 0), (-1, 1))
"""(dy, dx) of the 8-neighbours scanned before a pixel in raster order: W, NW, N, NE."""


@njit(**KERNEL)
def _link_earlier(index: np.ndarray, parent: np.ndarray, y: int, x: int, k: int) -> None:
    """Join pixel ``k`` at padded (y, x) with its already scanned 8-neighbours in ``index`` (1 + pixel)."""
    for dy, dx in _EARLIER:
        other = index[y + dy, x + dx]
        if other > 0:
            _join(parent, k, other - 1)


def large_components(binary: np.ndarray, min_size: int) -> np.ndarray:
    """The pixels (uint8 0/1 image) of the 8-connected components of the 0/1 uint8 ``binary`` that have at least
    ``min_size`` pixels."""
    kept = np.zeros(binary.shape, np.uint8)
    _large_components(binary.shape[0], binary.shape[1], set_pixels(binary), min_size, kept.reshape(-1))
    return kept


@njit(**KERNEL)
def _large_components(height: int, width: int, on: np.ndarray, min_size: int, kept: np.ndarray) -> None:
    count = len(on)
    index = np.zeros((height + 2, width + 2), np.int32)  # 1 + pixel number, padded by one
    parent = np.empty(count, np.int32)
    for k in range(count):
        y, x = divmod(on[k], width)
        parent[k] = k
        index[y + 1, x + 1] = k + 1
        _link_earlier(index, parent, y + 1, x + 1, k)
    size = np.zeros(count, np.int64)
    for k in range(count):
        size[_root(parent, k)] += 1
    for k in range(count):
        if size[_root(parent, k)] >= min_size:
            kept[on[k]] = 1


@njit(**KERNEL)
def _number_by_block(parent: np.ndarray, ys: np.ndarray, xs: np.ndarray, count: int, labels: np.ndarray) -> int:
    """Write into ``labels`` each pixel's component number (1..) in order of the component's first 2x2 block;
    pixels ``ys``, ``xs`` are in raster order. Returns the number of labels with background."""
    number = np.zeros(count, np.int32)
    next_label = 1
    # pixels come in raster order: merge each pair of rows 2k, 2k+1 by column, i.e. visit them block by block
    start = 0
    while start < count:
        top = ys[start] & ~1
        middle = start
        while middle < count and ys[middle] == top:
            middle += 1
        stop = middle
        while stop < count and ys[stop] == top + 1:
            stop += 1
        i, j = start, middle
        while i < middle or j < stop:
            if j >= stop or (i < middle and xs[i] <= xs[j]):
                k = i
                i += 1
            else:
                k = j
                j += 1
            r = _root(parent, k)
            if number[r] == 0:
                number[r] = next_label
                next_label += 1
        start = stop
    for k in range(count):
        labels[ys[k], xs[k]] = number[_root(parent, k)]
    return next_label


def graph(skeleton: np.ndarray, crossing_table: np.ndarray):
    """The labellings of a 0/1 uint8 ``skeleton`` (outside counts as 0).

    Returns crossing numbers (uint8 image), ending and junction pixels (flat indices, raster order), each junction
    pixel's cluster (0..), the branch labels (int32 image), their count with background, the pixel count of each
    branch label over the skeleton (label 0: junction-zone pixels) and the sorted distinct keys
    ``ring * (count + 1) + branch`` of branch pixels whose ring value (largest cluster number + 1 within 2 pixels)
    is not 0."""
    return _graph(skeleton.shape[0], skeleton.shape[1], set_pixels(skeleton), crossing_table)


@njit(**KERNEL)
def _graph(height: int, width: int, on: np.ndarray, crossing_table: np.ndarray):
    n_on = len(on)
    index = np.zeros((height + 4, width + 4), np.int32)  # 1 + pixel number, padded by two
    on_y = np.empty(n_on, np.int32)
    on_x = np.empty(n_on, np.int32)
    for k in range(n_on):
        y, x = divmod(on[k], width)
        on_y[k], on_x[k] = y, x
        index[y + 2, x + 2] = k + 1
    crossing = np.zeros((height, width), np.uint8)
    pixel_cn = np.empty(n_on, np.uint8)
    n_endings = 0
    n_junctions = 0
    for k in range(n_on):
        y, x = on_y[k], on_x[k]
        above, row, below = index[y + 1], index[y + 2], index[y + 3]
        c = x + 2
        code = ((above[c] > 0) | (above[c + 1] > 0) << 1 | (row[c + 1] > 0) << 2 | (below[c + 1] > 0) << 3
                | (below[c] > 0) << 4 | (below[c - 1] > 0) << 5 | (row[c - 1] > 0) << 6 | (above[c - 1] > 0) << 7)
        cn = crossing_table[code]
        crossing[y, x] = cn
        pixel_cn[k] = cn
        n_endings += cn == 1
        n_junctions += cn >= 3
    endings = np.empty(n_endings, np.int64)
    junctions = np.empty(n_junctions, np.int64)
    e = j = 0
    junction_pixel = np.empty(n_junctions, np.int32)
    for k in range(n_on):
        if pixel_cn[k] == 1:
            endings[e] = on[k]
            e += 1
        elif pixel_cn[k] >= 3:
            junctions[j] = on[k]
            junction_pixel[j] = k
            j += 1
    # junction clusters: roots are first pixels, numbered in raster order
    parent = np.arange(n_junctions).astype(np.int32)
    for j in range(n_junctions):
        y, x = on_y[junction_pixel[j]] + 2, on_x[junction_pixel[j]] + 2
        for dy, dx in _EARLIER:
            other = index[y + dy, x + dx] - 1
            if other >= 0 and pixel_cn[other] >= 3:
                _join(parent, j, _junction_number(junction_pixel, other))
    cluster = np.empty(n_junctions, np.intp)
    clusters = 0
    for j in range(n_junctions):
        r = _root(parent, j)
        if r == j:
            cluster[j] = clusters
            clusters += 1
        else:
            cluster[j] = cluster[r]
    # zone (3x3) and ring (5x5: largest cluster number + 1) around the junction pixels, at skeleton pixels
    zone = np.zeros(n_on, np.bool_)
    ring = np.zeros(n_on, np.int64)
    for j in range(n_junctions):
        y, x = on_y[junction_pixel[j]] + 2, on_x[junction_pixel[j]] + 2
        value = cluster[j] + 1
        for dy in range(-2, 3):
            for dx in range(-2, 3):
                k = index[y + dy, x + dx] - 1
                if k >= 0:
                    ring[k] = max(ring[k], value)
                    if -1 <= dy <= 1 and -1 <= dx <= 1:
                        zone[k] = True
    # branches: skeleton pixels outside the zone, labelled as OpenCV does
    member = np.full(n_on, -1, np.int32)  # branch pixel number of each skeleton pixel
    ys = np.empty(n_on, np.int32)
    xs = np.empty(n_on, np.int32)
    branch_parent = np.empty(n_on, np.int32)
    n_branch = 0
    for k in range(n_on):
        if zone[k]:
            continue
        y, x = on_y[k], on_x[k]
        ys[n_branch], xs[n_branch], branch_parent[n_branch] = y, x, n_branch
        member[k] = n_branch
        for dy, dx in _EARLIER:
            other = index[y + 2 + dy, x + 2 + dx] - 1
            if other >= 0 and member[other] >= 0:
                _join(branch_parent, n_branch, member[other])
        n_branch += 1
    branches = np.zeros((height, width), np.int32)
    count = _number_by_block(branch_parent, ys, xs, n_branch, branches)
    sizes = np.zeros(count, np.int64)
    sizes[0] = n_on - n_branch
    keys = np.empty(n_branch, np.int64)
    n_keys = 0
    for k in range(n_on):
        if member[k] >= 0:
            label = branches[ys[member[k]], xs[member[k]]]
            sizes[label] += 1
            if ring[k] > 0:
                keys[n_keys] = ring[k] * (count + 1) + label
                n_keys += 1
    return crossing, endings, junctions, cluster, branches, count, sizes, np.unique(keys[:n_keys])


@njit(**KERNEL)
def _junction_number(junction_pixel: np.ndarray, pixel: int) -> int:
    """Position of skeleton pixel ``pixel`` among the junction pixels (both in raster order)."""
    return np.searchsorted(junction_pixel, pixel)


def prune(skeleton: np.ndarray, branches: np.ndarray, cut: np.ndarray, rounds: int,
          crossing_table: np.ndarray) -> np.ndarray:
    """A copy of the 0/1 ``skeleton`` without the pixels of the branch labels that ``cut`` (bool per label) marks,
    then, ``rounds`` times, without the pixels of crossing number 1 among those of branch label 0, all of a round
    at once (decided on the image as it was before the round)."""
    return _prune(skeleton.copy(), branches, set_pixels(skeleton), cut, rounds, crossing_table)


@njit(**KERNEL)
def _prune(image: np.ndarray, branches: np.ndarray, on: np.ndarray, cut: np.ndarray, rounds: int,
           crossing_table: np.ndarray) -> np.ndarray:
    width = image.shape[1]
    flat = image.reshape(-1)  # views of the contiguous images
    labels = branches.reshape(-1)
    candidates = np.empty(len(on), np.int64)
    n = 0
    for k in range(len(on)):
        if cut[labels[on[k]]]:
            flat[on[k]] = 0
        elif labels[on[k]] == 0:
            candidates[n] = on[k]
            n += 1
    ending = np.zeros(n, np.bool_)
    for _ in range(rounds):
        for i in range(n):
            ending[i] = flat[candidates[i]] != 0 and crossing_table[_code(image, candidates[i] // width,
                                                                          candidates[i] % width)] == 1
        for i in range(n):
            if ending[i]:
                flat[candidates[i]] = 0
    return image


@njit(**KERNEL)
def _code(image: np.ndarray, y: int, x: int) -> int:
    """The 3x3 neighbour code of pixel (y, x) of a 0/1 image; outside the image counts as 0."""
    height, width = image.shape
    code = 0
    for bit, (dy, dx) in enumerate(OFFSETS):
        v, u = y + dy, x + dx
        if 0 <= v < height and 0 <= u < width and image[v, u]:
            code |= 1 << bit
    return code
