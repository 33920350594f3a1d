"""Wide Gaussian smoothing done cheaply: large-sigma blurs run on a decimated copy and are upsampled.

A Gaussian of sigma >= 3 px passes little that a 2x or 4x area-decimated image cannot hold, so blurring at
reduced size and resizing back gives nearly the same field for a fraction of the cost. The image is first
extended at its bottom and right edges (by reflection) to whole cells of the factor: every decimated pixel is
then the mean of one whole cell, and both resizes run at an exact 2x or 4x ratio, OpenCV's fast paths (a
ratio a little off 4, as a ceiled size gives, takes its general area resampling, 2-4x slower).
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
    return blur_decimated(shrink(image, factor), sigma, factor, image.shape)


def decimation(sigma: float) -> int:
    """The factor (1, 2 or 4) by which :func:`blur` shrinks the image before blurring with ``sigma``."""
    factor = 1
    while sigma / (factor * 2) >= p.DECIMATED_BLUR_MIN_SIGMA and factor < p.DECIMATED_BLUR_MAX_FACTOR:
        factor *= 2
    return factor


def blur_small(image: np.ndarray, sigma: float) -> tuple[np.ndarray, int]:
    """:func:`blur` before its last step: ``image`` shrunk by ``decimation(sigma)`` and blurred there, and that
    factor (:func:`expand` brings it back)."""
    factor = decimation(sigma)
    return cv2.GaussianBlur(shrink(image, factor), (0, 0), sigma / factor), factor


def shrink(image: np.ndarray, factor: int) -> np.ndarray:
    """``image`` extended at the bottom and right to whole ``factor`` x ``factor`` cells by reflection, each cell
    replaced by its mean."""
    height, width = image.shape
    bottom, right = -height % factor, -width % factor
    if bottom or right:
        image = cv2.copyMakeBorder(image, 0, bottom, 0, right, cv2.BORDER_REFLECT_101)
    return cv2.resize(image, (image.shape[1] // factor, image.shape[0] // factor), interpolation=cv2.INTER_AREA)


def expand(small: np.ndarray, factor: int, shape: tuple[int, int]) -> np.ndarray:
    """The inverse size change of :func:`shrink` (bilinear), back to ``shape``."""
    whole = cv2.resize(small, (small.shape[1] * factor, small.shape[0] * factor), interpolation=cv2.INTER_LINEAR)
    if whole.shape == shape:
        return whole
    return np.ascontiguousarray(whole[: shape[0], : shape[1]])


def blur_decimated(small: np.ndarray, sigma: float, factor: int, shape: tuple[int, int]) -> np.ndarray:
    """The rest of :func:`blur` from ``small``, the image of ``shape`` after :func:`shrink` by ``factor``."""
    return expand(cv2.GaussianBlur(small, (0, 0), sigma / factor), factor, shape)
