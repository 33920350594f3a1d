"""Rescale a decoded image to the target resolution (500 dpi) that extraction and templates assume."""

from __future__ import annotations

import cv2
import numpy as np

from enrollment.imaging.decode import DecodedImage
from enrollment.imaging.parameters import TARGET_DPI
from enrollment.imaging.resolution import check_size, size_at_target


def normalise_resolution(image: DecodedImage) -> DecodedImage:
    """The image at 500 dpi: area averaging when shrinking (no aliasing), bicubic when enlarging."""
    if image.dpi == TARGET_DPI:
        return image
    check_size(image.width, image.height, f"{image.format} image", dpi=image.dpi)
    width, height = size_at_target(image.width, image.height, image.dpi)
    shrinking = image.dpi > TARGET_DPI
    interpolation = cv2.INTER_AREA if shrinking else cv2.INTER_CUBIC
    scaled = cv2.resize(np.asarray(image.array), (width, height), interpolation=interpolation)
    scaled = np.ascontiguousarray(scaled, dtype=np.uint8)  # cv2 saturates uint8, so cubic overshoot is clipped
    scaled.setflags(write=False)
    return DecodedImage(scaled, TARGET_DPI, image.original_size, image.format, image.dpi_source)
