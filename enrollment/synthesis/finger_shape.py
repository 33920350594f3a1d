"""The finger silhouette: a fingertip half-ellipse above a flatter, squarer lower part (after SFinGe)."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from enrollment.synthesis import parameters as p


@dataclass(frozen=True)
class FingerShape:
    """Silhouette of one finger on the master canvas: centre of its widest line, half-width, top/bottom height."""

    centre_x: float
    centre_y: float
    half_width: float
    top_height: float
    bottom_height: float

    @classmethod
    def random(
        cls, rng: np.random.Generator, width: int = p.MASTER_WIDTH, height: int = p.MASTER_HEIGHT
    ) -> FingerShape:
        half_width = rng.uniform(*p.FINGER_WIDTH) / 2
        top_height = rng.uniform(*p.FINGER_TOP_HEIGHT)
        bottom_height = rng.uniform(*p.FINGER_BOTTOM_HEIGHT)
        centre_y = min(top_height + rng.uniform(*p.FINGER_TOP_MARGIN), height - 0.8 * bottom_height)
        return cls(width / 2 + rng.uniform(-6, 6), centre_y, half_width, top_height, bottom_height)

    def level(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """A shape function: < 1 inside the silhouette, 1 on its border, > 1 outside."""
        u = np.abs((np.asarray(x, dtype=np.float32) - self.centre_x) / self.half_width)
        dy = np.asarray(y, dtype=np.float32) - self.centre_y
        top = u**2 + (dy / self.top_height) ** 2
        # below the widest line the finger narrows slowly: a superellipse with a higher power
        bottom = u**2.6 + np.abs(dy / self.bottom_height) ** 3
        return np.where(dy < 0, top, bottom)

    def inside(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        return self.level(x, y) < 1.0

    def mask(self, width: int = p.MASTER_WIDTH, height: int = p.MASTER_HEIGHT) -> np.ndarray:
        """Soft foreground mask (float32 0..1) of the silhouette on a ``height`` x ``width`` canvas."""
        y, x = np.mgrid[0:height, 0:width].astype(np.float32)
        hard = (self.level(x, y) < 1.0).astype(np.float32)
        return cv2.GaussianBlur(hard, (0, 0), p.FINGER_EDGE_SIGMA)
