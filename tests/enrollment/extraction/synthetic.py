"""Synthetic ridge images with minutiae at known places (phase singularities of a plane wave).

Adding ``atan2(v, u)`` (u along the ridges, v across, around (x0, y0)) to the phase of a plane ridge wave
inserts one line on one side of (x0, y0): every ridge and valley line ending there. With the phase offset
chosen so that a ridge runs off along +u, the point is a ridge ending pointing along the ridges' direction;
with a valley there instead, it is a bifurcation opening that way (Larkin & Fletcher's spiral-phase minutiae).
Dark ridges on a light background, like a scanner image.
"""

from __future__ import annotations

import math

import numpy as np

PERIOD = 9.0
ENDING, BIFURCATION = "ending", "bifurcation"


def ridge_image(size: tuple[int, int], points: list[tuple[float, float]], *, kind: str = ENDING,
                angle: float = 0.0, period: float = PERIOD) -> np.ndarray:
    """A (height, width) uint8 image of ridges running at ``angle`` (radians, counter-clockwise as seen) with a
    minutia at each (x, y); the first one is exactly of ``kind`` and points along ``angle``."""
    height, width = size
    y, x = np.mgrid[0:height, 0:width].astype(np.float64)
    ux, uy = math.cos(angle), -math.sin(angle)  # along the ridges, in pixel coordinates (y down)
    vx, vy = -uy, ux  # across the ridges
    x0, y0 = points[0] if points else (0.0, 0.0)
    phase = 2 * np.pi * ((x - x0) * vx + (y - y0) * vy) / period + (math.pi if kind == ENDING else 0.0)
    for px, py in points:
        phase += np.arctan2((x - px) * vx + (y - py) * vy, (x - px) * ux + (y - py) * uy)
    return np.clip(128 - 90 * np.cos(phase + math.pi), 0, 255).astype(np.uint8)
