"""The numba thinning kernel against the definition it implements: Guo-Hall's two parallel sub-iterations, each
deciding every pixel from the image as it was before it (written here with whole-image numpy shifts)."""

from __future__ import annotations

import numpy as np
import pytest

from enrollment.extraction import parameters as p
from enrollment.extraction import thinning
from enrollment.extraction.neighbourhood import OFFSETS


def _reference(ridges: np.ndarray) -> np.ndarray:
    image = (ridges > 0).astype(np.uint8)
    padded = np.pad(image, 1)
    tables = [thinning._deletion_table(False), thinning._deletion_table(True)]
    height, width = image.shape
    for _ in range(p.MAX_THINNING_ITERATIONS):
        changed = False
        for table in tables:
            code = np.zeros((height, width), np.intp)
            for bit, (dy, dx) in enumerate(OFFSETS):
                code |= padded[1 + dy : 1 + dy + height, 1 + dx : 1 + dx + width].astype(np.intp) << bit
            delete = table[code] & (padded[1:-1, 1:-1] > 0)
            if delete.any():
                padded[1:-1, 1:-1][delete] = 0
                changed = True
        if not changed:
            break
    return padded[1:-1, 1:-1]


def _blobs(rng: np.random.Generator, shape: tuple[int, int]) -> np.ndarray:
    """Thick random shapes (several thinning iterations), some touching the image edge."""
    import cv2

    noise = cv2.GaussianBlur(rng.random(shape).astype(np.float32), (0, 0), 2.5)
    return (noise > np.median(noise)).astype(np.uint8)


@pytest.mark.parametrize("seed", range(6))
def test_thinning_is_the_parallel_sub_iterations_pixel_for_pixel(seed):
    rng = np.random.default_rng(seed)
    shape = (int(rng.integers(20, 90)), int(rng.integers(20, 90)))
    for ridges in (_blobs(rng, shape), (rng.random(shape) < 0.6).astype(np.uint8), np.ones(shape, np.uint8)):
        assert np.array_equal(thinning.apply(ridges), _reference(ridges))


def test_thinning_leaves_a_one_pixel_line_and_an_empty_image_alone():
    line = np.zeros((9, 12), np.uint8)
    line[4, 2:10] = 1
    assert np.array_equal(thinning.apply(line), line)
    assert not thinning.apply(np.zeros((5, 5), np.uint8)).any()
