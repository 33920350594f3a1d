"""The ridge orientation field of a master fingerprint, from its class and singular points.

Loops, whorls and tented arches use the zero-pole model of Sherlock and Monro (1993): the orientation at
``z`` is ``(sum of arg(z - core) - sum of arg(z - delta)) / 2``, computed with the y axis pointing up.
Each point's angle goes through a monotone correction ``g`` first (in the spirit of Vizcaya and Gerhardt's
piecewise-linear correction used by SFinGe): a loop core's angles are flattened around the loop's axis, so
the ridges inside the loop run parallel like on real loops instead of fanning out. Plain arches have no
singular points; their ridges are the level lines of ``y - bump(x, y)``, a flat ridge
with a bump in the middle that fades towards the finger's base. A smooth random perturbation makes two
fingers of one class differ, as the correction functions of Vizcaya and Gerhardt do in SFinGe.

Orientations are ridge directions in image coordinates, ``(dx, dy) = (cos t, sin t)`` with y down, in
``[0, pi)``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from enrollment.synthesis import parameters as p
from enrollment.synthesis.finger_shape import FingerShape
from enrollment.synthesis.smooth_field import SmoothField


@dataclass(frozen=True, eq=False)
class OrientationModel:
    """Everything that defines one finger's orientation field; evaluate it with :meth:`at` or :meth:`grid`."""

    fingerprint_class: str
    cores: tuple[tuple[float, float], ...]
    deltas: tuple[tuple[float, float], ...]
    perturbation: SmoothField
    arch: tuple[float, float, float, float] | None = None  # centre x, bump height, bump width, fade-out y
    #: per core, then per delta: (flatten k, axis, b1, phase1, b2, phase2) of the angle correction g
    corrections: tuple[tuple[float, ...], ...] = ()

    def at(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Ridge orientation (float32 radians in [0, pi)) at image coordinates ``x``, ``y``."""
        x = np.asarray(x, dtype=np.float32)
        y = np.asarray(y, dtype=np.float32)
        if self.arch is not None:
            angle = _arch_angle(x, y, *self.arch)
        else:
            angle = np.zeros(np.broadcast(x, y).shape, dtype=np.float32)
            points = [(c, 1.0) for c in self.cores] + [(d, -1.0) for d in self.deltas]
            corrections = self.corrections or ((0.0,) * 6,) * len(points)
            for ((sx, sy), sign), correction in zip(points, corrections, strict=True):
                angle += sign * 0.5 * _corrected(np.arctan2(-(y - sy), x - sx), *correction)
            angle = -angle  # y-up angles to image angles
        angle = angle + p.ORIENTATION_PERTURBATION * self.perturbation.at(x, y)
        return np.mod(angle, np.pi).astype(np.float32)

    def grid(self, width: int, height: int) -> np.ndarray:
        y, x = np.mgrid[0:height, 0:width].astype(np.float32)
        return self.at(x, y)


def _corrected(alpha: np.ndarray, k: float, axis: float, b1: float, ph1: float, b2: float, ph2: float):
    """Monotone angle correction with g(a + 2 pi) = g(a) + 2 pi, so the singular point keeps its index."""
    return alpha - k * np.sin(alpha - axis) + b1 * np.sin(alpha + ph1) + b2 * np.sin(2 * alpha + ph2)


def _random_correction(rng: np.random.Generator, flatten: tuple[float, float], axis: float) -> tuple[float, ...]:
    b = p.ARG_HARMONIC
    return (rng.uniform(*flatten), axis, rng.uniform(-b, b), rng.uniform(0, 2 * np.pi),
            rng.uniform(-b, b) / 2, rng.uniform(0, 2 * np.pi))


def _arch_angle(x: np.ndarray, y: np.ndarray, centre_x: float, height: float, width: float, fade_y: float):
    """Ridge direction of the level lines of ``phi = y + height * exp(-((x - cx) / width)^2) * g(y)``."""
    e = np.exp(-(((x - centre_x) / width) ** 2))
    g = np.clip((fade_y - y) / 260.0, 0.0, 1.0)
    dg = np.where((y < fade_y) & (y > fade_y - 260.0), -1.0 / 260.0, 0.0)
    phi_x = height * g * e * (-2.0 * (x - centre_x) / width**2)
    phi_y = 1.0 + height * e * dg
    return np.arctan2(-phi_x, phi_y).astype(np.float32)


_CLASS_NAMES = tuple(p.CLASS_FREQUENCIES)
_CLASS_CUMULATIVE = np.cumsum([p.CLASS_FREQUENCIES[n] for n in _CLASS_NAMES]) / sum(p.CLASS_FREQUENCIES.values())


def choose_class(rng: np.random.Generator) -> str:
    """Draw a fingerprint class with its natural frequency."""
    index = int(np.searchsorted(_CLASS_CUMULATIVE, rng.random(), side="right"))
    return _CLASS_NAMES[min(index, len(_CLASS_NAMES) - 1)]


def place(fingerprint_class: str, shape: FingerShape, rng: np.random.Generator) -> OrientationModel:
    """Place the class's cores and deltas inside ``shape`` and return the finger's orientation model."""
    cx, cy = shape.centre_x, shape.centre_y
    perturbation = SmoothField.random(rng)
    if fingerprint_class == p.ARCH:
        arch = (cx + rng.uniform(-20, 20), rng.uniform(*p.ARCH_BUMP_HEIGHT), rng.uniform(*p.ARCH_BUMP_WIDTH),
                cy + rng.uniform(120, 170))
        return OrientationModel(fingerprint_class, (), (), perturbation, arch)
    down = -np.pi / 2  # y-up angle pointing to the finger's base
    if fingerprint_class == p.TENTED_ARCH:
        core = (cx + rng.uniform(-15, 15), cy + rng.uniform(*p.TENTED_CORE_Y))
        delta = (core[0] + rng.uniform(-8, 8), core[1] + rng.uniform(*p.TENTED_DELTA_DY))
        corrections = tuple(_random_correction(rng, p.OTHER_FLATTEN, down) for _ in range(2))
        return OrientationModel(fingerprint_class, (core,), (delta,), perturbation, None, corrections)
    if fingerprint_class in (p.LEFT_LOOP, p.RIGHT_LOOP):
        core = (cx + rng.uniform(*p.LOOP_CORE_X), cy + rng.uniform(*p.LOOP_CORE_Y))
        side = 1.0 if fingerprint_class == p.LEFT_LOOP else -1.0
        delta = (core[0] + side * rng.uniform(*p.LOOP_DELTA_DX), core[1] + rng.uniform(*p.LOOP_DELTA_DY))
        axis = down - side * rng.uniform(*p.LOOP_AXIS_TILT)  # the loop opens away from the delta
        corrections = (_random_correction(rng, p.LOOP_CORE_FLATTEN, axis),
                       _random_correction(rng, p.OTHER_FLATTEN, rng.uniform(0, 2 * np.pi)))
        return OrientationModel(fingerprint_class, (core,), (delta,), perturbation, None, corrections)
    if fingerprint_class == p.WHORL:
        gap = rng.uniform(*p.WHORL_CORE_GAP)
        tilt = rng.uniform(-0.6, 0.6)
        mx, my = cx + rng.uniform(-20, 20), cy + rng.uniform(-5, 35)
        cores = ((mx - gap / 2 * np.sin(tilt), my - gap / 2 * np.cos(tilt)),
                 (mx + gap / 2 * np.sin(tilt), my + gap / 2 * np.cos(tilt)))
        deltas = ((mx - rng.uniform(*p.WHORL_DELTA_DX), my + rng.uniform(*p.WHORL_DELTA_DY)),
                  (mx + rng.uniform(*p.WHORL_DELTA_DX), my + rng.uniform(*p.WHORL_DELTA_DY)))
        corrections = tuple(_random_correction(rng, p.OTHER_FLATTEN, rng.uniform(0, 2 * np.pi)) for _ in range(4))
        return OrientationModel(fingerprint_class, cores, deltas, perturbation, None, corrections)
    raise ValueError(f"unknown fingerprint class {fingerprint_class!r}")
