"""Named capture conditions for harder impressions: dry, wet, heavily distorted and partial-contact skin.

A condition replaces some of an impression's :class:`~enrollment.synthesis.impression.QualityKnobs` after the
usual draw, from a stream of its own, so everything else about the impression (placement, contact border,
texture, noise) is the same as without it, and impressions without a condition do not change. The dry and
wet conditions then also change the rendered image (:func:`finish`), from the same stream.

- ``dry``: pressure -1 .. -0.75 (thin ridges broken into dots, many pores), a little lighter ridge grey; then
  (:func:`finish`) patchy contact, where whole regions print only as short ridge segments and dots, and an
  optical sensor's low contrast, grey background, column banding, noise and faint smudges;
- ``wet``: pressure +0.7 .. +1 (thick ridges, valleys filled in, dark blotches); then (:func:`finish`) large
  blotches where the ridges swell and the valleys fill in until the ridges merge, on the same kind of sensor;
- ``distorted``: plastic distortion strength 2.5 .. 3.5 (the normal draw is 0 .. 1) and rotation up to the
  normal maximum;
- ``partial``: contact ellipse 0.5 .. 0.65 of the silhouette and the finger shifted 40 .. 80 px, so only part
  of the finger touches the sensor.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import cv2
import numpy as np

from enrollment.synthesis import parameters as p
from enrollment.synthesis.impression import QualityKnobs


def _dry(knobs: QualityKnobs, rng: np.random.Generator) -> QualityKnobs:
    return replace(knobs, pressure=round(float(rng.uniform(*p.DRY_PRESSURE)), 4),
                   ridge_grey=int(min(255, knobs.ridge_grey + rng.integers(*p.DRY_RIDGE_GREY_LIFT))))


def _wet(knobs: QualityKnobs, rng: np.random.Generator) -> QualityKnobs:
    return replace(knobs, pressure=round(float(rng.uniform(*p.WET_PRESSURE)), 4))


def _distorted(knobs: QualityKnobs, rng: np.random.Generator) -> QualityKnobs:
    rotation = np.degrees(rng.uniform(-p.ROTATION_MAX, p.ROTATION_MAX))
    return replace(knobs, distortion=round(float(rng.uniform(*p.HEAVY_DISTORTION)), 4),
                   rotation_deg=round(float(rotation), 3))


def _partial(knobs: QualityKnobs, rng: np.random.Generator) -> QualityKnobs:
    angle, shift = rng.uniform(0.0, 2 * np.pi), rng.uniform(*p.PARTIAL_SHIFT)
    return replace(knobs, contact_scale=round(float(rng.uniform(*p.PARTIAL_CONTACT)), 4),
                   shift_x=round(float(shift * np.cos(angle)), 3), shift_y=round(float(shift * np.sin(angle)), 3))


CONDITIONS: dict[str, Callable[[QualityKnobs, np.random.Generator], QualityKnobs]] = {
    "dry": _dry,
    "wet": _wet,
    "distorted": _distorted,
    "partial": _partial,
}
"""Every named condition and how it changes the knobs."""


def apply(condition: str, knobs: QualityKnobs, rng: np.random.Generator) -> QualityKnobs:
    """``knobs`` under the named ``condition``; ``ValueError`` for an unknown name."""
    try:
        change = CONDITIONS[condition]
    except KeyError:
        raise ValueError(f"unknown impression condition {condition!r}; known: {', '.join(CONDITIONS)}") from None
    return change(knobs, rng)


def _field(rng: np.random.Generator, shape: tuple[int, int], sigma: float) -> np.ndarray:
    """Gaussian noise blurred with ``sigma`` px, scaled to standard deviation 1."""
    field = cv2.GaussianBlur(rng.standard_normal(shape).astype(np.float32), (0, 0), sigma)
    return field / (field.std() + 1e-6)


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _ink(image: np.ndarray, knobs: QualityKnobs) -> np.ndarray:
    """How much ink (0..1) each pixel of a rendered impression shows, from its background and ridge grey."""
    span = max(knobs.background_grey - knobs.ridge_grey, 1)
    return np.clip((knobs.background_grey - image.astype(np.float32)) / span, 0.0, 1.0)


def _finger(ink: np.ndarray) -> np.ndarray:
    """Where the finger touches (0..1, soft): the ridges closed over their valleys."""
    ridges = (ink > 0.4).astype(np.uint8)
    closed = cv2.morphologyEx(ridges, cv2.MORPH_CLOSE, np.ones((15, 15), np.uint8)).astype(np.float32)
    return cv2.GaussianBlur(closed, (0, 0), 4.0)


def _sensor(ink: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """``ink`` as an optical sensor of low contrast images it: grey uneven background, smudges, column banding,
    noise."""
    shape = ink.shape
    background = rng.uniform(*p.SENSOR_BACKGROUND) + p.SENSOR_BACKGROUND_VARIATION * _field(rng, shape, 60.0)
    ridge = rng.uniform(*p.SENSOR_RIDGE)
    smudges = np.clip(_field(rng, shape, p.SMUDGE_SIGMA) - p.SMUDGE_LEVEL, 0.0, None)
    ink = np.maximum(ink, p.SMUDGE_INK * smudges * np.clip(_field(rng, shape, 1.5), 0.0, None))
    grey = background - (background - ridge) * ink
    grey += p.SENSOR_BANDING * _field(rng, (1, shape[1]), 1.0)
    grey = cv2.GaussianBlur(grey.astype(np.float32), (0, 0), 0.6)
    grey += rng.uniform(*p.SENSOR_NOISE_OPTICAL) * rng.standard_normal(shape).astype(np.float32)
    return np.clip(np.rint(grey), 0, 255).astype(np.uint8)


def _dry_finish(image: np.ndarray, knobs: QualityKnobs, rng: np.random.Generator) -> np.ndarray:
    ink = np.clip(p.DRY_INK_GAIN * _ink(image, knobs), 0.0, 1.0)
    contact = _field(rng, ink.shape, p.DRY_PATCH_SIGMA)  # uneven contact: low where the skin barely touches
    segments = _field(rng, ink.shape, p.DRY_SEGMENT_SIGMA)  # breaks ridges into short pieces and dots
    level = rng.uniform(*p.DRY_BREAK_LEVEL)
    keep = _sigmoid(p.DRY_BREAK_GAIN * (segments + p.DRY_PATCH_WEIGHT * contact - level))
    fade = 1.0 - p.DRY_FADE * _sigmoid(-2.0 * contact)
    return _sensor(ink * keep * fade, rng)


def _wet_finish(image: np.ndarray, knobs: QualityKnobs, rng: np.random.Generator) -> np.ndarray:
    ink = _ink(image, knobs)
    blotches = _field(rng, ink.shape, p.WET_FLOOD_SIGMA)
    flood = _sigmoid(p.WET_FLOOD_GAIN * (blotches - rng.uniform(*p.WET_FLOOD_LEVEL))) * _finger(ink)
    swollen = cv2.dilate(ink, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (p.WET_SWELL, p.WET_SWELL)))
    ink = ink + (swollen - ink) * np.clip(2.0 * flood, 0.0, 1.0)  # ridges swell towards the blotch
    fill = np.clip(rng.uniform(*p.WET_FILL) + 0.15 * _field(rng, ink.shape, 3.0), 0.0, 1.0)
    return _sensor(ink + (1.0 - ink) * flood * fill, rng)  # inside the blotch the valleys fill in


FINISHES: dict[str, Callable[[np.ndarray, QualityKnobs, np.random.Generator], np.ndarray]] = {
    "dry": _dry_finish,
    "wet": _wet_finish,
}
"""Conditions that also change the rendered image, and how."""


def finish(condition: str, image: np.ndarray, knobs: QualityKnobs, rng: np.random.Generator) -> np.ndarray:
    """The rendered ``image`` (uint8, made with ``knobs``) as the named ``condition`` prints it; unchanged for
    conditions that act only through the knobs."""
    change = FINISHES.get(condition)
    return image if change is None else change(image, knobs, rng)
