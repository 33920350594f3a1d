"""Contrast equalisation: local zero-mean, unit-variance grey levels, so that dry and dark regions look alike."""

from __future__ import annotations

import numpy as np
from numba import njit

from enrollment.extraction import order_statistics
from enrollment.extraction import parameters as p
from enrollment.extraction.smoothing import blur
from enrollment.kernel_options import KERNEL


def apply(image: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """``image`` normalised by its local mean and standard deviation (float32, ~[-3, 3]; 0 off the mask).

    The per-pixel steps are numba passes with numpy's float32 arithmetic (``floor`` and the clip bounds are
    float32, as numpy casts a Python float next to a float32 array)."""
    sigma = p.EQUALIZATION_SIGMA
    centred, square = _centred(image, blur(image, sigma))
    deviation = blur(square, sigma)
    inside = _deviation(deviation, mask)
    floor = max(1.0, order_statistics.median(inside) * 0.1) if len(inside) else 1.0
    _normalise(centred, deviation, mask, np.float32(floor), np.float32(p.EQUALIZATION_CLIP))
    return centred


def _centred(image: np.ndarray, mean: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``image - mean`` and its square (float32)."""
    centred = np.empty(image.shape, np.float32)
    square = np.empty(image.shape, np.float32)
    _centred_kernel(image, mean, centred, square)
    return centred, square


@njit(**KERNEL)
def _centred_kernel(image: np.ndarray, mean: np.ndarray, centred: np.ndarray, square: np.ndarray) -> None:
    for r in range(image.shape[0]):
        for c in range(image.shape[1]):
            value = image[r, c] - mean[r, c]
            centred[r, c] = value
            square[r, c] = value * value


def _deviation(variance: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """``sqrt(max(variance, 0))`` in place; returns its values on ``mask`` in row-major order."""
    inside = np.empty(variance.size, np.float32)
    count = _deviation_kernel(variance, mask, inside)
    return inside[:count]


@njit(**KERNEL)
def _deviation_kernel(variance: np.ndarray, mask: np.ndarray, inside: np.ndarray) -> int:
    zero = np.float32(0.0)
    count = 0
    for r in range(variance.shape[0]):
        row = variance[r]
        for c in range(len(row)):  # branch-free: vectorised
            row[c] = np.sqrt(max(row[c], zero))
        for c in range(len(row)):
            if mask[r, c]:
                inside[count] = row[c]
                count += 1
    return count


@njit(**KERNEL)
def _normalise(centred: np.ndarray, deviation: np.ndarray, mask: np.ndarray, floor: np.float32,
               clip: np.float32) -> None:
    """``centred / max(deviation, floor)`` clipped to +-``clip`` on ``mask``, 0 off it; in place."""
    zero = np.float32(0.0)
    for r in range(centred.shape[0]):
        for c in range(centred.shape[1]):  # branch-free: vectorised
            value = min(max(centred[r, c] / max(deviation[r, c], floor), -clip), clip)
            centred[r, c] = value if mask[r, c] else zero
