"""Named capture conditions for harder impressions: dry, wet, heavily distorted and partial-contact skin.

A condition replaces some of an impression's :class:`~enrollment.synthesis.impression.QualityKnobs` after the
usual draw, from a stream of its own, so everything else about the impression (placement, contact border,
texture, noise) is the same as without it, and impressions without a condition do not change.

- ``dry``: pressure -1 .. -0.75 (thin ridges broken into dots, many pores), a little lighter ridge grey;
- ``wet``: pressure +0.7 .. +1 (thick ridges, valleys filled in, dark blotches);
- ``distorted``: plastic distortion strength 2.5 .. 3.5 (the normal draw is 0 .. 1) and rotation up to the
  normal maximum;
- ``partial``: contact ellipse 0.5 .. 0.65 of the silhouette and the finger shifted 40 .. 80 px, so only part
  of the finger touches the sensor.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

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
