"""The geometric models under the generator: singular points keep their index, placement and distortion."""

from __future__ import annotations

import numpy as np
import pytest

from enrollment.synthesis import orientation_model
from enrollment.synthesis import parameters as p
from enrollment.synthesis.distortion import Placement, PlasticDistortion
from enrollment.synthesis.finger_shape import FingerShape


def _poincare_index(model: orientation_model.OrientationModel, x: float, y: float, radius: float = 6.0) -> float:
    """Sum of orientation changes (mod pi, wrapped to -pi/2..pi/2) around a circle, in turns."""
    t = np.linspace(0, 2 * np.pi, 241)
    theta = model.at(x + radius * np.cos(t), y - radius * np.sin(t)).astype(np.float64)  # counter-clockwise
    step = np.diff(theta)
    step = (step + np.pi / 2) % np.pi - np.pi / 2
    return float(step.sum() / (2 * np.pi))


@pytest.mark.parametrize("fingerprint_class", [p.TENTED_ARCH, p.LEFT_LOOP, p.RIGHT_LOOP, p.WHORL])
def test_cores_and_deltas_keep_their_poincare_index(fingerprint_class):
    """The angle correction must not change what a singular point is: core +1/2, delta -1/2 (image y down)."""
    for seed in range(5):
        rng = np.random.default_rng(seed)
        model = orientation_model.place(fingerprint_class, FingerShape.random(rng), rng)
        for x, y in model.cores:
            assert _poincare_index(model, x, y) == pytest.approx(-0.5, abs=0.05)
        for x, y in model.deltas:
            assert _poincare_index(model, x, y) == pytest.approx(0.5, abs=0.05)


def test_arch_has_no_singular_point_and_ridges_run_across():
    rng = np.random.default_rng(3)
    shape = FingerShape.random(rng)
    model = orientation_model.place(p.ARCH, shape, rng)
    assert not model.cores and not model.deltas
    y, x = np.mgrid[60:420:20, 120:300:20].astype(np.float32)
    theta = model.at(x, y)
    across = np.abs(np.cos(theta))  # 1 for horizontal ridges
    assert np.median(across) > 0.8


def test_loop_opens_away_from_its_delta():
    """Below a left loop's core the ridges lean down-left (the delta sits right), and mirrored for right loops."""
    for fingerprint_class, sign in ((p.LEFT_LOOP, 1.0), (p.RIGHT_LOOP, -1.0)):
        slopes = []
        for seed in range(6):
            rng = np.random.default_rng(seed)
            model = orientation_model.place(fingerprint_class, FingerShape.random(rng), rng)
            (cx, cy), (dx, _dy) = model.cores[0], model.deltas[0]
            assert np.sign(dx - cx) == sign
            theta = float(model.at(np.float32(cx), np.float32(cy + 30)))
            slopes.append(np.cos(theta) * np.sin(theta))  # < 0: the ridge runs down-left (y points down)
        assert -sign * np.mean(slopes) > 0


def test_placement_round_trips():
    placement = Placement(200.0, 230.0, 0.3, 12.0, -7.0)
    x, y = np.array([10.0, 190.0, 370.0]), np.array([5.0, 180.0, 360.0])
    mx, my = placement.to_master(x, y, 388, 374)
    sx, sy = placement.to_sensor(mx, my, 388, 374)
    assert np.allclose(sx, x, atol=1e-3) and np.allclose(sy, y, atol=1e-3)


def test_plastic_distortion_spares_the_close_contact_region():
    rng = np.random.default_rng(0)
    model = PlasticDistortion.random(190.0, 180.0, rng, strength=1.0)
    assert model.brake(np.float32(190.0), np.float32(180.0)) == 0.0
    far = model.brake(np.float32(190.0 + model.r0 + model.r1 + 5), np.float32(180.0))
    assert far == pytest.approx(1.0)
    # inside r0 only the small elastic jitter moves the skin; far out the rigid shift applies
    ux, uy = model.undo(np.array([190.0], np.float32), np.array([180.0], np.float32))
    assert np.hypot(ux[0] - 190.0, uy[0] - 180.0) <= model.jitter * np.sqrt(2) + 1e-4


def test_finger_shape_is_taller_than_wide_and_inside_the_canvas():
    for seed in range(10):
        shape = FingerShape.random(np.random.default_rng(seed))
        mask = shape.mask() > 0.5
        rows, cols = np.nonzero(mask)
        assert rows.min() > 0  # the fingertip is on the canvas
        assert rows.max() - rows.min() > cols.max() - cols.min()
        assert 0.35 < mask.mean() < 0.8
