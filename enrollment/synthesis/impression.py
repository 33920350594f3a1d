"""Render one impression of a master fingerprint as a live-scan sensor would: 8-bit grey, 500 dpi.

Steps: draw the quality knobs; place the finger on the sensor (displacement and rotation) with Cappelli's
plastic distortion; warp the master ridge pattern and silhouette with one ``cv2.remap``; cut the contact
area; turn pattern into ink (pressure, dryness, wetness, texture); then the sensor: background, ridge grey,
blur and noise. Dark ridges on a light background.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from enrollment.synthesis import contact_area, skin_condition
from enrollment.synthesis import parameters as p
from enrollment.synthesis.distortion import Placement, PlasticDistortion
from enrollment.synthesis.finger_shape import FingerShape


@dataclass(frozen=True)
class QualityKnobs:
    """The random choices behind one impression, recorded in the manifest so tests can select by them."""

    rotation_deg: float
    shift_x: float
    shift_y: float
    contact_scale: float
    pressure: float  # -1 very dry .. +1 very wet
    distortion: float  # 0 none .. 1 strong (up to 3.5 under the 'distorted' condition)
    blur_sigma: float
    noise_sigma: float
    background_grey: int
    ridge_grey: int

    @classmethod
    def random(cls, rng: np.random.Generator) -> QualityKnobs:
        return cls(
            rotation_deg=round(float(np.degrees(rng.uniform(-p.ROTATION_MAX, p.ROTATION_MAX))), 3),
            shift_x=round(float(rng.uniform(-p.DISPLACEMENT_MAX[0], p.DISPLACEMENT_MAX[0])), 3),
            shift_y=round(float(rng.uniform(-p.DISPLACEMENT_MAX[1], p.DISPLACEMENT_MAX[1])), 3),
            contact_scale=round(float(rng.uniform(*p.CONTACT_SEMI_AXES)), 4),
            pressure=round(float(np.clip(rng.normal(p.PRESSURE_MEAN, p.PRESSURE_SPREAD), -1.0, 1.0)), 4),
            distortion=round(float(rng.uniform(0.0, 1.0)), 4),
            blur_sigma=round(float(rng.uniform(*p.BLUR_SIGMA)), 4),
            noise_sigma=round(float(rng.uniform(*p.SENSOR_NOISE)), 4),
            background_grey=int(min(255, rng.integers(*p.BACKGROUND_GREY))),
            ridge_grey=int(rng.integers(*p.RIDGE_GREY)),
        )


def render(
    pattern: np.ndarray,
    shape: FingerShape,
    knobs: QualityKnobs,
    rng: np.random.Generator,
    width: int = p.IMPRESSION_WIDTH,
    height: int = p.IMPRESSION_HEIGHT,
) -> np.ndarray:
    """The impression (uint8 ``height`` x ``width``) of a master ridge ``pattern`` on its silhouette ``shape``."""
    placement = Placement(
        anchor_x=shape.centre_x + rng.uniform(-10, 10),
        anchor_y=shape.centre_y + rng.uniform(*p.PLACEMENT_ANCHOR_Y),
        rotation=np.radians(knobs.rotation_deg),
        shift_x=knobs.shift_x,
        shift_y=knobs.shift_y,
    )
    # the contact centre: near the silhouette centre, moved a little; in sensor coordinates
    offset = rng.uniform(-p.CONTACT_OFFSET, p.CONTACT_OFFSET, size=2)
    cx, cy = placement.to_sensor(shape.centre_x + offset[0], shape.centre_y + 30 + offset[1], width, height)
    distortion = PlasticDistortion.random(float(cx), float(cy), rng, knobs.distortion)

    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    skin_x, skin_y = distortion.undo(x, y)
    map_x, map_y = placement.to_master(skin_x, skin_y, width, height)
    warped = cv2.remap(pattern, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=-1.0)
    silhouette = (shape.level(map_x, map_y) < 1.0).astype(np.float32)

    semi = (shape.half_width * knobs.contact_scale,
            (shape.top_height + shape.bottom_height) / 2 * p.CONTACT_HEIGHT_RATIO * knobs.contact_scale)
    mask, border = contact_area.compute((cx, cy), semi, placement.rotation, width, height, rng)
    mask *= cv2.GaussianBlur(silhouette, (0, 0), 1.5)
    border = np.maximum(border, 1.0 - cv2.GaussianBlur(silhouette, (0, 0), 6.0))

    coverage = skin_condition.ink(warped, border, knobs.pressure, rng) * mask
    background = knobs.background_grey - 4.0 * np.clip(np.hypot(x - cx, y - cy) / max(width, height), 0, 1)
    grey = background - (background - knobs.ridge_grey) * coverage
    grey = cv2.GaussianBlur(grey.astype(np.float32), (0, 0), knobs.blur_sigma)
    grey += knobs.noise_sigma * rng.standard_normal(grey.shape).astype(np.float32)
    return np.clip(np.rint(grey), 0, 255).astype(np.uint8)
