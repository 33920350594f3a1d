"""The enhancement's numba selection passes against the numpy expressions they replace, value for value
(float32), on seeded random inputs."""

from __future__ import annotations

import numpy as np
import pytest

from enrollment.extraction import gabor_selection

COUNT = 16


def _numpy_period_weights(position, period, bins, count):
    weight = np.abs(position - period)
    np.subtract(1.0, weight, out=weight)
    np.maximum(weight, 0.0, out=weight)
    height = position.shape[0]
    codes = np.where(weight > 0, bins.astype(np.intp), count)
    codes *= height
    codes += np.arange(height)[:, None]
    rows = np.bincount(codes.ravel(), minlength=(count + 1) * height)[: count * height].reshape(count, height) > 0
    return weight, rows


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("period", [0, 1, 2])
def test_period_weights_are_numpys(seed, period):
    rng = np.random.default_rng(seed)
    position = rng.uniform(0, 2, (31, 23)).astype(np.float32)
    position.ravel()[:5] = [period, period + 1, period - 1, np.nextafter(np.float32(period + 1), 0), 0.0]
    position[7] = 2.0  # a row where nothing near period 0 is selected
    bins = rng.integers(0, COUNT, position.shape).astype(np.uint8)
    weight, rows = gabor_selection.period_weights(position, period, bins, COUNT)
    expected_weight, expected_rows = _numpy_period_weights(position, period, bins, COUNT)
    assert weight.dtype == np.float32 and np.array_equal(weight, expected_weight)
    assert np.array_equal(np.signbit(weight), np.signbit(expected_weight))
    assert np.array_equal(rows, expected_rows)


@pytest.mark.parametrize("seed", range(4))
def test_accumulate_is_numpys(seed):
    rng = np.random.default_rng(seed)
    response, selected = (rng.normal(0, 10.0 ** rng.integers(-3, 4), (29, 37)).astype(np.float32)
                          for _ in range(2))
    weight = np.maximum(rng.uniform(-0.5, 1, response.shape), 0).astype(np.float32)
    expected = response + selected * weight
    gabor_selection.accumulate(response, selected, weight)
    assert np.array_equal(response, expected)


@pytest.mark.parametrize("seed", range(4))
def test_place_is_numpys_combine_and_masked_copy(seed):
    rng = np.random.default_rng(seed)
    height, width, start, stop, low = 40, 33, 9, 27, 4
    even, odd = (rng.normal(0, 1, (30, width)).astype(np.float32) for _ in range(2))
    bins = rng.integers(0, COUNT, (height, width)).astype(np.uint8)
    members = {3: gabor_selection.EVEN_MINUS_ODD, 13: gabor_selection.EVEN_PLUS_ODD, 0: gabor_selection.EVEN_ONLY}
    roles = np.zeros(COUNT, np.uint8)
    expected = rng.normal(0, 1, (height, width)).astype(np.float32)
    out = expected.copy()
    for k, role in members.items():
        roles[k] = role
        response = {gabor_selection.EVEN_MINUS_ODD: even - odd, gabor_selection.EVEN_PLUS_ODD: even + odd,
                    gabor_selection.EVEN_ONLY: even}[role]
        np.copyto(expected[start:stop], response[start - low : stop - low], where=bins[start:stop] == k)
    gabor_selection.place(out, even, odd, bins, roles, start, stop, low)
    assert np.array_equal(out, expected)
