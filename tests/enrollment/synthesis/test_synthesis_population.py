from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from enrollment.synthesis import parameters as p
from enrollment.synthesis.perturbation import perturb_template
from enrollment.synthesis.population import synthesize_minutiae
from enrollment.template.model import KIND_BIFURCATION


def _arrays(template):
    return template.positions, template.directions, template.kinds, template.reliability


def test_population_is_deterministic_and_seed_dependent():
    a = list(synthesize_minutiae(20, seed=5))
    b = list(synthesize_minutiae(20, seed=5))
    c = list(synthesize_minutiae(20, seed=6))
    for x, y in zip(a, b, strict=True):
        assert all(np.array_equal(u, v) for u, v in zip(_arrays(x), _arrays(y), strict=True))
    assert any(len(x) != len(z) or not np.array_equal(x.positions, z.positions) for x, z in zip(a, c, strict=True))


def test_start_offset_continues_the_same_population():
    whole = list(synthesize_minutiae(8, seed=2))
    tail = list(synthesize_minutiae(3, seed=2, start=5))
    for x, y in zip(whole[5:], tail, strict=True):
        assert np.array_equal(x.positions, y.positions)


def test_population_counts_spacing_and_mix():
    templates = list(synthesize_minutiae(300, seed=9))
    assert len(templates) == 300
    counts = np.array([len(t) for t in templates])
    assert counts.min() >= p.POPULATION_MINUTIAE[0] and counts.max() <= p.POPULATION_MINUTIAE[1]
    kinds = np.concatenate([t.kinds for t in templates])
    assert 0.45 < np.mean(kinds == KIND_BIFURCATION) < 0.55
    for t in templates[:50]:
        pos = t.positions.astype(float)
        d = np.hypot(*(pos[:, None, :] - pos[None, :, :]).transpose(2, 0, 1))
        np.fill_diagonal(d, np.inf)
        assert d.min() >= p.POPULATION_MIN_SPACING - 1.0  # rounding to whole pixels


def test_directions_follow_a_smooth_flow():
    """Neighbouring minutiae have similar ridge orientation (mod pi), unlike random directions."""
    diffs = []
    for t in synthesize_minutiae(100, seed=4):
        pos = t.positions.astype(float)
        d = np.hypot(*(pos[:, None, :] - pos[None, :, :]).transpose(2, 0, 1))
        np.fill_diagonal(d, np.inf)
        nearest = d.argmin(axis=1)
        delta = np.mod(t.directions - t.directions[nearest], np.pi)
        diffs.append(np.minimum(delta, np.pi - delta))
    assert np.mean(np.concatenate(diffs)) < 0.35  # uniform random would give pi/4 = 0.785


def _best_rigid_overlap(a, b) -> int:
    """Most minutiae of ``a`` paired with ``b`` under any rigid transform implied by one pair of minutiae."""
    pa, pb = a.positions.astype(float), b.positions.astype(float)
    best = 0
    for i in range(len(pa)):
        for j in range(len(pb)):
            theta = float(b.directions[j] - a.directions[i])  # CCW-as-seen angle change
            c, s = np.cos(theta), np.sin(theta)
            # image (y down) rotation that turns direction a into a + theta
            rot = np.array([[c, s], [-s, c]])
            moved = (pa - pa[i]) @ rot.T + pb[j]
            dist = np.hypot(*(moved[:, None, :] - pb[None, :, :]).transpose(2, 0, 1))
            dang = np.abs(np.angle(np.exp(1j * (a.directions[:, None] + theta - b.directions[None, :]))))
            best = max(best, int(np.any((dist < 12) & (dang < 0.4), axis=1).sum()))
    return best


def test_perturbed_template_is_a_plausible_second_impression():
    rng = np.random.default_rng(1)
    templates = list(synthesize_minutiae(4, seed=12))
    for t in templates:
        second = perturb_template(t, rng)
        assert 0.55 * len(t) <= len(second) <= 1.3 * len(t)
        assert second.width == t.width and second.height == t.height
    genuine = _best_rigid_overlap(templates[0], perturb_template(templates[0], np.random.default_rng(2)))
    impostor = _best_rigid_overlap(templates[0], perturb_template(templates[1], np.random.default_rng(2)))
    assert genuine >= 12 and genuine > 2 * impostor, (genuine, impostor)


def test_perturbation_is_deterministic_for_a_seeded_rng():
    t = next(synthesize_minutiae(1, seed=3))
    a = perturb_template(t, np.random.default_rng(8))
    b = perturb_template(t, np.random.default_rng(8))
    assert np.array_equal(a.positions, b.positions) and np.array_equal(a.directions, b.directions)


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError):
        list(synthesize_minutiae(-1, seed=0))


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**63 - 1), start=st.integers(0, 10**9), width=st.integers(64, 600),
       height=st.integers(64, 600))
def test_any_seed_and_size_gives_valid_reproducible_templates(seed, start, width, height):
    """Whatever the seed, offset and image size: valid templates inside the image, the same on a second call."""
    first = next(synthesize_minutiae(1, seed, width, height, start=start))
    again = next(synthesize_minutiae(1, seed, width, height, start=start))
    assert np.array_equal(first.positions, again.positions)
    assert first.width == width and first.height == height
    assert len(first) <= p.POPULATION_MINUTIAE[1]
    second = perturb_template(first, np.random.default_rng(seed % 1000))
    second.validate()
