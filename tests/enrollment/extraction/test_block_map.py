"""Block means of an image padded beforehand are those of the image itself (the padding is done once)."""

from __future__ import annotations

import numpy as np
import pytest

from enrollment.extraction import block_map


@pytest.mark.parametrize("shape", [(37, 50), (48, 32), (33, 16)])
def test_block_means_of_the_padded_image_are_the_images(shape):
    image = np.random.default_rng(sum(shape)).normal(100, 30, shape).astype(np.float32)
    blocks = block_map.compute(shape, 16)
    padded = blocks.padded(image)
    assert padded.shape == (blocks.rows * 16, blocks.columns * 16)
    assert np.array_equal(padded[: shape[0], : shape[1]], image)
    assert np.array_equal(padded[-1, : shape[1]], image[-1]) and np.array_equal(padded[: shape[0], -1], image[:, -1])
    assert blocks.padded(padded) is padded
    assert np.array_equal(blocks.block_means(padded), blocks.block_means(image))
    assert np.array_equal(blocks.block_means(padded * padded), blocks.block_means(image * image))
