"""The measurable properties of an impression that predict how well it will match (after NFIQ 2's ideas:
foreground size, orientation certainty, ridge/valley clarity, frequency consistency, contrast, minutiae)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

import numpy as np
from numba import njit

from enrollment.kernel_options import KERNEL

if TYPE_CHECKING:
    from enrollment.extraction.pipeline import Extraction


@dataclass(frozen=True)
class QualityFeatures:
    area: int  # foreground pixels at 500 dpi
    coherence: float  # mean orientation coherence over the foreground, 0-1
    clarity: float  # separation of ridge and valley grey levels (d-prime on the equalised image)
    frequency_spread: float  # coefficient of variation of the ridge period over foreground blocks
    contrast: float  # median grey-level standard deviation of foreground blocks (0-255 scale)
    ridge_fraction: float  # foreground pixels darker than their local mean (0.5 balanced; dry < 0.5 < wet)
    minutiae: int

    def as_dict(self) -> dict[str, float]:
        return {k: float(v) for k, v in asdict(self).items()}


def measure(extraction: Extraction) -> QualityFeatures:
    """The features of one extraction (its maps and template).

    The pixel maps are read on the finger's window, which holds the whole mask: the same pixels in the same
    order as on the whole frame, so the same sums."""
    mask = extraction.mask[extraction.window.pixels]
    coherences, ridge_values, valley_values, negatives = _split(
        mask, extraction.window_ridges, extraction.window_equalized, extraction.window_coherence)
    area = len(coherences)
    if area == 0:
        return QualityFeatures(0, 0.0, 0.0, 1.0, 0.0, 0.0, len(extraction.template))
    coherence = float(coherences.mean())
    clarity = 0.0
    if len(ridge_values) and len(valley_values):
        spread = np.sqrt(0.5 * (ridge_values.var() + valley_values.var()))
        clarity = float((valley_values.mean() - ridge_values.mean()) / max(spread, 1e-6))
    block_mask = extraction.block_mask
    periods = extraction.ridge_period[block_mask] if block_mask.any() else extraction.ridge_period.ravel()
    frequency_spread = float(periods.std() / max(periods.mean(), 1e-6))
    contrast = float(np.median(extraction.block_contrast[block_mask])) if block_mask.any() else 0.0
    ridge_fraction = negatives / area  # the mean of a boolean array: an exact count over the area
    return QualityFeatures(area, coherence, clarity, frequency_spread, contrast, ridge_fraction,
                           len(extraction.template))


def _split(mask: np.ndarray, ridges: np.ndarray, values: np.ndarray,
           coherence: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """On ``mask``, in row-major order (as boolean indexing gathers them): the coherences, the values on ridge
    pixels and on valley pixels, and how many values are negative. One numba pass."""
    size = int(mask.size)
    coherences = np.empty(size, coherence.dtype)
    ridge_values = np.empty(size, values.dtype)
    valley_values = np.empty(size, values.dtype)
    area, on_ridges, negatives = _split_kernel(mask, ridges, values, coherence, coherences, ridge_values,
                                               valley_values)
    return coherences[:area], ridge_values[:on_ridges], valley_values[: area - on_ridges], negatives


@njit(**KERNEL)
def _split_kernel(mask: np.ndarray, ridges: np.ndarray, values: np.ndarray, coherence: np.ndarray,
                  coherences: np.ndarray, ridge_values: np.ndarray, valley_values: np.ndarray) -> tuple[int, int, int]:
    area = on_ridges = negatives = 0
    for r in range(mask.shape[0]):
        for c in range(mask.shape[1]):
            if not mask[r, c]:
                continue
            coherences[area] = coherence[r, c]
            value = values[r, c]
            if ridges[r, c] > 0:
                ridge_values[on_ridges] = value
                on_ridges += 1
            else:
                valley_values[area - on_ridges] = value
            if value < 0:
                negatives += 1
            area += 1
    return area, on_ridges, negatives
