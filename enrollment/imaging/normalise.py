"""Rescale an image to the target resolution (500 dpi) that extraction and templates assume: the one resampler."""

from __future__ import annotations

import cv2
import numpy as np

from enrollment.imaging.decode import DecodedImage
from enrollment.imaging.parameters import TARGET_DPI
from enrollment.imaging.resolution import check_size, size_at_target


def resample_to_target(pixels: np.ndarray, dpi: int) -> np.ndarray:
    """``pixels`` (2-D, uint8 or float32) scanned at ``dpi``, rescaled to :data:`TARGET_DPI` in the same dtype:
    area averaging when shrinking (no aliasing), bicubic when enlarging. ``pixels`` itself at the target.

    A uint8 result is saturated by OpenCV (the cubic overshoot clipped to 0..255); a float32 one keeps it.
    """
    if dpi == TARGET_DPI:
        return pixels
    width, height = size_at_target(pixels.shape[1], pixels.shape[0], dpi)
    interpolation = cv2.INTER_AREA if dpi > TARGET_DPI else cv2.INTER_CUBIC
    return cv2.resize(pixels, (width, height), interpolation=interpolation)


def normalise_resolution(image: DecodedImage) -> DecodedImage:
    """The image at 500 dpi (:func:`resample_to_target`), its size checked against the limits first."""
    if image.dpi == TARGET_DPI:
        return image
    check_size(image.width, image.height, f"{image.format} image", dpi=image.dpi)
    scaled = resample_to_target(np.asarray(image.array), image.dpi)
    scaled = np.ascontiguousarray(scaled, dtype=np.uint8)
    scaled.setflags(write=False)
    return DecodedImage(scaled, TARGET_DPI, image.original_size, image.format, image.dpi_source)
