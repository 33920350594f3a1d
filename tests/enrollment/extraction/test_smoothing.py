"""The decimated blur: whole cells (the image extended by reflection), and close to the full-resolution Gaussian."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from enrollment.extraction import smoothing


@pytest.mark.parametrize("shape", [(37, 45), (40, 44), (41, 42)])
@pytest.mark.parametrize("factor", [2, 4])
def test_shrink_averages_whole_cells_of_the_reflected_image(shape, factor):
    image = np.random.default_rng(sum(shape) + factor).normal(0, 1, shape).astype(np.float32)
    small = smoothing.shrink(image, factor)
    rows, columns = -(-shape[0] // factor), -(-shape[1] // factor)
    extended = np.pad(image, ((0, rows * factor - shape[0]), (0, columns * factor - shape[1])), mode="reflect")
    cells = extended.reshape(rows, factor, columns, factor).mean(axis=(1, 3))
    assert small.shape == (rows, columns) and np.allclose(small, cells, atol=1e-6)


@pytest.mark.parametrize("shape", [(374, 388), (301, 257), (160, 96)])
@pytest.mark.parametrize("sigma", [6.0, 7.0, 9.0, 12.0])
def test_the_decimated_blur_is_close_to_the_full_resolution_gaussian(shape, sigma):
    rng = np.random.default_rng(int(sigma) + shape[0])
    field = cv2.GaussianBlur(rng.normal(0, 1, shape).astype(np.float32), (0, 0), 4.0)  # a field worth smoothing
    field += np.linspace(0, 1, shape[1], dtype=np.float32)[None, :]  # and a trend up to the edge
    assert smoothing.decimation(sigma) > 1
    blurred = smoothing.blur(field, sigma)
    expected = cv2.GaussianBlur(field, (0, 0), sigma)
    assert blurred.shape == shape and blurred.dtype == np.float32 and blurred.flags.c_contiguous
    inner = (slice(2 * int(sigma), -2 * int(sigma)),) * 2  # away from the edges, where the borders differ
    assert np.abs(blurred - expected)[inner].max() < 0.05 * np.ptp(expected[inner])


def test_a_constant_image_stays_constant():
    image = np.full((45, 37), 3.25, np.float32)
    assert np.allclose(smoothing.blur(image, 9.0), image, rtol=0, atol=1e-5)  # the Gaussian's float32 taps
