"""Minutiae as plain arrays while the pipeline works on them (the :class:`Template` is made at the end)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Minutiae:
    """Candidate minutiae in image coordinates: ``angle`` is the image-space direction with
    ``(dx, dy) = (cos angle, sin angle)``, y down (converted to the template convention only at the end)."""

    xy: np.ndarray  # float64 (N, 2)
    angle: np.ndarray  # float64 (N,)
    kinds: np.ndarray  # uint8 (N,)
    reliability: np.ndarray  # float64 (N,), 0-100

    def __len__(self) -> int:
        return len(self.xy)

    def subset(self, keep: np.ndarray) -> Minutiae:
        return Minutiae(self.xy[keep], self.angle[keep], self.kinds[keep], self.reliability[keep])

    @staticmethod
    def concatenate(parts: list[Minutiae]) -> Minutiae:
        return Minutiae(
            np.concatenate([m.xy for m in parts]).reshape(-1, 2),
            np.concatenate([m.angle for m in parts]),
            np.concatenate([m.kinds for m in parts]).astype(np.uint8),
            np.concatenate([m.reliability for m in parts]),
        )
