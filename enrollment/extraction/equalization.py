"""Contrast equalisation: local zero-mean, unit-variance grey levels, so that dry and dark regions look alike."""

from __future__ import annotations

import numpy as np

from enrollment.extraction import parameters as p
from enrollment.extraction.smoothing import blur


def apply(image: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """``image`` normalised by its local mean and standard deviation (float32, ~[-3, 3]; 0 off the mask)."""
    sigma = p.EQUALIZATION_SIGMA
    # in place where a temporary would be thrown away: fresh arrays cost page faults
    centred = np.subtract(image, blur(image, sigma))
    deviation = blur(centred * centred, sigma)
    np.sqrt(np.maximum(deviation, 0.0, out=deviation), out=deviation)
    floor = max(1.0, float(np.median(deviation[mask])) * 0.1) if mask.any() else 1.0
    normalised = np.divide(centred, np.maximum(deviation, floor, out=deviation), out=centred)
    np.clip(normalised, -p.EQUALIZATION_CLIP, p.EQUALIZATION_CLIP, out=normalised)
    np.copyto(normalised, 0.0, where=~mask)
    return normalised
