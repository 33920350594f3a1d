"""A small private, seeded minutia population for the matcher tests, offered as fixtures.

Fingers: minutiae spaced by a hard-core rule inside an elliptical contact area, each pointing along a smooth
orientation field (a loop-like pattern around a random core, plus a random slow twist) with a random flow sense.
Second impressions: rotated, moved, elastically jittered, some minutiae dropped and a few spurious ones added.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from enrollment.template.model import Template

WIDTH, HEIGHT = 320, 400


def _make_finger(rng: np.random.Generator, position: int = 0) -> Template:
    cx, cy = rng.uniform(120, 200), rng.uniform(150, 250)
    ax, ay = rng.uniform(100, 140), rng.uniform(130, 180)
    points: list[tuple[float, float]] = []
    target = int(rng.integers(35, 55))
    for _ in range(2000):
        r, a = math.sqrt(rng.random()), rng.uniform(0, 2 * math.pi)
        x, y = cx + r * ax * math.cos(a), cy + r * ay * math.sin(a)
        if not (5 <= x < WIDTH - 5 and 5 <= y < HEIGHT - 5):
            continue
        if all((x - px) ** 2 + (y - py) ** 2 >= 14**2 for px, py in points):
            points.append((x, y))
            if len(points) == target:
                break
    pts = np.array(points)
    core = np.array([cx + rng.normal(0, 20), cy - rng.uniform(20, 60)])
    twist = rng.uniform(-0.004, 0.004)
    flow = 0.5 * np.arctan2(pts[:, 1] - core[1], pts[:, 0] - core[0]) + twist * (pts[:, 1] - cy) + rng.uniform(0, np.pi)
    directions = flow + np.pi * rng.integers(0, 2, len(pts)) + rng.normal(0, 0.08, len(pts))
    return Template.create(width=WIDTH, height=HEIGHT, positions=pts, directions=directions,
                           kinds=rng.integers(1, 3, len(pts)), reliability=rng.integers(40, 90, len(pts)),
                           finger_position=position)


def _impression(template: Template, rng: np.random.Generator, *, drop: float = 0.2, spurious: float = 0.1,
               rotation: float = 0.35, shift: float = 30.0, jitter: float = 2.5) -> Template:
    """Another impression: rotated (radians, image plane), moved, jittered, minutiae dropped and added."""
    pos = template.positions.astype(float)
    dirs = template.directions.astype(float)
    keep = rng.random(len(pos)) >= drop
    pos, dirs = pos[keep], dirs[keep]
    extra = round(spurious * len(pos))
    pos = np.vstack([pos, rng.uniform([20, 20], [WIDTH - 20, HEIGHT - 20], (extra, 2))])
    dirs = np.concatenate([dirs, rng.uniform(0, 2 * np.pi, extra)])
    angle = rng.uniform(-rotation, rotation)  # counter-clockwise as seen on the image
    centre = np.array([WIDTH / 2, HEIGHT / 2])
    c, s = math.cos(angle), math.sin(angle)
    rel = pos - centre
    # a counter-clockwise turn as seen (y down): x' = x c + y s, y' = -x s + y c
    turned = np.stack([rel[:, 0] * c + rel[:, 1] * s, -rel[:, 0] * s + rel[:, 1] * c], axis=1)
    moved = turned + centre + rng.uniform(-shift, shift, 2) + rng.normal(0, jitter, turned.shape)
    dirs = dirs + angle + rng.normal(0, 0.08, len(dirs))
    inside = (moved[:, 0] >= 0) & (moved[:, 0] < WIDTH) & (moved[:, 1] >= 0) & (moved[:, 1] < HEIGHT)
    return Template.create(width=WIDTH, height=HEIGHT, positions=moved[inside], directions=dirs[inside],
                           finger_position=template.finger_position)


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(20261129)


@pytest.fixture(scope="module")
def population() -> list[Template]:
    """200 unrelated fingers (seeded)."""
    generator = np.random.default_rng(7)
    return [_make_finger(generator) for _ in range(200)]


@pytest.fixture(name="make_finger", scope="session")
def make_finger_fixture():
    """``make_finger(rng, position=0)``: a new unrelated finger."""
    return _make_finger


@pytest.fixture(name="impression", scope="session")
def impression_fixture():
    """``impression(template, rng, drop=..., ...)``: another impression of the same finger."""
    return _impression
