"""The public surface of the synthetic fingerprint generator: masters, their impressions, whole data sets.

Everything is deterministic: a master from ``(seed, finger index)``, an impression from
``(seed, finger index, impression index)``, through :class:`numpy.random.SeedSequence`, so the same call
gives byte-identical images on the same platform and library versions.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass

import numpy as np

from enrollment.synthesis import conditions, impression, orientation_model, ridge_frequency, ridge_pattern
from enrollment.synthesis import parameters as p
from enrollment.synthesis.finger_shape import FingerShape
from enrollment.synthesis.impression import QualityKnobs
from enrollment.synthesis.orientation_model import OrientationModel

_MASTER, _IMPRESSION, _CONDITION = 1, 2, 3  # stream tags, so master, impression and condition draws never share one


def _rng(*key: int) -> np.random.Generator:
    if any(k < 0 for k in key):
        raise ValueError(f"seeds and indices must be non-negative, got {key}")
    return np.random.default_rng(np.random.SeedSequence(list(key)))


@dataclass(frozen=True, eq=False)
class MasterFinger:
    """One synthetic finger: class, silhouette, orientation model and field, period map, ridge pattern."""

    seed: int
    index: int
    fingerprint_class: str
    shape: FingerShape
    model: OrientationModel
    orientation: np.ndarray  # float32 radians [0, pi), master canvas
    period: np.ndarray  # float32 px
    pattern: np.ndarray  # float32 -1..1, ridges positive

    def mask(self) -> np.ndarray:
        return self.shape.mask(self.pattern.shape[1], self.pattern.shape[0])


@dataclass(frozen=True, eq=False)
class Impression:
    """One rendered impression and the knobs that made it."""

    finger: int
    impression: int
    fingerprint_class: str
    image: np.ndarray  # uint8, dark ridges on light background, 500 dpi
    knobs: QualityKnobs
    condition: str | None = None  # the named capture condition, if any

    def describe(self) -> dict:
        described = {"finger": self.finger, "impression": self.impression, "class": self.fingerprint_class,
                     "width": int(self.image.shape[1]), "height": int(self.image.shape[0]),
                     "knobs": asdict(self.knobs)}
        return described if self.condition is None else {**described, "condition": self.condition}


def master_class(seed: int, index: int) -> str:
    """The class of master ``index`` without rendering it (cheap; same draw as :func:`synthesize_master`)."""
    return orientation_model.choose_class(_rng(seed, index, _MASTER))


def synthesize_master(seed: int, index: int) -> MasterFinger:
    """The master fingerprint number ``index`` (0-based) of the synthetic population ``seed``."""
    rng = _rng(seed, index, _MASTER)
    fingerprint_class = orientation_model.choose_class(rng)
    shape = FingerShape.random(rng)
    model = orientation_model.place(fingerprint_class, shape, rng)
    orientation = model.grid(p.MASTER_WIDTH, p.MASTER_HEIGHT)
    period = ridge_frequency.compute(p.MASTER_WIDTH, p.MASTER_HEIGHT, rng)
    pattern = ridge_pattern.grow(orientation, period, rng)
    for array in (orientation, period, pattern):
        array.setflags(write=False)
    return MasterFinger(seed, index, fingerprint_class, shape, model, orientation, period, pattern)


def render_impression(
    master: MasterFinger, seed: int, impression_index: int,
    width: int = p.IMPRESSION_WIDTH, height: int = p.IMPRESSION_HEIGHT, condition: str | None = None,
) -> Impression:
    """Impression ``impression_index`` (0-based) of ``master``, as an 8-bit 500 dpi live-scan image; ``condition``
    names a harder capture (:data:`enrollment.synthesis.conditions.CONDITIONS`: dry, wet, distorted, partial)."""
    if width < 64 or height < 64 or width > 2048 or height > 2048:
        raise ValueError(f"impression size {width}x{height} outside 64..2048")
    rng = _rng(seed, master.index, impression_index, _IMPRESSION)
    knobs = QualityKnobs.random(rng)
    if condition is None:
        image = impression.render(master.pattern, master.shape, knobs, rng, width, height)
    else:
        condition_rng = _rng(seed, master.index, impression_index, _CONDITION)
        knobs = conditions.apply(condition, knobs, condition_rng)
        image = impression.render(master.pattern, master.shape, knobs, rng, width, height)
        image = conditions.finish(condition, image, knobs, condition_rng)
    return Impression(master.index, impression_index, master.fingerprint_class, image, knobs, condition)


def synthesize_dataset(
    fingers: int, impressions: int, seed: int,
    width: int = p.IMPRESSION_WIDTH, height: int = p.IMPRESSION_HEIGHT, condition: str | None = None,
) -> Iterator[Impression]:
    """Every impression of ``fingers`` masters, finger by finger (each master is built once)."""
    for index in range(fingers):
        master = synthesize_master(seed, index)
        for k in range(impressions):
            yield render_impression(master, seed, k, width, height, condition)
