"""The skeleton read as a graph: ridge endings, junctions, the branches between them, and branch directions.

Junction pixels (crossing number >= 3) are grouped into clusters; removing each cluster's 3x3 neighbourhood
cuts the skeleton into branches (8-connected components). A branch's direction at one of its ends is the mean
offset of its pixels within ``DIRECTION_RADIUS`` of that end: a short trace along the ridge, done for all
ends at once.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numba import njit

from enrollment.extraction import parameters as p
from enrollment.extraction import skeleton_labels
from enrollment.extraction.neighbourhood import CROSSING_NUMBER
from enrollment.kernel_options import KERNEL


@dataclass(frozen=True)
class SkeletonGraph:
    skeleton: np.ndarray  # uint8 0/1
    endings: np.ndarray  # int (N, 2) y, x of crossing-number-1 pixels
    junctions: np.ndarray  # float (M, 2) y, x centroids of junction clusters
    branches: np.ndarray  # int32 label image of branches (0: none / junction zone)
    junction_branch_labels: np.ndarray  # labels of the branches leaving each junction cluster, junction by junction
    junction_branch_start: np.ndarray  # junction j's labels: junction_branch_labels[start[j]:start[j + 1]]
    crossing: np.ndarray  # uint8 crossing number of every pixel (0 off the skeleton)
    branch_sizes: np.ndarray  # pixels of each branch label on the skeleton (label 0: junction-zone pixels)


def analyse(skeleton: np.ndarray, origin: tuple[int, int] = (0, 0)) -> SkeletonGraph:
    """Endings, junction clusters and branches of a 0/1 skeleton.

    Endings and junction pixels come from one scan of the skeleton pixels (raster order, numba:
    :func:`skeleton_labels.graph`); junction clusters are numbered in the raster order of their first pixel,
    branches as ``cv2.connectedComponents`` numbers them. When ``skeleton`` is a window of a larger image at
    ``origin`` (y, x), junction centroids are averaged in the larger image's coordinates (then shifted), so
    that they are bit for bit those of the whole image."""
    crossing, ending_flat, junction_flat, cluster, branches, branch_count, sizes, keys = \
        skeleton_labels.graph(skeleton, CROSSING_NUMBER)
    width = skeleton.shape[1]
    endings = np.stack([ending_flat // width, ending_flat % width], axis=1)
    junction_yx = np.stack([junction_flat // width, junction_flat % width], axis=1)
    count = int(cluster.max()) + 2 if len(cluster) else 1
    owner, attached = np.divmod(keys, branch_count + 1)  # sorted by junction, then branch label
    start = np.searchsorted(owner, np.arange(1, count + 1))  # cluster j's keys have owner j + 1
    size = np.maximum(np.bincount(cluster, minlength=count - 1), 1)
    oy, ox = origin
    junctions = np.stack([np.bincount(cluster, junction_yx[:, 0] + oy, count - 1) / size - oy,
                          np.bincount(cluster, junction_yx[:, 1] + ox, count - 1) / size - ox], axis=1).reshape(-1, 2)
    return SkeletonGraph(skeleton, endings, junctions, branches, attached, start, crossing, sizes)


def _annulus() -> tuple[np.ndarray, np.ndarray]:
    r = p.DIRECTION_RADIUS
    dy, dx = np.mgrid[-r : r + 1, -r : r + 1]
    distance = np.hypot(dy, dx)
    keep = (distance >= p.DIRECTION_MIN_RADIUS) & (distance <= r)
    return dy[keep], dx[keep]


_DY, _DX = _annulus()


def branch_vectors(branches: np.ndarray, centres: np.ndarray, labels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each (centre y,x; branch label): mean (dx, dy) offset of that branch's pixels near the centre.

    Returns the vectors (K, 2) as x, y in image coordinates and the number of pixels that went into each.
    """
    if len(centres) == 0:
        return np.zeros((0, 2)), np.zeros(0, np.int64)
    cy = np.rint(centres[:, 0]).astype(np.intp)
    cx = np.rint(centres[:, 1]).astype(np.intp)
    hits = np.empty((len(centres), len(_DY)), np.bool_)
    count, sum_x, sum_y = _annulus_hits(branches, cy, cx, labels, _DY, _DX, hits)
    safe = np.maximum(count, 1)
    # offsets from the exact (possibly sub-pixel) centre
    shift_x, shift_y = cx - centres[:, 1], cy - centres[:, 0]
    if not shift_x.any() and not shift_y.any():  # whole-pixel centres: sums of integers, exact in any order
        return np.stack([sum_x / safe, sum_y / safe], axis=1), count
    off_x = _DX[None, :] + shift_x[:, None]
    off_y = _DY[None, :] + shift_y[:, None]
    vectors = np.stack([(hits * off_x).sum(axis=1) / safe, (hits * off_y).sum(axis=1) / safe], axis=1)
    return vectors, count


@njit(**KERNEL)
def _annulus_hits(branches: np.ndarray, cy: np.ndarray, cx: np.ndarray, labels: np.ndarray, dy: np.ndarray,
                  dx: np.ndarray, hits: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Fill ``hits[k, i]``: the pixel at offset (dy[i], dx[i]) from centre k has the centre's branch label (> 0;
    outside the image: no). Returns per centre the number of hits and the sums of their dx and dy."""
    height, width = branches.shape
    count = np.zeros(len(cy), np.int64)
    sum_x = np.zeros(len(cy), np.int64)
    sum_y = np.zeros(len(cy), np.int64)
    for k in range(len(cy)):
        label = labels[k]
        for i in range(len(dy)):
            y, x = cy[k] + dy[i], cx[k] + dx[i]
            hit = label > 0 and 0 <= y < height and 0 <= x < width and branches[y, x] == label
            hits[k, i] = hit
            if hit:
                count[k] += 1
                sum_x[k] += dx[i]
                sum_y[k] += dy[i]
    return count, sum_x, sum_y
