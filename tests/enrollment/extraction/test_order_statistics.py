"""The radix-selection median and the sorted percentile equal numpy's, value for value, on seeded random float32
samples (and, for the percentile, any samples hypothesis finds)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from enrollment.extraction import order_statistics
from enrollment.extraction.order_statistics import median


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("size", [1, 2, 3, 8, 999, 1000, 40_001, 40_002])
@pytest.mark.parametrize("kind", ["uniform", "exponential", "ties", "tiny"])
def test_median_is_numpys(seed, size, kind):
    rng = np.random.default_rng(seed)
    values = {
        "uniform": lambda: rng.uniform(0, 10, size),
        "exponential": lambda: rng.exponential(1e-3, size),
        "ties": lambda: rng.integers(0, 4, size) * 0.5,  # many equal values around the middle
        "tiny": lambda: rng.uniform(0, 1e-38, size),  # subnormals and zeros
    }[kind]().astype(np.float32)
    result = median(values)
    assert type(result) is float and result == float(np.median(values))


@pytest.mark.parametrize("values", [[3.0, -1.0, 2.0, 5.0], [-0.0, 0.0, 1.0], [np.inf, 1.0, 2.0, np.inf],
                                    [1.0, np.nan, 2.0]])
def test_median_of_signed_infinite_or_nan_values_is_numpys(values):
    values = np.asarray(values, np.float32)
    assert np.array_equal(median(values), float(np.median(values)), equal_nan=True)


@pytest.mark.parametrize("seed", range(10))
def test_percentile_is_numpys_linear_percentile(seed):
    rng = np.random.default_rng(seed)
    for _ in range(100):
        shape = (int(rng.integers(1, 40)), int(rng.integers(1, 40)))
        values = (rng.random(shape) * 10.0 ** rng.integers(-3, 4)).astype(np.float32)
        if rng.random() < 0.3:
            values = np.round(values, 1)  # ties
        q = float(rng.choice([0.0, 50.0, 80.0, 100.0, rng.uniform(0, 100)]))
        assert order_statistics.percentile(values, q) == float(np.percentile(values, q)), (shape, q)


@given(arrays(np.float32, st.integers(1, 60), elements=st.floats(0, 1e6, width=32)), st.floats(0, 100))
def test_percentile_of_any_values(values, q):
    assert order_statistics.percentile(values, q) == float(np.percentile(values, q))
