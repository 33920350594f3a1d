"""The orientation field's numba passes against the numpy expressions they replace, value for value (float32),
on seeded random images including the values at the edges of their ranges."""

from __future__ import annotations

import numpy as np
import pytest

from enrollment.extraction import orientation_field


def _numpy_ridge_angle(doubled: np.ndarray) -> np.ndarray:
    angle = np.multiply(doubled, np.float32(0.5))
    angle += orientation_field._PI / 2
    angle[angle >= orientation_field._PI] -= orientation_field._PI
    return angle


@pytest.mark.parametrize("seed", range(4))
def test_ridge_angle_is_numpys_float32_arithmetic(seed):
    rng = np.random.default_rng(seed)
    doubled = rng.uniform(0, 2 * np.pi, (37, 53)).astype(np.float32)
    doubled.ravel()[:6] = [0.0, np.float32(np.pi), np.float32(2 * np.pi), np.nextafter(np.float32(np.pi), 0),
                           np.nextafter(np.float32(np.pi), 4), np.float32(2 * np.pi) - np.float32(1e-6)]
    expected = _numpy_ridge_angle(doubled.copy())
    angle = orientation_field._ridge_angle(doubled.copy())
    assert angle.dtype == np.float32 and np.array_equal(angle, expected)


@pytest.mark.parametrize("seed", range(4))
def test_product_is_numpys_float32_arithmetic(seed):
    rng = np.random.default_rng(seed)
    a, b = (rng.normal(0, 10.0 ** rng.integers(-3, 4), (41, 29)).astype(np.float32) for _ in range(2))
    weight = (rng.random((41, 29)) < 0.7).astype(np.float32)
    expected = a * b
    expected *= weight
    product = orientation_field._product(a, b, weight)
    assert product.dtype == np.float32 and np.array_equal(product, expected)
    assert np.array_equal(np.signbit(product), np.signbit(expected))  # -0.0 where a negative product meets 0


def _numpy_doubled_angle(gxx, gyy, gxy, weight):
    """The numpy expressions ``orientation_field.compute`` used before the fused pass."""
    cos2 = gxx - gyy
    sin2 = gxy * 2.0
    energy = np.maximum(gxx + gyy, 1e-6)
    strength = np.sqrt(cos2 * cos2 + sin2 * sin2)
    coherence = strength / energy
    scale = coherence / np.maximum(strength, 1e-6)
    return cos2 * scale, sin2 * scale, np.clip(coherence, 0.0, 1.0) * weight


@pytest.mark.parametrize("seed", range(4))
def test_doubled_angle_is_numpys_float32_arithmetic(seed):
    rng = np.random.default_rng(seed)
    shape = (43, 31)
    gxx, gyy = (rng.exponential(10.0 ** rng.integers(-8, 4), shape).astype(np.float32) for _ in range(2))
    gxy = (rng.normal(0, 1, shape) * np.sqrt(gxx * gyy) * 1.01).astype(np.float32)  # coherence a little above 1
    gxx.ravel()[:3] = gyy.ravel()[:3] = gxy.ravel()[:3] = 0.0  # energy and strength at the floor
    weight = (rng.random(shape) < 0.7).astype(np.float32)
    expected = _numpy_doubled_angle(gxx, gyy, gxy, weight)
    result = orientation_field._doubled_angle(gxx, gyy, gxy, weight)
    assert expected[2].max() > 0.99
    for got, want in zip(result, expected, strict=True):
        assert got.dtype == np.float32 and np.array_equal(got, want)
        assert np.array_equal(np.signbit(got), np.signbit(want))
