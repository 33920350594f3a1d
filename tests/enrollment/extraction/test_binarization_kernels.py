"""Binarisation's numba passes against the numpy expressions they replace, on seeded random images."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from enrollment.extraction import binarization


def _numpy_remove_small(binary, max_area, connectivity):
    count, labels = cv2.connectedComponents(binary, connectivity=connectivity)
    keep = (np.bincount(labels.ravel()[binary.ravel() > 0], minlength=count) > max_area).astype(np.uint8)
    keep[0] = 0
    return keep.take(labels)


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize(("max_area", "connectivity"), [(0, 8), (1, 4), (2, 8), (3, 4), (5, 8)])
def test_not_large_is_one_minus_small_components_removed(seed, max_area, connectivity):
    rng = np.random.default_rng(seed)
    binary = (rng.random((45, 38)) < rng.uniform(0.2, 0.6)).astype(np.uint8)
    expected = 1 - _numpy_remove_small(binary, max_area, connectivity)
    result = binarization._not_large(binary, max_area, connectivity)
    assert result.dtype == np.uint8 and np.array_equal(result, expected)


@pytest.mark.parametrize("seed", range(4))
def test_negative_inside_is_numpys(seed):
    rng = np.random.default_rng(seed)
    enhanced = rng.normal(0, 1, (50, 61)).astype(np.float32)
    enhanced[3, 5:9] = [0.0, -0.0, np.float32(-1e-38), np.float32(1e-38)]
    mask = rng.random(enhanced.shape) < 0.7
    mask[3, 5:9] = True
    rows, columns = slice(3, 47), slice(5, 58)  # a strided view, as apply passes
    expected = ((enhanced[rows, columns] < 0) & mask[rows, columns]).astype(np.uint8)
    result = binarization._negative_inside(enhanced[rows, columns], mask[rows, columns])
    assert np.array_equal(result, expected)
