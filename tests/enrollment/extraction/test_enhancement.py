"""The Gabor bank's selected responses against their definition: every filter of the bank run as two whole-image
passes, its response taken where the pixel selects it. Run on runs of rows, with mirrored orientations sharing
passes, the values must be the same bit for bit."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from enrollment.extraction import enhancement
from enrollment.extraction import parameters as p


def _reference(image: np.ndarray, wavelength: float, index: np.ndarray, k: int) -> np.ndarray:
    key, row_even, row_odd, column_even, column_odd, sign = enhancement._bank(wavelength, p.GABOR_ORIENTATIONS)[k]
    border = cv2.BORDER_CONSTANT
    response = cv2.filter2D(cv2.filter2D(image, -1, row_even, borderType=border), -1, column_even, borderType=border)
    if key > 1e-6 and sign != 0:
        odd = cv2.filter2D(cv2.filter2D(image, -1, row_odd, borderType=border), -1, column_odd, borderType=border)
        response = response - odd if sign > 0 else response + odd
    return response


def _orientation_index(rng: np.random.Generator, shape: tuple[int, int]) -> np.ndarray:
    """Smooth random orientation bins with patches far apart, so bins recur in separate bands of rows."""
    noise = cv2.GaussianBlur(rng.random(shape).astype(np.float32), (0, 0), 6.0)
    noise = (noise - noise.min()) / (noise.max() - noise.min())
    return np.minimum((noise * p.GABOR_ORIENTATIONS).astype(np.intp), p.GABOR_ORIENTATIONS - 1)


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("period", p.GABOR_PERIODS)
def test_selected_responses_equal_whole_image_passes(seed: int, period: float) -> None:
    rng = np.random.default_rng(seed)
    shape = (int(rng.integers(60, 200)), int(rng.integers(50, 190)))
    image = (rng.standard_normal(shape) * 40).astype(np.float32)
    index = _orientation_index(rng, shape)
    rows = np.zeros((p.GABOR_ORIENTATIONS, shape[0]), bool)
    selected = rng.random(shape) < 0.7  # some rows of a bin carry no weight: they are left out of its runs
    rows[index[selected], np.nonzero(selected)[0]] = True
    wavelength = period / p.ENHANCEMENT_DECIMATION
    out = enhancement._selected_responses(image, wavelength, index, rows)
    checked = 0
    for k in range(p.GABOR_ORIENTATIONS):
        where = (index == k) & rows[k][:, None]
        expected = _reference(image, wavelength, index, k)
        np.testing.assert_array_equal(out[where].view(np.uint32), expected[where].view(np.uint32))
        checked += int(where.sum())
    assert checked > 0.5 * index.size
