"""The pixel mask's outline is smoothed by a decimated Gaussian blur (``smoothing.blur``); on real and generated
prints it must give exactly the mask of the full-resolution Gaussian it stands in for."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from enrollment.extraction import block_map, resolution, segmentation_mask
from enrollment.extraction import parameters as p
from enrollment.extraction.smoothing import blur
from enrollment.synthesis import render_impression, synthesize_master


def full_resolution_mask(blocks: np.ndarray, grid: block_map.BlockMap) -> np.ndarray:
    staircase = grid.to_pixels(blocks.astype(np.float32), smooth=False)
    return cv2.GaussianBlur(staircase, (0, 0), p.MASK_SMOOTHING_SIGMA) > 0.5


def check(image: np.ndarray) -> None:
    grey = resolution.resample(image, 500)
    grid = block_map.compute(grey.shape)
    mask = segmentation_mask.compute(grey, grid)
    assert mask.pixels.any()
    assert np.array_equal(mask.pixels, full_resolution_mask(mask.blocks, grid))


@pytest.mark.parametrize("name", ["probe.png", "matching.png", "nonmatching.png"])
def test_sample_masks_equal_the_full_resolution_blur(sourceafis_samples, name):
    check(cv2.imread(str(sourceafis_samples / name), cv2.IMREAD_GRAYSCALE))


@pytest.mark.parametrize(("finger", "width", "height"), [(0, 388, 374), (1, 640, 480)])
def test_generated_masks_equal_the_full_resolution_blur(finger, width, height):
    check(render_impression(synthesize_master(20261203, finger), 20261203, 0, width, height).image)


@pytest.mark.parametrize("shape", [(374, 388), (480, 640), (301, 257), (300, 257), (301, 256), (160, 96), (291, 275),
                                   (290, 274), (289, 262), (294, 259)])  # last blocks of 1-6 rows or columns
def test_smoothed_block_mask_is_the_blur_of_the_pixel_mask(shape):
    blocks = block_map.compute(shape)
    rng = np.random.default_rng(sum(shape))
    mask = (rng.random((blocks.rows, blocks.columns)) < 0.6).astype(np.uint8)
    expected = blur(blocks.to_pixels(mask.astype(np.float32), smooth=False), p.MASK_SMOOTHING_SIGMA)
    assert np.array_equal(segmentation_mask._smoothed(mask, blocks), expected)
