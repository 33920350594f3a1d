"""Minutia directions as whole steps of a turn: the one rule both persisted forms use (ISO: 256 steps,
native: 65,536). Rounded to the nearest step; a full turn wraps to step 0."""

from __future__ import annotations

import math

import numpy as np


def to_steps(directions: np.ndarray, steps: int, dtype: type) -> np.ndarray:
    """Radians (counter-clockwise as seen on the image) to steps 0..steps-1 of one turn."""
    quantised = np.rint(np.asarray(directions, dtype=np.float64) * (steps / (2 * math.pi)))
    return np.mod(quantised, steps).astype(dtype)


def to_radians(codes: np.ndarray, steps: int) -> np.ndarray:
    """Steps of one turn to float32 radians in [0, 2*pi)."""
    return (np.asarray(codes, dtype=np.float64) * (2 * math.pi / steps)).astype(np.float32)
