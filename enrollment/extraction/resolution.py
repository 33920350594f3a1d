"""Resampling to the working resolution: every later step assumes 500 dpi ridge spacing."""

from __future__ import annotations

import cv2
import numpy as np

from enrollment.errors import ExtractionError
from enrollment.extraction import parameters as p


def resample(image: np.ndarray, dpi: int) -> np.ndarray:
    """``image`` (2-D uint8, dark ridges) as float32 at :data:`~parameters.TARGET_DPI`."""
    if image.ndim != 2 or image.dtype != np.uint8:
        raise ExtractionError(f"expected a 2-D uint8 grey image, got shape {image.shape} of {image.dtype}")
    if dpi <= 0:
        raise ExtractionError(f"resolution must be positive, got {dpi} dpi")
    grey = image.astype(np.float32)
    if dpi == p.TARGET_DPI:
        return grey
    scale = p.TARGET_DPI / dpi
    size = (max(1, round(image.shape[1] * scale)), max(1, round(image.shape[0] * scale)))
    interpolation = cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC
    return cv2.resize(grey, size, interpolation=interpolation)
