"""Block means (numba) against numpy's strided mean over each block, bit for bit, on seeded random images."""

from __future__ import annotations

import numpy as np
import pytest

from enrollment.extraction import block_map


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("size", [16, 8, 12, 5, 130])
def test_block_means_are_numpys_mean_of_each_block(seed, size):
    rng = np.random.default_rng(seed)
    shape = (int(rng.integers(1, 6)) * size - int(rng.integers(0, size)), int(rng.integers(1, 6)) * size)
    shape = (shape[0], shape[1] - int(rng.integers(0, size)) if seed % 2 else shape[1])  # a last partial column
    blocks = block_map.compute(shape, size)
    image = (rng.normal(0, 10.0 ** rng.integers(-2, 4), shape) ** 2).astype(np.float32)  # large and small values
    padded = blocks.padded(image)
    for squared in (False, True):
        values = padded * padded if squared else padded
        expected = values.reshape(blocks.rows, size, blocks.columns, size).mean(axis=(1, 3))
        means = blocks.block_means(image, squared=squared)
        assert means.dtype == expected.dtype == np.float32 and np.array_equal(means, expected), squared
