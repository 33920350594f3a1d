"""A minutia-level population model: many synthetic templates without rendering or extracting images.

This is for speed and scale tests (1:N search over 100,000 fingers, storage, sync volumes), where making
each template by image synthesis plus extraction would take hours. It is NOT a model of what an extractor
finds on real prints and must not be used for accuracy figures (FMR/FNMR): its minutiae are placed by a
hard-core point process, not by real ridge topology.

A template: the class's orientation field (the same :mod:`orientation_model` as the image generator) on
a random finger placed on the sensor; minutia positions from a Matérn type-II hard-core process inside
an elliptical contact area (a Poisson-disc-like spacing, 30-60 minutiae); each direction along the local
ridge orientation with a random flow sense (+- pi) and noise; endings and bifurcations about 50/50.
:func:`perturb_template` makes a "second impression" of such a template: rigid motion, elastic jitter
growing away from the centre, dropped and spurious minutiae, direction noise and type flips.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from scipy.spatial import cKDTree

from enrollment.synthesis import orientation_model
from enrollment.synthesis import parameters as p
from enrollment.synthesis.distortion import Placement
from enrollment.synthesis.finger_shape import FingerShape
from enrollment.synthesis.smooth_field import SmoothField
from enrollment.template.model import KIND_BIFURCATION, KIND_ENDING, Template

_POPULATION = 3  # stream tag, distinct from the image generator's
_MARGIN = 6.0  # keep minutiae this far inside the image
_CANDIDATES = 220  # points offered to the hard-core thinning; enough for 60 survivors


def _hard_core(points: np.ndarray, spacing: float, rng: np.random.Generator) -> np.ndarray:
    """Matérn II thinning: keep a point unless a point within ``spacing`` has a smaller random mark."""
    points = points[np.argsort(rng.random(len(points)))]  # in order of increasing mark
    pairs = cKDTree(points).query_pairs(spacing, output_type="ndarray")
    removed = np.zeros(len(points), dtype=bool)
    removed[pairs.max(axis=1)] = True  # the later (larger-mark) point of each close pair goes
    return points[~removed]


def _one(seed: int, index: int, width: int, height: int) -> Template:
    rng = np.random.default_rng(np.random.SeedSequence([seed, index, _POPULATION]))
    fingerprint_class = orientation_model.choose_class(rng)
    shape = FingerShape.random(rng)
    model = orientation_model.place(fingerprint_class, shape, rng)
    rotation = rng.uniform(-p.ROTATION_MAX, p.ROTATION_MAX) / 2
    placement = Placement(shape.centre_x, shape.centre_y + rng.uniform(20, 60), rotation,
                          rng.uniform(-0.1, 0.1) * width, rng.uniform(-0.1, 0.1) * height)
    # candidate points uniform in the contact ellipse (sensor coordinates)
    centre = np.array(placement.to_sensor(shape.centre_x, shape.centre_y + 30, width, height))
    scale = rng.uniform(*p.CONTACT_SEMI_AXES)
    semi = np.array([shape.half_width, (shape.top_height + shape.bottom_height) / 2 * p.CONTACT_HEIGHT_RATIO]) * scale
    radius, angle = np.sqrt(rng.random(260)), rng.uniform(0, 2 * np.pi, 260)
    local = np.stack([radius * np.cos(angle) * semi[0], radius * np.sin(angle) * semi[1]], axis=1)
    c, s = np.cos(rotation), np.sin(rotation)
    points = centre + local @ np.array([[c, s], [-s, c]])
    inside = np.all((points >= _MARGIN) & (points < np.array([width, height]) - _MARGIN), axis=1)
    points = _hard_core(points[inside], p.POPULATION_MIN_SPACING, rng)
    points = points[: int(rng.integers(p.POPULATION_MINUTIAE[0], p.POPULATION_MINUTIAE[1] + 1))]
    n = len(points)
    master_x, master_y = placement.to_master(points[:, 0], points[:, 1], width, height)
    ridge = model.at(master_x, master_y) + rotation  # ridge direction on the sensor, y down
    ridge = ridge + np.pi * rng.integers(0, 2, n) + rng.normal(0.0, p.POPULATION_DIRECTION_NOISE, n)
    kinds = np.where(rng.random(n) < p.POPULATION_BIFURCATION_SHARE, KIND_BIFURCATION, KIND_ENDING)
    return Template.create(
        width=width, height=height, positions=points, directions=-ridge,  # y-down angle -> CCW as seen
        kinds=kinds, reliability=rng.integers(p.POPULATION_RELIABILITY[0], p.POPULATION_RELIABILITY[1] + 1, n),
        quality=int(rng.integers(40, 91)),
    )


def synthesize_minutiae(
    count: int, seed: int, width: int = p.IMPRESSION_WIDTH, height: int = p.IMPRESSION_HEIGHT, start: int = 0
) -> Iterator[Template]:
    """``count`` population templates (fingers ``start`` .. ``start + count - 1`` of population ``seed``)."""
    if count < 0 or seed < 0 or start < 0:
        raise ValueError(f"count, seed and start must be non-negative, got {count}, {seed}, {start}")
    for index in range(start, start + count):
        yield _one(seed, index, width, height)


def perturb_template(template: Template, rng: np.random.Generator) -> Template:
    """A "second impression" of ``template``: moved, elastically jittered, minutiae dropped/added, noisy."""
    n = len(template)
    width, height = template.width, template.height
    centre = np.array([width / 2, height / 2])
    keep = rng.random(n) >= rng.uniform(*p.PERTURB_DROP)
    pos = template.positions[keep].astype(np.float64)
    dirs = template.directions[keep].astype(np.float64)
    kinds = template.kinds[keep].copy()
    rel = template.reliability[keep].astype(np.int64)
    # spurious minutiae near the true ones, following the flow of their nearest neighbour
    extra = round(n * rng.uniform(*p.PERTURB_ADD))
    if extra and len(pos):
        anchor = rng.integers(0, len(pos), extra)
        offset = rng.normal(0.0, 25.0, (extra, 2))
        pos = np.vstack([pos, pos[anchor] + offset])
        dirs = np.concatenate([dirs, dirs[anchor] + np.pi * rng.integers(0, 2, extra) + rng.normal(0, 0.3, extra)])
        kinds = np.concatenate([kinds, rng.choice([KIND_ENDING, KIND_BIFURCATION], extra)])
        rel = np.concatenate([rel, rng.integers(*p.POPULATION_RELIABILITY, extra)])
    # elastic jitter growing with distance from the centre, then a rigid motion
    fx, fy = SmoothField.random(rng, wavelength=(80.0, 200.0)), SmoothField.random(rng, wavelength=(80.0, 200.0))
    growth = np.hypot(*(pos - centre).T) / (0.5 * max(width, height))
    pos = pos + p.PERTURB_ELASTIC * growth[:, None] * np.stack([fx.at(*pos.T), fy.at(*pos.T)], axis=1)
    pos = pos + rng.normal(0.0, p.PERTURB_POSITION_NOISE, pos.shape)
    theta = rng.uniform(-p.PERTURB_ROTATION, p.PERTURB_ROTATION)
    c, s = np.cos(theta), np.sin(theta)
    pos = (pos - centre) @ np.array([[c, s], [-s, c]]) + centre + rng.uniform(-1, 1, 2) * p.PERTURB_TRANSLATION
    dirs = dirs - theta + rng.normal(0.0, p.PERTURB_DIRECTION_NOISE, len(dirs))
    flip = rng.random(len(kinds)) < p.PERTURB_TYPE_FLIP
    kinds = np.where(flip & (kinds == KIND_ENDING), KIND_BIFURCATION,
                     np.where(flip & (kinds == KIND_BIFURCATION), KIND_ENDING, kinds))
    rel = np.clip(rel + rng.integers(-15, 16, len(rel)), 0, 100)
    inside = np.all((pos >= 0) & (pos <= np.array([width, height]) - 1), axis=1)
    return Template.create(
        width=width, height=height, positions=pos[inside], directions=dirs[inside], kinds=kinds[inside],
        reliability=rel[inside], resolution_dpi=template.resolution_dpi,
        quality=int(np.clip(template.quality + rng.integers(-10, 11), 0, 100)),
        finger_position=template.finger_position,
    )
