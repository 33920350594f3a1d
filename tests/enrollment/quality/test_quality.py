"""Quality scores and the reasons to retake a capture, on real samples and made-up bad images."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from enrollment.extraction import pipeline
from enrollment.quality import REASONS, QualityFeatures, QualityReport, assess
from enrollment.quality.assessment import reason, score


@pytest.fixture
def probe(sourceafis_samples) -> np.ndarray:
    return cv2.imread(str(sourceafis_samples / "probe.png"), cv2.IMREAD_GRAYSCALE)


def test_good_sample_is_ok_with_a_high_score(probe):
    report = assess(probe)
    assert isinstance(report, QualityReport)
    assert report.reason == "ok" and report.acceptable
    assert 50 <= report.score <= 100
    assert set(report.features) >= {"area", "coherence", "clarity", "frequency_spread", "contrast", "minutiae"}


def test_assess_accepts_an_existing_extraction(probe):
    extraction = pipeline.run(probe)
    assert assess(extraction.image, extraction) == assess(probe)


@pytest.mark.parametrize("fill", [0, 200, 255])
def test_blank_image_has_low_contrast(fill):
    report = assess(np.full((300, 300), fill, np.uint8))
    assert (report.score, report.reason) == (0, "low_contrast")


def test_washed_out_print_has_low_contrast(probe):
    faint = (200 + (probe.astype(np.float32) - 128) * 0.06).clip(0, 255).astype(np.uint8)
    report = assess(faint)
    assert report.reason == "low_contrast"
    assert report.score < assess(probe).score


def test_small_patch_of_print_is_too_small(probe):
    canvas = np.full_like(probe, 255)
    canvas[140:240, 150:250] = probe[140:240, 150:250]
    report = assess(canvas)
    assert report.reason == "too_small_area"
    assert report.score < 40


def test_tiny_patch_that_cannot_be_extracted_is_too_small(probe):
    canvas = np.full_like(probe, 255)
    canvas[170:210, 180:220] = probe[170:210, 180:220]
    assert assess(canvas) == QualityReport(0, "too_small_area", assess(canvas).features)


def test_dry_print_is_too_dry(probe):
    dry = cv2.dilate(probe, np.ones((3, 3), np.uint8))  # lighter: ridges shrink and break
    assert assess(dry).reason == "too_dry"


def test_wet_print_is_too_wet(probe):
    wet = cv2.erode(probe, np.ones((7, 7), np.uint8))  # darker: ridges swell into the valleys
    assert assess(wet).reason == "too_wet"


def _features(**changes) -> QualityFeatures:
    base = dict(area=80_000, coherence=0.75, clarity=2.0, frequency_spread=0.06, contrast=45.0,
                ridge_fraction=0.45, minutiae=45)
    return QualityFeatures(**(base | changes))


def test_few_minutiae_is_the_reason_when_nothing_else_is_wrong():
    assert reason(_features()) == "ok"
    assert reason(_features(minutiae=5)) == "too_few_minutiae"


def test_every_reason_is_known():
    for features in (_features(), _features(contrast=3.0), _features(area=1000), _features(minutiae=2)):
        assert reason(features) in REASONS


def test_score_grows_with_every_favourable_feature():
    base = score(_features(area=40_000, coherence=0.5, clarity=1.0, minutiae=20))
    assert score(_features(area=60_000, coherence=0.5, clarity=1.0, minutiae=20)) >= base
    assert score(_features(area=40_000, coherence=0.7, clarity=1.0, minutiae=20)) >= base
    assert score(_features(area=40_000, coherence=0.5, clarity=1.0, minutiae=40)) >= base
    assert 0 <= score(_features(area=0, coherence=0.0, clarity=0.0, minutiae=0)) <= score(_features()) <= 100


def test_noise_is_never_ok():
    noise = np.random.default_rng(7).integers(0, 256, (300, 300)).astype(np.uint8)
    report = assess(noise)
    assert report.score < 20
    assert report.reason != "ok"


def test_a_hopeless_score_names_its_weakest_feature():
    assert reason(_features(coherence=0.05, clarity=0.2, contrast=14.0, ridge_fraction=0.45)) == "too_dry"
    assert reason(_features(coherence=0.05, clarity=0.2, contrast=14.0, ridge_fraction=0.55)) == "too_wet"
