"""Smooth random fields: a few random cosine waves, evaluable at any point (grid or scattered minutiae).

Used for the orientation perturbation, the ridge-period map, the pressure variation and the elastic jitter
of the population model. Evaluating pointwise (not by blurring noise) keeps the image generator and the
minutia-level population model on the same fields.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from enrollment.synthesis import parameters as p


@dataclass(frozen=True, eq=False)
class SmoothField:
    """Sum of random plane waves, scaled to a standard deviation of about 0.5 and clipped to -1..1."""

    wave_x: np.ndarray
    wave_y: np.ndarray
    phase: np.ndarray
    weight: np.ndarray

    @classmethod
    def random(
        cls,
        rng: np.random.Generator,
        waves: int = p.SMOOTH_WAVES,
        wavelength: tuple[float, float] = p.SMOOTH_WAVELENGTH,
    ) -> SmoothField:
        length = rng.uniform(*wavelength, size=waves)
        angle = rng.uniform(0.0, 2 * np.pi, size=waves)
        weight = rng.uniform(0.5, 1.0, size=waves)
        weight = weight / np.sqrt(np.sum(weight**2) / 2) * 0.5
        return cls(
            wave_x=(2 * np.pi * np.cos(angle) / length).astype(np.float32),
            wave_y=(2 * np.pi * np.sin(angle) / length).astype(np.float32),
            phase=rng.uniform(0.0, 2 * np.pi, size=waves).astype(np.float32),
            weight=weight.astype(np.float32),
        )

    def at(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """The field's value (float32, -1..1) at pixel coordinates ``x``, ``y`` (arrays of one shape)."""
        x = np.asarray(x, dtype=np.float32)[..., None]
        y = np.asarray(y, dtype=np.float32)[..., None]
        phase = x * self.wave_x + y * self.wave_y + self.phase
        return np.clip(np.cos(phase) @ self.weight, -1.0, 1.0)

    def grid(self, width: int, height: int) -> np.ndarray:
        """The field sampled on every pixel of a ``height`` x ``width`` canvas."""
        y, x = np.mgrid[0:height, 0:width].astype(np.float32)
        return self.at(x, y)
