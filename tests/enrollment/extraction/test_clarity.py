"""Clarity read at minutia pixels equals the whole-frame clarity map (window amplitude over its median, placed
in the frame with 0 around it) read there."""

from __future__ import annotations

import numpy as np
import pytest

from enrollment.extraction import minutia_filters
from enrollment.extraction import parameters as p
from enrollment.extraction.smoothing import blur


@pytest.mark.parametrize("seed", range(4))
def test_clarity_at_pixels_is_the_placed_maps(seed):
    rng = np.random.default_rng(seed)
    enhanced = rng.normal(0, rng.uniform(0.2, 3), (70, 90)).astype(np.float32)
    mask = rng.random(enhanced.shape) < 0.8
    top, left, frame = 13, 21, (110, 130)
    amplitude = blur(np.abs(enhanced), p.CLARITY_SIGMA)
    whole = np.zeros(frame, np.float32)
    whole[top : top + 70, left : left + 90] = amplitude / max(float(np.median(amplitude[mask])), 1e-6)
    ys, xs = rng.integers(0, frame[0], 300), rng.integers(0, frame[1], 300)  # inside and outside the window
    clarity = minutia_filters.clarity_map(enhanced, mask, (top, left))
    values = clarity.at(ys, xs)
    assert values.dtype == np.float32 and np.array_equal(values, whole[ys, xs])
