"""The measurable properties of an impression that predict how well it will match (after NFIQ 2's ideas:
foreground size, orientation certainty, ridge/valley clarity, frequency consistency, contrast, minutiae)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

import numpy as np

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
    area = int(mask.sum())
    if area == 0:
        return QualityFeatures(0, 0.0, 0.0, 1.0, 0.0, 0.0, len(extraction.template))
    coherence = float(extraction.window_coherence[mask].mean())
    ridge = (extraction.window_ridges > 0) & mask
    valley = mask & ~ridge
    values = extraction.window_equalized
    clarity = 0.0
    if ridge.any() and valley.any():
        ridge_values, valley_values = values[ridge], values[valley]
        spread = np.sqrt(0.5 * (ridge_values.var() + valley_values.var()))
        clarity = float((valley_values.mean() - ridge_values.mean()) / max(spread, 1e-6))
    block_mask = extraction.block_mask
    periods = extraction.ridge_period[block_mask] if block_mask.any() else extraction.ridge_period.ravel()
    frequency_spread = float(periods.std() / max(periods.mean(), 1e-6))
    contrast = float(np.median(extraction.block_contrast[block_mask])) if block_mask.any() else 0.0
    ridge_fraction = float((values[mask] < 0).mean())
    return QualityFeatures(area, coherence, clarity, frequency_spread, contrast, ridge_fraction,
                           len(extraction.template))
