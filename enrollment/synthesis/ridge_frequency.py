"""The ridge period map of a master fingerprint: a per-finger mean near 9 px at 500 dpi, varying smoothly.

Real ridge periods differ between fingers (finger size, age) and within a finger by roughly +-15 %
(wider at the base and the tip than around the core); a smooth random field models the latter.
"""

from __future__ import annotations

import numpy as np

from enrollment.synthesis import parameters as p
from enrollment.synthesis.smooth_field import SmoothField


def compute(width: int, height: int, rng: np.random.Generator) -> np.ndarray:
    """Ridge period (float32 px) per pixel of a ``height`` x ``width`` master canvas."""
    mean = p.RIDGE_PERIOD + rng.uniform(-1.0, 1.0) * p.RIDGE_PERIOD_FINGER_SPREAD
    field = SmoothField.random(rng).grid(width, height)
    return (mean * (1.0 + p.RIDGE_PERIOD_VARIATION * field)).astype(np.float32)
