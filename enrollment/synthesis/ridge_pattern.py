"""Grow the master ridge pattern by iterative contextual Gabor filtering from random seeds (after SFinGe).

Each iteration filters the pattern with a bank of even Gabor kernels (orientations x two ridge periods,
applied with ``cv2.filter2D``), blends per pixel the outputs of the two orientation bins and the two period
levels nearest to the local orientation and period (no block boundaries, so no block artefacts), and
squashes the result with ``tanh``. Ridges grow outwards from the seeds and bend along the orientation
field; where two growth fronts meet out of phase, minutiae appear, as on real fingers. The growth runs on
a canvas downscaled by ``GROWTH_SCALE`` and is upscaled at the end; the pattern is smooth enough for that.
"""

from __future__ import annotations

from functools import cache

import cv2
import numpy as np

from enrollment.synthesis import parameters as p


@cache
def _kernel(orientation_bin: int, period: float) -> np.ndarray:
    """Even-symmetric, zero-mean Gabor kernel for ridges along ``theta`` with the given period (growth px)."""
    theta = np.pi * orientation_bin / p.GABOR_ORIENTATIONS
    s_across, s_along = p.GABOR_SIGMA_ACROSS * period, p.GABOR_SIGMA_ALONG * period
    radius = int(np.ceil(3 * max(s_across, s_along)))
    y, x = np.mgrid[-radius : radius + 1, -radius : radius + 1].astype(np.float64)
    along = x * np.cos(theta) + y * np.sin(theta)
    across = -x * np.sin(theta) + y * np.cos(theta)
    envelope = np.exp(-0.5 * ((across / s_across) ** 2 + (along / s_along) ** 2))
    kernel = envelope * np.cos(2 * np.pi * across / period)
    kernel -= envelope * (kernel.sum() / envelope.sum())  # zero DC: flat areas do not grow
    kernel /= np.sum(kernel * np.cos(2 * np.pi * across / period))  # unit gain on a matching ridge wave
    kernel.setflags(write=False)
    return kernel.astype(np.float32)


def grow(orientation: np.ndarray, period: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Ridge pattern (float32 -1..1, ridges positive) for the orientation (radians) and period (px) maps."""
    height, width = orientation.shape
    s = p.GROWTH_SCALE
    small = (width // s, height // s)
    doubled = cv2.resize(np.cos(2 * orientation), small, interpolation=cv2.INTER_AREA), cv2.resize(
        np.sin(2 * orientation), small, interpolation=cv2.INTER_AREA
    )
    theta = np.mod(np.arctan2(doubled[1], doubled[0]) / 2, np.pi)
    local_period = cv2.resize(period, small, interpolation=cv2.INTER_AREA)

    position = theta / np.pi * p.GABOR_ORIENTATIONS
    bin0 = np.floor(position).astype(np.intp) % p.GABOR_ORIENTATIONS
    bin1 = (bin0 + 1) % p.GABOR_ORIENTATIONS
    w_orient = (position - np.floor(position)).astype(np.float32)
    low, high = p.GABOR_PERIODS
    w_period = np.clip((local_period - low) / (high - low), 0.0, 1.0).astype(np.float32)

    pattern = np.zeros((small[1], small[0]), dtype=np.float32)
    seeds = rng.random(pattern.shape) < p.SEED_DENSITY
    pattern[seeds] = rng.choice([-1.0, 1.0], size=int(seeds.sum()))
    rows, cols = np.indices(pattern.shape)
    for _ in range(p.GROWTH_ITERATIONS):
        blended = np.zeros_like(pattern)
        for level, weight in ((low, 1.0 - w_period), (high, w_period)):
            bank = np.stack([cv2.filter2D(pattern, -1, _kernel(k, level / s), borderType=cv2.BORDER_REFLECT)
                             for k in range(p.GABOR_ORIENTATIONS)])
            response = (1.0 - w_orient) * bank[bin0, rows, cols] + w_orient * bank[bin1, rows, cols]
            blended += weight * response
        pattern = np.tanh(p.GROWTH_GAIN * blended)
    return cv2.resize(pattern, (width, height), interpolation=cv2.INTER_CUBIC).clip(-1.0, 1.0)
