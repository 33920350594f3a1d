"""Ridge period per block, from the spectral peak of a windowed patch, smoothed and with a 500-dpi prior.

Each block's centred window is Hann-weighted and Fourier-transformed in one batch; the strongest peak in the
band of plausible ridge periods gives the period. Blocks without a clear peak borrow from their neighbours
(masked Gaussian smoothing) and, failing that, take the prior period.
"""

from __future__ import annotations

import functools

import cv2
import numpy as np
import scipy.fft
from numba import njit

from enrollment.extraction import parameters as p
from enrollment.extraction.block_map import BlockMap
from enrollment.kernel_options import KERNEL


def compute(image: np.ndarray, mask_blocks: np.ndarray, blocks: BlockMap) -> np.ndarray:
    """Ridge period in pixels per block (float32, rows x columns) of the equalised ``image``."""
    window = p.FREQUENCY_WINDOW
    margin = (window - blocks.size) // 2
    padded = cv2.copyMakeBorder(
        image, margin, blocks.rows * blocks.size - blocks.height + margin,
        margin, blocks.columns * blocks.size - blocks.width + margin, cv2.BORDER_CONSTANT, value=0,
    )
    rows, cols = np.nonzero(mask_blocks)
    periods = np.full(mask_blocks.shape, np.nan, np.float32)
    weights = np.zeros(mask_blocks.shape, np.float32)
    if len(rows):
        patches = _patches(padded, rows, cols, blocks.size, window)
        period, share = _spectral_period(patches, window)
        good = share >= p.MIN_PEAK_SHARE
        periods[rows[good], cols[good]] = period[good]
        weights[rows[good], cols[good]] = share[good]
    return _smooth(periods, weights)


def _patches(padded: np.ndarray, rows: np.ndarray, cols: np.ndarray, step: int, window: int) -> np.ndarray:
    """The Hann-weighted ``window``-wide patch starting at (row, col) * ``step`` of ``padded``, for each block
    (float32 products, as numpy's; one numba pass instead of a fancy-indexed gather of strided views)."""
    patches = np.empty((len(rows), window, window), np.float32)
    _patches_kernel(padded, rows, cols, step, _hann(window), patches)
    return patches


@njit(**KERNEL)
def _patches_kernel(padded: np.ndarray, rows: np.ndarray, cols: np.ndarray, step: int, hann: np.ndarray,
                    out: np.ndarray) -> None:
    size = hann.shape[0]
    for i in range(len(rows)):
        top, left = rows[i] * step, cols[i] * step
        for y in range(size):
            for x in range(size):
                out[i, y, x] = padded[top + y, left + x] * hann[y, x]


@functools.cache
def _hann(window: int) -> np.ndarray:
    hann = np.hanning(window).astype(np.float32)
    return hann[:, None] * hann[None, :]


@functools.cache
def _band(window: int) -> tuple[np.ndarray, np.ndarray]:
    """The flat indices of the rfft2 spectrum whose radius lies in the band of ridge periods, and the radii."""
    ky = np.fft.fftfreq(window) * window
    kx = np.arange(window // 2 + 1, dtype=np.float64)
    radius = np.hypot(ky[:, None], kx[None, :])
    band = (radius >= window / p.MAX_RIDGE_PERIOD) & (radius <= window / p.MIN_RIDGE_PERIOD)
    indices, radii = np.flatnonzero(band), radius[band]
    indices.setflags(write=False)
    radii.setflags(write=False)
    return indices, radii


def _spectral_period(patches: np.ndarray, window: int) -> tuple[np.ndarray, np.ndarray]:
    band, r = _band(window)
    spectrum = scipy.fft.rfft2(patches, workers=1).reshape(len(patches), -1)
    flat = np.abs(spectrum[:, band]) ** 2  # the power in the band only
    peak = np.argmax(flat, axis=1)
    near = np.abs(r[None, :] - r[peak][:, None]) <= 1.0
    near_power = np.where(near, flat, 0.0)
    near_total = near_power.sum(axis=1)
    peak_radius = (near_power * r[None, :]).sum(axis=1) / np.maximum(near_total, 1e-12)
    share = near_total / np.maximum(flat.sum(axis=1), 1e-12)
    return (window / np.maximum(peak_radius, 1e-6)).astype(np.float32), share.astype(np.float32)


def _smooth(periods: np.ndarray, weights: np.ndarray) -> np.ndarray:
    sigma = p.FREQUENCY_SMOOTHING_BLOCKS
    values = np.where(weights > 0, periods, 0.0).astype(np.float32)
    numerator = cv2.GaussianBlur(values * weights, (0, 0), sigma, borderType=cv2.BORDER_CONSTANT)
    denominator = cv2.GaussianBlur(weights, (0, 0), sigma, borderType=cv2.BORDER_CONSTANT)
    smoothed = np.where(denominator > 1e-3, numerator / np.maximum(denominator, 1e-6), p.PRIOR_RIDGE_PERIOD)
    return np.clip(smoothed, p.MIN_RIDGE_PERIOD, p.MAX_RIDGE_PERIOD).astype(np.float32)
