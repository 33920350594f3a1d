"""Named capture conditions: each is seeded, leaves default impressions alone and changes the image the way its
name says (dry: thinner, broken ridges, low contrast; wet: thicker ridges merging in large blotches; partial:
smaller contact; distorted: harder genuine matches)."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from enrollment.synthesis.conditions import CONDITIONS
from enrollment.synthesis.generator import render_impression

from .conftest import SEED


def _ink(image: np.ndarray, where: np.ndarray) -> float:
    """Share of the pixels of ``where`` that print as ridge: darker than halfway between the image's darkest
    and lightest grey (its 1st and 99th percentiles, so the sensor's grey levels do not matter)."""
    dark, light = np.percentile(image, [1, 99])
    return float((image[where] < (dark + light) / 2).mean())


def _contact(image: np.ndarray) -> np.ndarray:
    """Where the default impression touches: ridges and the valleys between them (closed ridge pixels)."""
    ridges = (image < 128).astype(np.uint8)
    return cv2.morphologyEx(ridges, cv2.MORPH_CLOSE, np.ones((15, 15), np.uint8)).astype(bool)


def _otsu_ridges(image: np.ndarray, where: np.ndarray) -> np.ndarray:
    """Ridge pixels inside ``where``: darker than the Otsu level of the grey values there (any contrast)."""
    level = cv2.threshold(image[where].reshape(-1, 1), 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)[0]
    return (image <= level) & where


def _contrast(image: np.ndarray, where: np.ndarray) -> float:
    """Ridge/valley contrast inside ``where``: the 5th to 95th percentile grey span."""
    return float(np.percentile(image[where], 95) - np.percentile(image[where], 5))


def _broken(image: np.ndarray, where: np.ndarray) -> float:
    """Separate ridge pieces per 1,000 ridge pixels (Otsu ridges): short segments and dots make many."""
    ridges = _otsu_ridges(image, where).astype(np.uint8)
    return 1000.0 * (cv2.connectedComponents(ridges, connectivity=8)[0] - 1) / max(int(ridges.sum()), 1)


def _merged(image: np.ndarray, where: np.ndarray) -> float:
    """Share of ``where`` covered by dark areas wider than a ridge (a 9 px disc survives the opening): valleys
    filled in until the ridges merge."""
    ridges = _otsu_ridges(image, where).astype(np.uint8)
    disc = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (9, 9))
    return float(cv2.morphologyEx(ridges, cv2.MORPH_OPEN, disc)[where].mean())


def test_every_condition_is_deterministic_and_keeps_the_default_impression(masters):
    default = render_impression(masters[0], SEED, 0)
    assert np.array_equal(default.image, render_impression(masters[0], SEED, 0, condition=None).image)
    for name in CONDITIONS:
        first = render_impression(masters[0], SEED, 0, condition=name)
        assert np.array_equal(first.image, render_impression(masters[0], SEED, 0, condition=name).image), name
        assert not np.array_equal(first.image, default.image), name
        assert first.describe()["condition"] == name
    assert "condition" not in default.describe()


def test_unknown_condition_is_refused_by_name(masters):
    with pytest.raises(ValueError, match="soaked"):
        render_impression(masters[0], SEED, 0, condition="soaked")


def test_dry_prints_thinner_broken_ridges_and_wet_thicker_ones(masters):
    for index, master in enumerate(masters):
        default = render_impression(master, SEED, 1).image
        where = _contact(default)
        dry = render_impression(master, SEED, 1, condition="dry").image
        wet = render_impression(master, SEED, 1, condition="wet").image
        assert _ink(dry, where) < _ink(default, where) < _ink(wet, where), index
        assert _broken(dry, where) > _broken(default, where), index


def test_dry_prints_low_contrast_ridges_broken_into_segments_over_whole_regions(masters):
    for index, master in enumerate(masters):
        default = render_impression(master, SEED, 1).image
        where = _contact(default)
        dry = render_impression(master, SEED, 1, condition="dry").image
        assert _contrast(dry, where) < 0.7 * _contrast(default, where), index
        assert _broken(dry, where) > 21.0, index  # a lighter, thinner dry ridge alone makes under 18
        assert _merged(dry, where) < 0.02, index


def test_wet_prints_merge_ridges_over_large_blotches(masters):
    for index, master in enumerate(masters):
        default = render_impression(master, SEED, 1).image
        where = _contact(default)
        wet = render_impression(master, SEED, 1, condition="wet").image
        assert _merged(wet, where) > 0.08, index  # thicker ridges with small dark blotches cover under 0.05
        assert _merged(default, where) < 0.02, index
        assert _contrast(wet, where) < 0.75 * _contrast(default, where), index


def test_partial_contact_leaves_a_smaller_foreground(masters):
    for index, master in enumerate(masters):
        default = _contact(render_impression(master, SEED, 2).image).sum()
        partial = _contact(render_impression(master, SEED, 2, condition="partial").image).sum()
        assert partial < 0.75 * default, index


def test_heavy_distortion_lowers_genuine_scores(masters):
    from enrollment.extraction import extract
    from enrollment.matching.matcher import match
    from enrollment.matching.prepared import prepare

    def genuine(condition: str | None) -> float:
        scores = []
        for master in masters[:3]:
            a, b = (prepare(extract(render_impression(master, SEED, k, condition=condition).image))
                    for k in (0, 1))
            scores.append(match(a, b))
        return float(np.mean(scores))

    assert render_impression(masters[0], SEED, 0, condition="distorted").knobs.distortion >= 2.5
    assert genuine("distorted") < genuine(None)
