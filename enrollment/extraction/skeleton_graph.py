"""The skeleton read as a graph: ridge endings, junctions, the branches between them, and branch directions.

Junction pixels (crossing number >= 3) are grouped into clusters; removing each cluster's 3x3 neighbourhood
cuts the skeleton into branches (8-connected components). A branch's direction at one of its ends is the mean
offset of its pixels within ``DIRECTION_RADIUS`` of that end: a short trace along the ridge, done for all
ends at once.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

from enrollment.extraction import parameters as p
from enrollment.extraction.neighbourhood import crossing_numbers

_BOX = np.ones((3, 3), np.uint8)


@dataclass(frozen=True)
class SkeletonGraph:
    skeleton: np.ndarray  # uint8 0/1
    endings: np.ndarray  # int (N, 2) y, x of crossing-number-1 pixels
    junctions: np.ndarray  # float (M, 2) y, x centroids of junction clusters
    branches: np.ndarray  # int32 label image of branches (0: none / junction zone)
    junction_branches: list[np.ndarray]  # per junction cluster: labels of the branches leaving it


def analyse(skeleton: np.ndarray) -> SkeletonGraph:
    """Endings, junction clusters and branches of a 0/1 skeleton."""
    cn = crossing_numbers(skeleton)
    endings = np.argwhere(cn == 1)
    junction_yx = np.argwhere(cn >= 3)
    cluster = _clusters(junction_yx)
    count = int(cluster.max()) + 2 if len(cluster) else 1
    cluster_labels = np.zeros(skeleton.shape, np.float32)
    cluster_labels[junction_yx[:, 0], junction_yx[:, 1]] = cluster + 1
    zone = cv2.dilate(cluster_labels, _BOX)  # max label around each cluster
    branch_pixels = ((skeleton > 0) & (zone == 0)).astype(np.uint8)
    _, branches = cv2.connectedComponents(branch_pixels, connectivity=8)
    ring = cv2.dilate(zone, _BOX)
    touching = (branches > 0) & (ring > 0)
    pairs = np.unique(np.stack([ring[touching].astype(np.int64), branches[touching].astype(np.int64)]), axis=1)
    junction_branches = [pairs[1, pairs[0] == j] for j in range(1, count)]
    size = np.maximum(np.bincount(cluster, minlength=count - 1), 1)
    junctions = np.stack([np.bincount(cluster, junction_yx[:, 0], count - 1) / size,
                          np.bincount(cluster, junction_yx[:, 1], count - 1) / size], axis=1).reshape(-1, 2)
    return SkeletonGraph(skeleton, endings, junctions, branches, junction_branches)


def _clusters(points: np.ndarray) -> np.ndarray:
    """Cluster index of each (y, x) point; 8-adjacent points share a cluster."""
    if len(points) == 0:
        return np.zeros(0, np.intp)
    gap = np.abs(points[:, None, :] - points[None, :, :]).max(axis=2)
    _, labels = connected_components(csr_matrix(gap <= 1), directed=False)
    return labels


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
    r = p.DIRECTION_RADIUS
    padded = np.pad(branches, r)
    cy = np.rint(centres[:, 0]).astype(np.intp) + r
    cx = np.rint(centres[:, 1]).astype(np.intp) + r
    window = padded[cy[:, None] + _DY[None, :], cx[:, None] + _DX[None, :]]
    hits = (window == labels[:, None]) & (labels[:, None] > 0)
    count = hits.sum(axis=1)
    # offsets from the exact (possibly sub-pixel) centre
    off_x = _DX[None, :] + (cx - r - centres[:, 1])[:, None]
    off_y = _DY[None, :] + (cy - r - centres[:, 0])[:, None]
    safe = np.maximum(count, 1)
    vectors = np.stack([(hits * off_x).sum(axis=1) / safe, (hits * off_y).sum(axis=1) / safe], axis=1)
    return vectors, count
