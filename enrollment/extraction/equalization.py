"""Contrast equalisation: local zero-mean, unit-variance grey levels, so that dry and dark regions look alike."""

from __future__ import annotations

import numpy as np

from enrollment.extraction import parameters as p
from enrollment.extraction.smoothing import blur


def apply(image: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """``image`` normalised by its local mean and standard deviation (float32, ~[-3, 3]; 0 off the mask)."""
    sigma = p.EQUALIZATION_SIGMA
    mean = blur(image, sigma)
    centred = image - mean
    deviation = np.sqrt(np.maximum(blur(centred * centred, sigma), 0.0))
    floor = max(1.0, float(np.median(deviation[mask])) * 0.1) if mask.any() else 1.0
    normalised = centred / np.maximum(deviation, floor)
    np.clip(normalised, -p.EQUALIZATION_CLIP, p.EQUALIZATION_CLIP, out=normalised)
    normalised[~mask] = 0.0
    return normalised
