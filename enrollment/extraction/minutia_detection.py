"""Minutia detection on the cleaned skeleton: endings (crossing number 1) and bifurcations (junction clusters
with exactly three branches), each with a direction traced along its branches and snapped to the orientation
field when the two agree.

Directions follow the template convention's meaning: an ending points along its ridge into the ridge body; a
bifurcation points from the fork into the valley between its two branches, i.e. away from its stem.
"""

from __future__ import annotations

import numpy as np

from enrollment.extraction import parameters as p
from enrollment.extraction import skeleton_graph
from enrollment.extraction.minutiae import Minutiae
from enrollment.extraction.neighbourhood import content_window
from enrollment.template.model import KIND_BIFURCATION, KIND_ENDING


def detect(skeleton: np.ndarray, orientation: np.ndarray, offset: tuple[int, int] = (0, 0)) -> Minutiae:
    """All minutiae of the 0/1 ``skeleton``; ``orientation`` is the ridge angle field in [0, pi). When the two
    are a window of a larger frame at ``offset`` (y, x), positions are in the frame's coordinates.

    The graph is analysed on the window around the skeleton's pixels (exact: the analysis is local)."""
    rows, columns = content_window(skeleton, 2)
    origin = (rows.start + offset[0], columns.start + offset[1])
    if rows.stop <= rows.start or columns.stop <= columns.start:
        return _none()
    graph = skeleton_graph.analyse(np.ascontiguousarray(skeleton[rows, columns]), origin)
    parts = [_endings(graph), _bifurcations(graph)]
    found = Minutiae.concatenate(parts)
    xy = found.xy + np.array(origin[::-1], np.float64)
    local = xy - np.array(offset[::-1], np.float64)
    return Minutiae(xy, _snap(found.angle, local, orientation), found.kinds, found.reliability)


def _endings(graph: skeleton_graph.SkeletonGraph) -> Minutiae:
    centres = graph.endings.astype(np.float64).reshape(-1, 2)
    labels = graph.branches[graph.endings[:, 0], graph.endings[:, 1]] if len(centres) else np.zeros(0, np.int32)
    vectors, support = skeleton_graph.branch_vectors(graph.branches, centres, labels)
    keep = support >= p.MIN_BRANCH_PIXELS
    angle = np.arctan2(vectors[keep, 1], vectors[keep, 0])
    n = int(keep.sum())
    return Minutiae(centres[keep, ::-1].copy(), angle, np.full(n, KIND_ENDING, np.uint8), np.zeros(n))


def _bifurcations(graph: skeleton_graph.SkeletonGraph) -> Minutiae:
    start = graph.junction_branch_start
    three = np.flatnonzero(np.diff(start) == 3)
    if not len(three):
        return _none()
    centres = np.repeat(graph.junctions[three], 3, axis=0)
    labels = graph.junction_branch_labels[(start[three, None] + np.arange(3)).ravel()]
    vectors, support = skeleton_graph.branch_vectors(graph.branches, centres, labels)
    vectors = vectors.reshape(-1, 3, 2)
    enough = (support.reshape(-1, 3) >= p.MIN_BRANCH_PIXELS).all(axis=1)
    units = vectors / np.maximum(np.linalg.norm(vectors, axis=2, keepdims=True), 1e-9)
    # the stem is the branch opposite the closest pair of branches
    closeness = np.stack([(units[:, 1] * units[:, 2]).sum(1), (units[:, 0] * units[:, 2]).sum(1),
                          (units[:, 0] * units[:, 1]).sum(1)], axis=1)
    stem = np.argmax(closeness, axis=1)
    rows = np.arange(len(units))
    towards_branches = units.sum(axis=1) - 2 * units[rows, stem]
    angle = np.arctan2(towards_branches[:, 1], towards_branches[:, 0])[enough]
    xy = graph.junctions[three][enough][:, ::-1].copy()
    n = len(xy)
    return Minutiae(xy, angle, np.full(n, KIND_BIFURCATION, np.uint8), np.zeros(n))


def _none() -> Minutiae:
    return Minutiae(np.zeros((0, 2)), np.zeros(0), np.zeros(0, np.uint8), np.zeros(0))


def _snap(angle: np.ndarray, xy: np.ndarray, orientation: np.ndarray) -> np.ndarray:
    """Replace each traced angle by the orientation field's (same sense) where they agree within tolerance."""
    if not len(angle):
        return angle
    ys = np.clip(np.rint(xy[:, 1]).astype(np.intp), 0, orientation.shape[0] - 1)
    xs = np.clip(np.rint(xy[:, 0]).astype(np.intp), 0, orientation.shape[1] - 1)
    field = orientation[ys, xs].astype(np.float64)
    difference = np.angle(np.exp(1j * (angle - field)))  # in (-pi, pi]
    flipped = np.abs(difference) > np.pi / 2
    candidate = field + np.where(flipped, np.pi, 0.0)
    residual = np.abs(np.angle(np.exp(1j * (angle - candidate))))
    return np.mod(np.where(residual <= p.SNAP_TOLERANCE, candidate, angle), 2 * np.pi)
