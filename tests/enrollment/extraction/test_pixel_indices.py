"""The set-pixel scan against ``np.flatnonzero``, on seeded random images of every density and odd sizes."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from enrollment.extraction.pixel_indices import set_pixels


@pytest.mark.parametrize("seed", range(8))
def test_set_pixels_are_flatnonzeros_indices(seed):
    rng = np.random.default_rng(seed)
    shape = (int(rng.integers(1, 70)), int(rng.integers(1, 70)))  # sizes that are not whole 8-byte words
    for density in (0.0, 0.02, 0.3, 0.9, 1.0):
        image = (rng.random(shape) < density).astype(np.uint8)
        image[image > 0] = rng.integers(1, 256, int(image.sum()), dtype=np.uint8)  # any non-zero byte counts
        for view in (image, image[:, ::-1], image > 0):  # a strided view and a bool image too
            got = set_pixels(view)
            assert got.dtype == np.intp and np.array_equal(got, np.flatnonzero(view))


@given(arrays(np.uint8, st.integers(0, 200), elements=st.sampled_from([0, 0, 0, 1, 255])))
def test_set_pixels_of_any_flat_bytes(values):
    assert np.array_equal(set_pixels(values), np.flatnonzero(values))
