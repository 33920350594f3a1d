"""Property: moving the image moves the minutiae (rotation by quarter turns, translation with padding)."""

from __future__ import annotations

import math

import cv2
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from enrollment.extraction import extract
from enrollment.template.model import Template
from tests.enrollment.extraction.synthetic import BIFURCATION, ENDING, ridge_image

MAX_SHIFT = 6.0
MAX_TURN = math.radians(20)


def _matched_fraction(expected_xy: np.ndarray, expected_dir: np.ndarray, found: Template) -> float:
    """Share of expected minutiae with a found one within MAX_SHIFT px and MAX_TURN radians."""
    if len(expected_xy) == 0:
        return 1.0
    if len(found) == 0:
        return 0.0
    distance = np.linalg.norm(expected_xy[:, None, :] - found.positions[None].astype(float), axis=2)
    turn = np.abs(np.angle(np.exp(1j * (expected_dir[:, None] - found.directions[None].astype(float)))))
    return float(((distance <= MAX_SHIFT) & (turn <= MAX_TURN)).any(axis=1).mean())


def _rotated(template: Template, quarter_turns: int) -> tuple[np.ndarray, np.ndarray]:
    """Where ``np.rot90(image, k)`` (counter-clockwise as seen) puts the template's minutiae."""
    xy = template.positions.astype(float)
    width, height = template.width, template.height
    for _ in range(quarter_turns % 4):
        xy = np.stack([xy[:, 1], width - 1 - xy[:, 0]], axis=1)
        width, height = height, width
    return xy, np.mod(template.directions + quarter_turns * math.pi / 2, 2 * math.pi)


minutia_layouts = st.lists(
    st.tuples(st.integers(60, 196), st.integers(60, 196)), min_size=1, max_size=3,
    unique_by=lambda m: (m[0] // 50, m[1] // 50),
).filter(lambda ms: all(math.dist(a[:2], b[:2]) >= 50 for i, a in enumerate(ms) for b in ms[i + 1 :]))


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(layout=minutia_layouts, kind=st.sampled_from([ENDING, BIFURCATION]), angle=st.floats(0, 2 * math.pi),
       quarter_turns=st.integers(1, 3))
def test_quarter_turns_rotate_the_minutiae(layout, kind, angle, quarter_turns):
    image = ridge_image((256, 256), [(float(x), float(y)) for x, y in layout], kind=kind, angle=angle)
    original = extract(image)
    turned = extract(np.ascontiguousarray(np.rot90(image, quarter_turns)))
    xy, directions = _rotated(original, quarter_turns)
    assert _matched_fraction(xy, directions, turned) >= 0.8
    assert abs(len(turned) - len(original)) <= max(1, len(original) // 5)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(layout=minutia_layouts, kind=st.sampled_from([ENDING, BIFURCATION]), angle=st.floats(0, 2 * math.pi),
       dx=st.integers(0, 40), dy=st.integers(0, 40))
def test_translation_with_padding_moves_the_minutiae(layout, kind, angle, dx, dy):
    image = ridge_image((256, 256), [(float(x), float(y)) for x, y in layout], kind=kind, angle=angle)
    original = extract(image)
    padded = cv2.copyMakeBorder(image, dy, 40 - dy, dx, 40 - dx, cv2.BORDER_CONSTANT, value=255)
    moved = extract(padded)
    assert _matched_fraction(original.positions + np.array([dx, dy]), original.directions.astype(float), moved) >= 0.8


@pytest.mark.parametrize("quarter_turns", [1, 2])
def test_rotating_a_real_print_rotates_its_minutiae(sourceafis_samples, quarter_turns):
    image = cv2.imread(str(sourceafis_samples / "probe.png"), cv2.IMREAD_GRAYSCALE)
    original = extract(image)
    turned = extract(np.ascontiguousarray(np.rot90(image, quarter_turns)))
    xy, directions = _rotated(original, quarter_turns)
    assert _matched_fraction(xy, directions, turned) >= 0.6


def test_translating_a_real_print_moves_its_minutiae(sourceafis_samples):
    image = cv2.imread(str(sourceafis_samples / "probe.png"), cv2.IMREAD_GRAYSCALE)
    original = extract(image)
    moved = extract(cv2.copyMakeBorder(image, 21, 0, 35, 0, cv2.BORDER_CONSTANT, value=255))
    assert _matched_fraction(original.positions + np.array([35, 21]), original.directions.astype(float), moved) >= 0.7
