"""1:1 matching: identity, symmetry, transformed copies versus unrelated fingers, the public ISO samples."""

from __future__ import annotations

import numpy as np
import pytest

from enrollment.errors import MatchingError
from enrollment.matching import FMR_1_IN_1000, FMR_1_IN_10000, FMR_1_IN_100000, match, prepare
from enrollment.matching.sources import load_template
from enrollment.template import from_iso


def test_identical_template_scores_far_above_every_threshold(population):
    for template in population[:10]:
        assert match(template, template) > max(0.5, 5 * FMR_1_IN_100000)


def test_thresholds_rise_with_rarity():
    assert 0 < FMR_1_IN_1000 < FMR_1_IN_10000 < FMR_1_IN_100000 < 1


def test_match_is_symmetric(population, rng, impression):
    for i in range(15):
        a, b = population[i], population[i + 1]
        assert match(a, b) == pytest.approx(match(b, a), abs=1e-3)
        copy = impression(a, rng)
        assert match(a, copy) == pytest.approx(match(copy, a), abs=1e-3)


def test_prepare_is_cached_immutable_and_accepted_by_match(population):
    template = population[0]
    prepared = prepare(template)
    assert prepare(template) is prepared and prepare(prepared) is prepared
    with pytest.raises(ValueError):
        prepared.bits[0, 0] = 1
    assert match(prepared, population[1]) == match(template, population[1])


def test_transformed_copies_match_and_unrelated_fingers_do_not(population, rng, impression):
    mated = [match(t, impression(t, rng)) for t in population[:60]]
    assert np.mean(np.array(mated) >= FMR_1_IN_10000) >= 0.95
    impostor = np.array([match(population[i], population[j]) for i in range(60) for j in range(i + 1, 60)])
    # 1,770 unrelated pairs at a stated FMR of 1/10,000: expect ~0.2 above; allow a little for the model
    assert (impostor >= FMR_1_IN_10000).sum() <= 3
    assert (impostor >= FMR_1_IN_1000).sum() <= 10


def test_a_copy_losing_most_of_its_minutiae_falls_away(population, rng, impression):
    template = population[3]
    assert match(template, impression(template, rng, drop=0.9)) < match(template, impression(template, rng))


def test_empty_and_tiny_templates_score_zero(rng, make_finger):
    from enrollment.template.model import Template

    empty = Template.create(width=100, height=100, positions=np.zeros((0, 2)), directions=[])
    one = Template.create(width=100, height=100, positions=[[50, 50]], directions=[1.0])
    finger = make_finger(rng)
    assert match(empty, finger) == 0.0 and match(one, finger) == 0.0 and match(empty, empty) == 0.0


def test_non_templates_are_refused():
    with pytest.raises(MatchingError):
        match("not a template", "nor this")  # type: ignore[arg-type]


def test_public_iso_samples_non_match_with_a_wide_margin(sourceafis_samples):
    """The published iso-probe.dat and iso-matching.dat are one template (byte-identical files), so the ISO
    samples give only an impostor pair; the genuine pair is the sample images (the test below)."""
    probe = from_iso((sourceafis_samples / "iso-probe.dat").read_bytes())[0]
    other = from_iso((sourceafis_samples / "iso-nonmatching.dat").read_bytes())[0]
    assert match(probe, other) <= FMR_1_IN_1000 / 1.5
    assert match(other, probe) <= FMR_1_IN_1000 / 1.5


def test_public_sample_images_match_through_the_extractor(sourceafis_samples):
    probe, mate, other = (load_template(sourceafis_samples / name)
                          for name in ("probe.png", "matching.png", "nonmatching.png"))
    assert match(probe, mate) >= 2 * FMR_1_IN_100000
    assert match(probe, other) < FMR_1_IN_1000
