"""The ridge-frequency patch gather (numba) against the numpy expression it replaces, on seeded random images."""

from __future__ import annotations

import numpy as np
import pytest

from enrollment.extraction import ridge_frequency


def _numpy_patches(padded, rows, cols, step, window):
    views = np.lib.stride_tricks.sliding_window_view(padded, (window, window))[::step, ::step]
    return views[rows, cols] * ridge_frequency._hann(window)


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize(("step", "window"), [(16, 32), (8, 20)])
def test_patches_are_numpys(seed, step, window):
    rng = np.random.default_rng(seed)
    blocks = (7, 9)
    padded = rng.normal(0, 10.0 ** rng.integers(-2, 3), (blocks[0] * step + window - step,
                                                          blocks[1] * step + window - step)).astype(np.float32)
    rows, cols = np.nonzero(rng.random(blocks) < 0.6)
    expected = _numpy_patches(padded, rows, cols, step, window)
    patches = ridge_frequency._patches(padded, rows, cols, step, window)
    assert patches.dtype == expected.dtype == np.float32 and np.array_equal(patches, expected)


def _numpy_spectral_period(patches, window):
    import scipy.fft

    from enrollment.extraction import parameters as p

    power = np.abs(scipy.fft.rfft2(patches, workers=1)) ** 2
    ky = np.fft.fftfreq(window) * window
    kx = np.arange(window // 2 + 1, dtype=np.float64)
    radius = np.hypot(ky[:, None], kx[None, :])
    band = (radius >= window / p.MAX_RIDGE_PERIOD) & (radius <= window / p.MIN_RIDGE_PERIOD)
    flat = power.reshape(len(patches), -1)[:, band.ravel()]
    r = radius[band]
    peak = np.argmax(flat, axis=1)
    near = np.abs(r[None, :] - r[peak][:, None]) <= 1.0
    near_power = np.where(near, flat, 0.0)
    peak_radius = (near_power * r[None, :]).sum(axis=1) / np.maximum(near_power.sum(axis=1), 1e-12)
    share = near_power.sum(axis=1) / np.maximum(flat.sum(axis=1), 1e-12)
    return (window / np.maximum(peak_radius, 1e-6)).astype(np.float32), share.astype(np.float32)


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("window", [32, 24])
def test_band_only_spectral_period_is_the_whole_spectrums(seed, window):
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[:window, :window]
    period = rng.uniform(4, 14, (30, 1, 1))
    angle = rng.uniform(0, np.pi, (30, 1, 1))
    waves = np.cos(2 * np.pi * (x * np.cos(angle) + y * np.sin(angle)) / period)
    patches = (waves + rng.normal(0, 0.5, waves.shape)).astype(np.float32) * ridge_frequency._hann(window)
    expected = _numpy_spectral_period(patches, window)
    result = ridge_frequency._spectral_period(patches, window)
    assert all(a.dtype == b.dtype and np.array_equal(a, b) for a, b in zip(result, expected, strict=True))
