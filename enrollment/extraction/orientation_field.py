"""The ridge orientation field and its coherence, from smoothed doubled-angle gradient vectors.

The gradient structure tensor (gx^2, gy^2, gx*gy) is averaged locally; in doubled-angle form the averaging
does not cancel opposite gradients across a ridge. Coherence (0-1) says how consistent the orientation is
and serves as the reliability map. Angles are in image coordinates: ``theta`` is the ridge direction with
``(dx, dy) = (cos theta, sin theta)``, y down, in [0, pi).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from numba import njit

from enrollment.extraction import parameters as p
from enrollment.extraction.smoothing import blur, blur_decimated, blur_small, decimation, expand
from enrollment.kernel_options import KERNEL


@dataclass(frozen=True)
class OrientationField:
    angle: np.ndarray  # float32 (h, w): ridge direction, radians [0, pi), image coordinates (y down)
    coherence: np.ndarray  # float32 (h, w): 0 (isotropic) .. 1 (perfectly parallel ridges)


def compute(image: np.ndarray, mask: np.ndarray) -> OrientationField:
    """Orientation and coherence of the ridges of ``image`` (equalised float32), zero weight off ``mask``."""
    blurred = cv2.GaussianBlur(image, (0, 0), p.GRADIENT_SIGMA)
    gx = cv2.Sobel(blurred, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(blurred, cv2.CV_32F, 0, 1, ksize=3)
    weight = mask.astype(np.float32)
    # the tensor, smoothed on the decimated grid that smoothing.blur uses for this sigma, is kept there: the
    # doubled-angle vectors of a field that smooth need no finer grid
    (gxx, factor), (gyy, _), (gxy, _) = (blur_small(_product(a, b, weight), p.ORIENTATION_SIGMA)
                                         for a, b in ((gx, gx), (gy, gy), (gx, gy)))
    # second pass: average unit doubled-angle vectors weighted by coherence (bridges scars and creases)
    cos2, sin2, share = _doubled_angle(gxx, gyy, gxy, np.ones(gxx.shape, np.float32))
    coherence = expand(share, factor, image.shape)
    coherence *= weight
    sigma = p.ORIENTATION_SMOOTH_SIGMA
    if decimation(sigma) == factor:
        cos2, sin2 = (blur_decimated(v, sigma, factor, image.shape) for v in (cos2, sin2))
    else:
        cos2, sin2 = (blur(expand(v, factor, image.shape), sigma) for v in (cos2, sin2))
    angle = _ridge_angle(cv2.phase(cos2, sin2))
    return OrientationField(angle, coherence)


_PI = np.float32(np.pi)
_FLOOR = np.float32(1e-6)


def _doubled_angle(gxx: np.ndarray, gyy: np.ndarray, gxy: np.ndarray,
                   weight: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """From the smoothed tensor: the doubled-angle vector scaled to length coherence, ``(cos2, sin2) *
    coherence / strength`` with ``cos2 = gxx - gyy``, ``sin2 = 2 gxy``, ``strength = |(cos2, sin2)|``,
    ``coherence = strength / max(gxx + gyy, 1e-6)`` (strength floored at 1e-6 in the division), and the
    coherence clipped to 0-1 times ``weight``. float32 throughout, in one numba pass."""
    cos2, sin2, coherence = (np.empty(gxx.shape, np.float32) for _ in range(3))
    _doubled_angle_kernel(gxx.reshape(-1), gyy.reshape(-1), gxy.reshape(-1), weight.reshape(-1), _FLOOR,
                          cos2.reshape(-1), sin2.reshape(-1), coherence.reshape(-1))
    return cos2, sin2, coherence


@njit(**KERNEL)
def _doubled_angle_kernel(gxx: np.ndarray, gyy: np.ndarray, gxy: np.ndarray, weight: np.ndarray,
                          floor: np.float32, cos2: np.ndarray, sin2: np.ndarray, coherence: np.ndarray) -> None:
    """float32 as numpy's element-wise ``-``, ``*``, ``+``, ``maximum``, ``sqrt``, ``/`` and ``clip`` compute it."""
    two, zero, one = np.float32(2.0), np.float32(0.0), np.float32(1.0)
    for i in range(len(coherence)):
        c = gxx[i] - gyy[i]
        s = gxy[i] * two
        energy = max(gxx[i] + gyy[i], floor)
        strength = np.sqrt(c * c + s * s)
        share = strength / energy
        scale = share / max(strength, floor)
        cos2[i] = c * scale
        sin2[i] = s * scale
        coherence[i] = min(max(share, zero), one) * weight[i]


def _ridge_angle(doubled: np.ndarray) -> np.ndarray:
    """``(doubled / 2 + pi/2) mod pi`` for float32 doubled gradient angles in [0, 2 pi] (``cv2.phase``: within
    ~2e-4 rad of ``arctan2`` at ~1/50 of numpy's float32 ``arctan2`` cost). The sum lies in [pi/2, 3 pi/2], so the
    modulo is one conditional subtraction (numpy's float32 ``mod`` costs ~50x more). In place, one numba pass."""
    values = doubled.reshape(-1)  # a view of cv2's contiguous output
    _ridge_angle_kernel(values, np.float32(0.5), _PI / 2, _PI)
    return values.reshape(doubled.shape)


@njit(**KERNEL)
def _ridge_angle_kernel(values: np.ndarray, half: np.float32, quarter_turn: np.float32, pi: np.float32) -> None:
    """float32 throughout, as numpy's in-place ``*= 0.5``, ``+= pi / 2`` and masked ``-= pi`` compute it."""
    for i in range(len(values)):
        angle = values[i] * half + quarter_turn
        if angle >= pi:
            angle -= pi
        values[i] = angle


def _product(a: np.ndarray, b: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """``a * b * weight`` for float32 images (rounded after each product, as numpy does) in one numba pass."""
    product = np.empty(a.shape, np.float32)
    _product_kernel(a.reshape(-1), b.reshape(-1), weight.reshape(-1), product.reshape(-1))
    return product


@njit(**KERNEL)
def _product_kernel(a: np.ndarray, b: np.ndarray, weight: np.ndarray, out: np.ndarray) -> None:
    for i in range(len(out)):
        out[i] = a[i] * b[i] * weight[i]
