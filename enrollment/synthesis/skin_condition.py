"""How much ink each pixel of the warped ridge pattern leaves: pressure, dryness, wetness and skin texture.

A dry or lightly pressed finger leaves thin ridges broken into dots, with pores (sweat-gland openings)
as white specks on the ridges; a wet or hard-pressed one leaves thick ridges that merge into dark
blotches. Ridge thickness is set by thresholding the smooth pattern (the pattern's erosion/dilation),
and a mid-frequency noise makes the ridge edges ragged instead of perfectly smooth.
"""

from __future__ import annotations

import cv2
import numpy as np

from enrollment.synthesis import parameters as p
from enrollment.synthesis.smooth_field import SmoothField


def _noise(rng: np.random.Generator, shape: tuple[int, int], sigma: float) -> np.ndarray:
    noise = cv2.GaussianBlur(rng.standard_normal(shape).astype(np.float32), (0, 0), sigma)
    return noise / (noise.std() + 1e-6)


def _dots(rng: np.random.Generator, shape: tuple[int, int], density: float, radius: tuple[float, float]) -> np.ndarray:
    """A float mask (0..1) of random soft discs; ``density`` per pixel."""
    out = np.zeros(shape, dtype=np.float32)
    count = rng.poisson(density * shape[0] * shape[1])
    xs, ys = rng.uniform(0, shape[1], count), rng.uniform(0, shape[0], count)
    rs = rng.uniform(*radius, count)
    for x, y, r in zip(xs, ys, rs, strict=True):
        cv2.circle(out, (int(x * 4), int(y * 4)), int(r * 4), 1.0, -1, cv2.LINE_AA, shift=2)
    return cv2.GaussianBlur(out, (0, 0), 0.7)


def ink(pattern: np.ndarray, border: np.ndarray, pressure: float, rng: np.random.Generator) -> np.ndarray:
    """Ink coverage 0..1 for a warped ridge ``pattern`` (-1..1, ridges positive), given the contact border map."""
    shape = pattern.shape
    dryness, wetness = max(0.0, -pressure), max(0.0, pressure)
    threshold = p.RIDGE_THRESHOLD - p.PRESSURE_THRESHOLD_SHIFT * pressure + 0.9 * border**2
    if wetness > 0.15:  # wet skin: in a few blotches the ridges swell until the valleys fill in
        blotches = np.zeros(shape, dtype=np.float32)
        for _ in range(rng.poisson(p.WET_BLOTCHES * wetness)):
            centre = (int(rng.uniform(0, shape[1])), int(rng.uniform(0, shape[0])))
            axes = (int(rng.uniform(*p.WET_BLOTCH_RADIUS)), int(rng.uniform(*p.WET_BLOTCH_RADIUS)))
            cv2.ellipse(blotches, centre, axes, rng.uniform(0, 180), 0, 360, 1.0, -1)
        threshold = threshold - 1.6 * wetness * cv2.GaussianBlur(blotches, (0, 0), 5.0)
    texture = p.TEXTURE_AMPLITUDE * (0.7 + 0.6 * dryness) * _noise(rng, shape, p.TEXTURE_SIGMA)
    coverage = 1.0 / (1.0 + np.exp(-p.RIDGE_SHARPNESS * (pattern + texture - threshold)))
    # dry skin: ridge breaks; every finger: pores on the ridges (visible mostly when dry)
    breaks = _dots(rng, shape, p.DRY_BREAK_DENSITY * (0.45 + dryness), (1.5, 3.5))
    pores = _dots(rng, shape, p.PORE_DENSITY * (0.3 + dryness), (0.8, 1.4))
    coverage *= (1.0 - breaks) * (1.0 - 0.9 * pores)
    darkness = SmoothField.random(rng, wavelength=(120.0, 300.0)).grid(shape[1], shape[0])
    coverage *= 1.0 - p.DARKNESS_VARIATION * (darkness + 1.0) / 2.0
    return np.clip(coverage, 0.0, 1.0).astype(np.float32)
