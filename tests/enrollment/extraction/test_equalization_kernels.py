"""Equalisation's numba passes give the numpy expressions' float32 values bit for bit, on seeded random
images (with flat parts, where the deviation floor decides)."""

from __future__ import annotations

import numpy as np
import pytest

from enrollment.extraction import equalization
from enrollment.extraction import parameters as p
from enrollment.extraction.smoothing import blur


def _numpy_apply(image, mask):
    sigma = p.EQUALIZATION_SIGMA
    centred = np.subtract(image, blur(image, sigma))
    deviation = blur(centred * centred, sigma)
    np.sqrt(np.maximum(deviation, 0.0, out=deviation), out=deviation)
    floor = max(1.0, float(np.median(deviation[mask])) * 0.1) if mask.any() else 1.0
    normalised = np.divide(centred, np.maximum(deviation, floor, out=deviation), out=centred)
    np.clip(normalised, -p.EQUALIZATION_CLIP, p.EQUALIZATION_CLIP, out=normalised)
    np.copyto(normalised, 0.0, where=~mask)
    return normalised


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("coverage", [0.0, 0.3, 1.0])
def test_apply_is_the_numpy_expression(seed, coverage):
    rng = np.random.default_rng(seed)
    frame = rng.normal(128, rng.uniform(20, 60), (90, 113)).astype(np.float32)
    frame[55:] = rng.normal(128, 1.0, (35, 113))  # faint: the deviation floor decides
    frame[:20, :30] = 200.0  # flat: zero deviation
    frame[:30, 80:] += 400 * (rng.random((30, 33)) < 0.5)  # outliers the clip bounds
    image = frame[3:87, 5:110]  # a view, as the pipeline passes its window
    mask = rng.random(image.shape) < coverage
    expected = _numpy_apply(image, mask)
    result = equalization.apply(image, mask)
    assert result.dtype == np.float32 and np.array_equal(result, expected)
    assert np.array_equal(np.signbit(result), np.signbit(expected))
