"""Wide Gaussian smoothing done cheaply: large-sigma blurs run on a decimated copy and are upsampled.

A Gaussian of sigma >= 4 px passes nothing that a 2x or 4x area-decimated image cannot hold, so blurring at
reduced size and resizing back gives the same field for a fraction of the cost.
"""

from __future__ import annotations

import cv2
import numpy as np

from enrollment.extraction import parameters as p


def blur(image: np.ndarray, sigma: float) -> np.ndarray:
    """``image`` (float32) blurred with a Gaussian of ``sigma`` pixels (edge-reflecting border)."""
    factor = decimation(sigma)
    if factor == 1:
        return cv2.GaussianBlur(image, (0, 0), sigma)
    height, width = image.shape
    small = cv2.resize(image, (-(-width // factor), -(-height // factor)), interpolation=cv2.INTER_AREA)
    return blur_decimated(small, sigma, factor, image.shape)


def decimation(sigma: float) -> int:
    """The factor (1, 2 or 4) by which :func:`blur` shrinks the image before blurring with ``sigma``."""
    factor = 1
    while sigma / (factor * 2) >= p.DECIMATED_BLUR_MIN_SIGMA and factor < p.DECIMATED_BLUR_MAX_FACTOR:
        factor *= 2
    return factor


def blur_decimated(small: np.ndarray, sigma: float, factor: int, shape: tuple[int, int]) -> np.ndarray:
    """The rest of :func:`blur` from ``small``, the image of ``shape`` area-decimated by ``factor``."""
    small = cv2.GaussianBlur(small, (0, 0), sigma / factor)
    return cv2.resize(small, (shape[1], shape[0]), interpolation=cv2.INTER_LINEAR)
