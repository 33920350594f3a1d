"""A minutia-level population model: many synthetic templates without rendering or extracting images.

This is for speed and scale tests (1:N search over 100,000 fingers, storage, sync volumes), where making
each template by image synthesis plus extraction would take hours. It is NOT a model of what an extractor
finds on real prints and must not be used for accuracy figures (FMR/FNMR): its minutiae are placed by a
hard-core point process, not by real ridge topology.

A template: the class's orientation field (the same :mod:`orientation_model` as the image generator) on
a random finger placed on the sensor; minutia positions from a Matérn type-II hard-core process inside
an elliptical contact area (a Poisson-disc-like spacing, 30-60 minutiae); each direction along the local
ridge orientation with a random flow sense (+- pi) and noise; endings and bifurcations about 50/50.
:func:`~enrollment.synthesis.perturbation.perturb_template` makes a second impression of one.

Speed: each finger draws all its random numbers from its own stream (so finger ``i`` of population ``s``
is the same whatever the batch), then the geometry and the hard-core thinning run on a whole batch of
fingers at once (one k-d tree for the batch, fingers kept apart by an offset).
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from scipy.spatial import cKDTree

from enrollment.synthesis import orientation_model
from enrollment.synthesis import parameters as p
from enrollment.synthesis.finger_shape import FingerShape
from enrollment.synthesis.orientation_model import OrientationModel
from enrollment.template.model import KIND_BIFURCATION, KIND_ENDING, Template

_POPULATION = 3  # stream tag, distinct from the image generator's
_MARGIN = 6.0  # keep minutiae this far inside the image
_CANDIDATES = 220  # points offered to the hard-core thinning; enough for 60 survivors
_BATCH = 256
_APART = 100_000.0  # x offset between fingers of a batch in the shared k-d tree
# layout of each finger's uniform draws: radius, angle, mark per candidate; then the finger's scalars
_U_RADIUS, _U_ANGLE, _U_MARK = (slice(k * _CANDIDATES, (k + 1) * _CANDIDATES) for k in range(3))
_U_SCALARS = 3 * _CANDIDATES
_SCALARS = 7  # rotation, anchor dy, shift x, shift y, contact scale, target count, quality
_MAX = p.POPULATION_MINUTIAE[1]


class _Finger:
    """One finger's model and random draws (from its own stream)."""

    def __init__(self, seed: int, index: int) -> None:
        rng = np.random.default_rng(np.random.SeedSequence([seed, index, _POPULATION]))
        self.shape = FingerShape.random(rng)
        self.model: OrientationModel = orientation_model.place(orientation_model.choose_class(rng), self.shape, rng)
        self.uniform = rng.random(_U_SCALARS + _SCALARS + 3 * _MAX)
        self.noise = rng.standard_normal(_MAX)


def _candidates(fingers: list[_Finger], width: int, height: int):
    """Candidate points (B, C, 2) in sensor coordinates, and each finger's rigid placement."""
    u = np.stack([f.uniform for f in fingers])
    s = u[:, _U_SCALARS : _U_SCALARS + _SCALARS]
    rotation = (2 * s[:, 0] - 1) * p.ROTATION_MAX / 2
    shape = np.array([(f.shape.centre_x, f.shape.centre_y, f.shape.half_width,
                       (f.shape.top_height + f.shape.bottom_height) / 2) for f in fingers])
    anchor = np.stack([shape[:, 0], shape[:, 1] + 20 + 40 * s[:, 1]], axis=1)
    shift = np.stack([(2 * s[:, 2] - 1) * 0.1 * width, (2 * s[:, 3] - 1) * 0.1 * height], axis=1)
    scale = p.CONTACT_SEMI_AXES[0] + s[:, 4] * (p.CONTACT_SEMI_AXES[1] - p.CONTACT_SEMI_AXES[0])
    semi = np.stack([shape[:, 2], shape[:, 3] * p.CONTACT_HEIGHT_RATIO], axis=1) * scale[:, None]
    cos, sin = np.cos(rotation)[:, None], np.sin(rotation)[:, None]
    # contact centre (master: 30 px below the silhouette centre) placed on the sensor
    cu, cv = shape[:, 0] - anchor[:, 0], shape[:, 1] + 30 - anchor[:, 1]
    centre_x = cos[:, 0] * cu - sin[:, 0] * cv + width / 2 + shift[:, 0]
    centre_y = sin[:, 0] * cu + cos[:, 0] * cv + height / 2 + shift[:, 1]
    radius, angle = np.sqrt(u[:, _U_RADIUS]), 2 * np.pi * u[:, _U_ANGLE]
    lx, ly = radius * np.cos(angle) * semi[:, :1], radius * np.sin(angle) * semi[:, 1:]
    x = centre_x[:, None] + cos * lx - sin * ly
    y = centre_y[:, None] + sin * lx + cos * ly
    return x, y, u[:, _U_MARK], rotation, anchor, shift, s


def _thin(x: np.ndarray, y: np.ndarray, mark: np.ndarray, target: np.ndarray, width: int, height: int):
    """Matérn II thinning of every finger's candidates, then each finger's ``target`` lowest-mark survivors."""
    b, c = x.shape
    inside = (x >= _MARGIN) & (x < width - _MARGIN) & (y >= _MARGIN) & (y < height - _MARGIN)
    finger = np.repeat(np.arange(b), c).reshape(b, c)
    points = np.stack([(x + finger * _APART)[inside], y[inside]], axis=1)
    marks, owner = mark[inside], finger[inside]
    pairs = cKDTree(points).query_pairs(p.POPULATION_MIN_SPACING, output_type="ndarray")
    removed = np.zeros(len(points), dtype=bool)
    if len(pairs):
        later = np.where(marks[pairs[:, 0]] > marks[pairs[:, 1]], pairs[:, 0], pairs[:, 1])
        removed[later] = True  # of two close points the one with the larger mark goes
    keep = np.flatnonzero(~removed)
    keep = keep[np.lexsort((marks[keep], owner[keep]))]  # by finger, then by mark
    first = np.searchsorted(owner[keep], np.arange(b))
    rank = np.arange(len(keep)) - first[owner[keep]]
    keep = keep[rank < target[owner[keep]]]
    return owner[keep], points[keep, 0] - owner[keep] * _APART, points[keep, 1]


def _batch(seed: int, indices: range, width: int, height: int) -> list[Template]:
    fingers = [_Finger(seed, i) for i in indices]
    x, y, mark, rotation, anchor, shift, scalars = _candidates(fingers, width, height)
    low, high = p.POPULATION_MINUTIAE
    target = (low + scalars[:, 5] * (high - low + 1)).astype(int)
    owner, px, py = _thin(x, y, mark, target, width, height)
    # back to master coordinates, for the orientation field
    cos, sin = np.cos(rotation[owner]), np.sin(rotation[owner])
    u, v = px - width / 2 - shift[owner, 0], py - height / 2 - shift[owner, 1]
    mx, my = anchor[owner, 0] + cos * u + sin * v, anchor[owner, 1] - sin * u + cos * v
    bounds = np.searchsorted(owner, np.arange(len(fingers) + 1))
    templates = []
    for k, finger in enumerate(fingers):
        lo, hi = bounds[k], bounds[k + 1]
        n = hi - lo
        extra = finger.uniform[_U_SCALARS + _SCALARS :].reshape(3, _MAX)[:, :n]
        ridge = finger.model.at(mx[lo:hi], my[lo:hi]) + rotation[k]  # ridge direction on the sensor, y down
        ridge = ridge + np.pi * (extra[0] < 0.5) + p.POPULATION_DIRECTION_NOISE * finger.noise[:n]
        kinds = np.where(extra[1] < p.POPULATION_BIFURCATION_SHARE, KIND_BIFURCATION, KIND_ENDING)
        r_low, r_high = p.POPULATION_RELIABILITY
        templates.append(Template.create(
            width=width, height=height, positions=np.stack([px[lo:hi], py[lo:hi]], axis=1),
            directions=-ridge,  # y-down angle -> counter-clockwise as seen
            kinds=kinds, reliability=(r_low + extra[2] * (r_high - r_low + 1)).astype(int),
            quality=int(40 + scalars[k, 6] * 51),
        ))
    return templates


def synthesize_minutiae(
    count: int, seed: int, width: int = p.IMPRESSION_WIDTH, height: int = p.IMPRESSION_HEIGHT, start: int = 0
) -> Iterator[Template]:
    """``count`` population templates: fingers ``start`` .. ``start + count - 1`` of population ``seed``."""
    if count < 0 or seed < 0 or start < 0:
        raise ValueError(f"count, seed and start must be non-negative, got {count}, {seed}, {start}")
    if not (64 <= width <= 4096 and 64 <= height <= 4096):
        raise ValueError(f"template size {width}x{height} outside 64..4096")
    for first in range(start, start + count, _BATCH):
        yield from _batch(seed, range(first, min(first + _BATCH, start + count)), width, height)
