"""The border distance computed on the mask's bounding box equals the whole-frame distance transform."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from enrollment.extraction import minutia_filters


def _whole_frame(mask):
    return cv2.distanceTransform(np.pad(mask, 1).astype(np.uint8), cv2.DIST_L2, 5)[1:-1, 1:-1]


def _blobs(seed, shape):
    rng = np.random.default_rng(seed)
    mask = np.zeros(shape, np.uint8)
    for _ in range(rng.integers(1, 5)):
        centre = (int(rng.integers(0, shape[1])), int(rng.integers(0, shape[0])))
        axes = (int(rng.integers(3, shape[1] // 2)), int(rng.integers(3, shape[0] // 2)))
        cv2.ellipse(mask, centre, axes, float(rng.uniform(0, 180)), 0, 360, 1, -1)
    mask[rng.random(shape) < 0.02] ^= 1  # specks and holes
    return mask.astype(bool)


@pytest.mark.parametrize("seed", range(8))
def test_border_distance_is_the_whole_frames(seed):
    mask = _blobs(seed, (97, 120))
    assert np.array_equal(minutia_filters._border_distance(mask), _whole_frame(mask))


def test_border_distance_at_the_frame_edge_and_without_foreground():
    mask = np.zeros((40, 50), bool)
    assert np.array_equal(minutia_filters._border_distance(mask), _whole_frame(mask))
    mask[:, 10:] = True  # touches three edges of the frame
    mask[20, 30] = False
    assert np.array_equal(minutia_filters._border_distance(mask), _whole_frame(mask))
