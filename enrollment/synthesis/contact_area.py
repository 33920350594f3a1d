"""The part of the finger that touches the sensor: an ellipse with a ragged border, inside the silhouette.

Returns a soft mask plus a "closeness to the border" map; ridges thin out and break up towards the border
of the contact, where the pressure falls off, as on real live-scan impressions.
"""

from __future__ import annotations

import cv2
import numpy as np

from enrollment.synthesis import parameters as p


def _smooth_noise(rng: np.random.Generator, width: int, height: int, sigma: float, step: int) -> np.ndarray:
    """Gaussian-blurred white noise with unit spread, made on a grid ``step`` times coarser (it is smooth)."""
    small = rng.standard_normal((-(-height // step), -(-width // step))).astype(np.float32)
    small = cv2.GaussianBlur(small, (0, 0), sigma / step)
    small /= small.std() + 1e-6
    return cv2.resize(small, (width, height), interpolation=cv2.INTER_CUBIC)


def compute(
    centre: tuple[float, float],
    semi_axes: tuple[float, float],
    rotation: float,
    width: int,
    height: int,
    rng: np.random.Generator,
) -> tuple[np.ndarray, np.ndarray]:
    """(mask 0..1, border 0..1 rising towards the contact edge) on a ``height`` x ``width`` sensor image."""
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    u, v = x - centre[0], y - centre[1]
    c, s = np.cos(rotation), np.sin(rotation)
    along, across = c * u + s * v, -s * u + c * v
    # an egg shape: the lower half of the contact is a little fuller than the fingertip half
    lower = np.where(across > 0, 0.85, 1.0).astype(np.float32)
    level = np.sqrt((along / semi_axes[0]) ** 2 + (across * lower / semi_axes[1]) ** 2)
    ragged = _smooth_noise(rng, width, height, p.CONTACT_BORDER_SIGMA, 2)
    coarse = _smooth_noise(rng, width, height, 25.0, 8)
    level = level + p.CONTACT_BORDER_NOISE * (ragged + 0.6 * coarse)
    mask = cv2.GaussianBlur((level < 1.0).astype(np.float32), (0, 0), 1.0)
    border = np.clip((level - 0.75) / 0.25, 0.0, 1.0)
    return mask, border
