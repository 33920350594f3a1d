"""The extractor's first step: the grey image as float32 at 500 dpi, where every later step's lengths hold."""

from __future__ import annotations

import numpy as np

from enrollment.errors import ExtractionError
from enrollment.imaging.normalise import resample_to_target


def resample(image: np.ndarray, dpi: int) -> np.ndarray:
    """``image`` (2-D uint8, dark ridges) as float32 at :data:`enrollment.imaging.parameters.TARGET_DPI`,
    rescaled by :func:`enrollment.imaging.normalise.resample_to_target` (in float: no rounding to 8 bits)."""
    if image.ndim != 2 or image.dtype != np.uint8:
        raise ExtractionError(f"expected a 2-D uint8 grey image, got shape {image.shape} of {image.dtype}")
    if dpi <= 0:
        raise ExtractionError(f"resolution must be positive, got {dpi} dpi")
    return resample_to_target(image.astype(np.float32), dpi)
