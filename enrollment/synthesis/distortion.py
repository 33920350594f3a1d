"""Where each sensor pixel's skin comes from: placement on the sensor plus Cappelli's plastic distortion.

Cappelli, Maio and Maltoni ("Modelling plastic distortion in fingerprint images", ICAPR 2001) split the
contact area into a close-contact region that does not move, an outer region that follows a rigid
transform (the finger pushed or twisted while touching), and a transition region in between whose
displacement grows with a "brake" function of the distance from the close-contact region. We build the
inverse map directly (sensor pixel -> master pixel) for ``cv2.remap``, and add a small smooth jitter for
the skin's own elasticity.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from enrollment.synthesis import parameters as p
from enrollment.synthesis.smooth_field import SmoothField


@dataclass(frozen=True)
class Placement:
    """How a finger lies on the sensor: master point under the image centre, rotation, displacement."""

    anchor_x: float
    anchor_y: float
    rotation: float
    shift_x: float
    shift_y: float

    def to_master(self, x: np.ndarray, y: np.ndarray, width: int, height: int) -> tuple[np.ndarray, np.ndarray]:
        """Rigidly map sensor coordinates to master coordinates (the inverse of placing the finger)."""
        u = x - (width / 2 + self.shift_x)
        v = y - (height / 2 + self.shift_y)
        c, s = np.cos(self.rotation), np.sin(self.rotation)
        return (self.anchor_x + c * u + s * v).astype(np.float32), (self.anchor_y - s * u + c * v).astype(np.float32)

    def to_sensor(self, x: np.ndarray, y: np.ndarray, width: int, height: int) -> tuple[np.ndarray, np.ndarray]:
        """Map master coordinates to sensor coordinates (rigid part only)."""
        u, v = np.asarray(x) - self.anchor_x, np.asarray(y) - self.anchor_y
        c, s = np.cos(self.rotation), np.sin(self.rotation)
        return c * u - s * v + width / 2 + self.shift_x, s * u + c * v + height / 2 + self.shift_y


@dataclass(frozen=True, eq=False)
class PlasticDistortion:
    """Cappelli's model around a contact centre (sensor px): radii r0, r1, outer shift and twist, brake k."""

    centre_x: float
    centre_y: float
    r0: float
    r1: float
    shift_x: float
    shift_y: float
    rotation: float
    jitter_x: SmoothField
    jitter_y: SmoothField
    jitter: float

    @classmethod
    def random(cls, centre_x: float, centre_y: float, rng: np.random.Generator, strength: float) -> PlasticDistortion:
        angle = rng.uniform(0, 2 * np.pi)
        shift = p.DISTORTION_SHIFT * strength * rng.uniform(0.3, 1.0)
        return cls(
            centre_x=centre_x,
            centre_y=centre_y,
            r0=rng.uniform(*p.DISTORTION_R0),
            r1=rng.uniform(*p.DISTORTION_R1),
            shift_x=shift * np.cos(angle),
            shift_y=shift * np.sin(angle),
            rotation=p.DISTORTION_ROTATION * strength * rng.uniform(-1, 1),
            jitter_x=SmoothField.random(rng, wavelength=(60.0, 140.0)),
            jitter_y=SmoothField.random(rng, wavelength=(60.0, 140.0)),
            jitter=1.5 * strength,
        )

    def brake(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """0 inside the close-contact disc, rising smoothly to 1 at r0 + r1."""
        r = np.hypot(x - self.centre_x, y - self.centre_y)
        t = np.clip((r - self.r0) / self.r1, 0.0, 1.0) ** p.DISTORTION_BRAKE
        return (0.5 - 0.5 * np.cos(np.pi * t)).astype(np.float32)

    def undo(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For sensor pixels ``x``, ``y``: where that skin lies before the distortion (still sensor px)."""
        u, v = x - self.centre_x, y - self.centre_y
        c, s = np.cos(-self.rotation), np.sin(-self.rotation)
        rigid_x = c * u - s * v + self.centre_x - self.shift_x
        rigid_y = s * u + c * v + self.centre_y - self.shift_y
        b = self.brake(x, y)
        out_x = x + b * (rigid_x - x) + self.jitter * self.jitter_x.at(x, y)
        out_y = y + b * (rigid_y - y) + self.jitter * self.jitter_y.at(x, y)
        return out_x.astype(np.float32), out_y.astype(np.float32)
