"""The numba skeleton labellings against the whole-image OpenCV/numpy steps they replace, output for output, on
seeded random skeletons (thinned blobs and noise) and plain noise."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from enrollment.extraction import parameters as p
from enrollment.extraction import skeleton_graph, skeleton_labels, thinning
from enrollment.extraction.neighbourhood import CROSSING_NUMBER, crossing_numbers

_BOX = np.ones((3, 3), np.uint8)


def _images(seed: int) -> list[np.ndarray]:
    rng = np.random.default_rng(seed)
    shape = (int(rng.integers(1, 90)), int(rng.integers(1, 90)))
    noise = cv2.GaussianBlur(rng.random(shape).astype(np.float32), (0, 0), 1.5)
    blobs = (noise > np.median(noise)).astype(np.uint8)
    sparse = (rng.random(shape) < rng.uniform(0.05, 0.5)).astype(np.uint8)
    return [thinning.apply(blobs), thinning.apply(sparse), sparse, np.zeros(shape, np.uint8)]


def _reference_graph(skeleton: np.ndarray, origin: tuple[int, int]) -> skeleton_graph.SkeletonGraph:
    """The graph as the OpenCV steps built it: filter2D/LUT crossing numbers, connectedComponents, dilations."""
    cn = crossing_numbers(skeleton)
    width = skeleton.shape[1]
    on = np.flatnonzero(skeleton)
    on_cn = cn.ravel()[on]
    endings = np.stack([on[on_cn == 1] // width, on[on_cn == 1] % width], axis=1)
    junction_flat = on[on_cn >= 3]
    junction_yx = np.stack([junction_flat // width, junction_flat % width], axis=1)
    if len(junction_flat):
        _, labels = cv2.connectedComponents((cn >= 3).view(np.uint8), connectivity=8)
        raw = labels.ravel()[junction_flat]
        found, first = np.unique(raw, return_index=True)
        rank = np.zeros(int(found.max()) + 1, np.intp)
        rank[found[np.argsort(first)]] = np.arange(len(found))
        cluster = rank[raw]
    else:
        cluster = np.zeros(0, np.intp)
    count = int(cluster.max()) + 2 if len(cluster) else 1
    cluster_labels = np.zeros(skeleton.shape, np.float32)
    cluster_labels.ravel()[junction_flat] = cluster + 1
    zone = cv2.dilate(cluster_labels, _BOX)
    branch_count, branches = cv2.connectedComponents(cv2.bitwise_and(skeleton, (zone == 0).view(np.uint8)),
                                                     connectivity=8)
    ring = cv2.dilate(zone, _BOX)
    touching = (branches > 0) & (ring > 0)
    keys = np.unique(ring[touching].astype(np.int64) * (branch_count + 1) + branches[touching])
    owner, attached = np.divmod(keys, branch_count + 1)
    start = np.concatenate([[0], np.cumsum(np.bincount(owner - 1, minlength=count - 1))])  # owner j + 1: cluster j
    size = np.maximum(np.bincount(cluster, minlength=count - 1), 1)
    oy, ox = origin
    junctions = np.stack([np.bincount(cluster, junction_yx[:, 0] + oy, count - 1) / size - oy,
                          np.bincount(cluster, junction_yx[:, 1] + ox, count - 1) / size - ox], axis=1).reshape(-1, 2)
    sizes = np.bincount(branches.ravel()[on], minlength=branch_count)
    return skeleton_graph.SkeletonGraph(skeleton, endings, junctions, branches, attached, start, cn, sizes)


@pytest.mark.parametrize("seed", range(12))
def test_large_components_are_opencvs_components_of_that_size(seed):
    for image in _images(seed):
        count, labels = cv2.connectedComponents(image, connectivity=8)
        sizes = np.bincount(labels.ravel(), minlength=count)
        for min_size in (1, 3, 15):
            keep = sizes >= min_size
            keep[0] = False
            kept = skeleton_labels.large_components(image, min_size)
            assert kept.dtype == np.uint8 and np.array_equal(kept, keep.view(np.uint8).take(labels))


@pytest.mark.parametrize("seed", range(12))
def test_graph_is_the_opencv_graph_field_for_field(seed):
    for image in _images(seed):
        graph = skeleton_graph.analyse(image, (3, 7))
        expected = _reference_graph(image, (3, 7))
        for name in ("endings", "junctions", "branches", "crossing", "branch_sizes"):
            got, want = getattr(graph, name), getattr(expected, name)
            assert got.dtype == want.dtype and np.array_equal(got, want), name
        for name in ("junction_branch_labels", "junction_branch_start"):
            got, want = getattr(graph, name), getattr(expected, name)
            assert np.array_equal(got, want), name
        assert len(graph.junction_branch_start) == len(graph.junctions) + 1


def _reference_prune(skeleton: np.ndarray, branches: np.ndarray, cut: np.ndarray, rounds: int) -> np.ndarray:
    pruned = skeleton & (~cut).view(np.uint8).take(branches)
    candidates = (skeleton > 0) & (branches == 0)
    for _ in range(rounds):
        pruned[(crossing_numbers(pruned) == 1) & candidates] = 0
    return pruned


@pytest.mark.parametrize("seed", range(12))
def test_prune_is_the_whole_image_removal(seed):
    rng = np.random.default_rng(100 + seed)
    for image in _images(seed):
        graph = skeleton_graph.analyse(image)
        cut = rng.random(len(graph.branch_sizes)) < 0.3
        cut[0] = False
        for rounds in (0, 1, 2):
            pruned = skeleton_labels.prune(image, graph.branches, cut, rounds, CROSSING_NUMBER)
            assert np.array_equal(pruned, _reference_prune(image, graph.branches, cut, rounds))


def _reference_branch_vectors(branches: np.ndarray, centres: np.ndarray, labels: np.ndarray):
    """Mean offsets gathered from the zero-padded label image with whole-array numpy."""
    dy, dx = skeleton_graph._DY, skeleton_graph._DX
    r = p.DIRECTION_RADIUS
    padded = np.pad(branches, r)
    cy = np.rint(centres[:, 0]).astype(np.intp) + r
    cx = np.rint(centres[:, 1]).astype(np.intp) + r
    width = padded.shape[1]
    window = padded.ravel().take((cy * width + cx)[:, None] + (dy * width + dx)[None, :])
    hits = (window == labels[:, None]) & (labels[:, None] > 0)
    count = hits.sum(axis=1)
    safe = np.maximum(count, 1)
    off_x = dx[None, :] + (cx - r - centres[:, 1])[:, None]
    off_y = dy[None, :] + (cy - r - centres[:, 0])[:, None]
    return np.stack([(hits * off_x).sum(axis=1) / safe, (hits * off_y).sum(axis=1) / safe], axis=1), count


@pytest.mark.parametrize("seed", range(12))
def test_branch_vectors_are_the_padded_gather(seed):
    rng = np.random.default_rng(200 + seed)
    for image in _images(seed)[:3]:
        graph = skeleton_graph.analyse(image)
        height, width = image.shape
        ends = graph.endings.astype(np.float64).reshape(-1, 2)
        centres = [ends, np.column_stack([rng.uniform(0, height - 1, 20), rng.uniform(0, width - 1, 20)])]
        for where in centres:
            labels = rng.integers(0, len(graph.branch_sizes) + 1, len(where))
            if len(where) == len(ends):
                labels[::2] = graph.branches[graph.endings[::2, 0], graph.endings[::2, 1]]
            vectors, count = skeleton_graph.branch_vectors(graph.branches, where, labels)
            expected_vectors, expected_count = _reference_branch_vectors(graph.branches, where, labels)
            assert np.array_equal(count, expected_count) and count.dtype == expected_count.dtype
            assert np.array_equal(vectors, expected_vectors)
