"""The ridge-frequency patch gather (numba) against the numpy expression it replaces, on seeded random images."""

from __future__ import annotations

import numpy as np
import pytest

from enrollment.extraction import ridge_frequency


def _numpy_patches(padded, rows, cols, step, window):
    views = np.lib.stride_tricks.sliding_window_view(padded, (window, window))[::step, ::step]
    return views[rows, cols] * ridge_frequency._hann(window)


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize(("step", "window"), [(16, 32), (8, 20)])
def test_patches_are_numpys(seed, step, window):
    rng = np.random.default_rng(seed)
    blocks = (7, 9)
    padded = rng.normal(0, 10.0 ** rng.integers(-2, 3), (blocks[0] * step + window - step,
                                                          blocks[1] * step + window - step)).astype(np.float32)
    rows, cols = np.nonzero(rng.random(blocks) < 0.6)
    expected = _numpy_patches(padded, rows, cols, step, window)
    patches = ridge_frequency._patches(padded, rows, cols, step, window)
    assert patches.dtype == expected.dtype == np.float32 and np.array_equal(patches, expected)
