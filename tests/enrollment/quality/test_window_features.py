"""Quality features read on the finger's window are the ones the whole-frame maps give, bit for bit."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from enrollment.extraction import pipeline
from enrollment.quality.features import measure


def _whole_frame_features(extraction: pipeline.Extraction) -> dict[str, float]:
    mask = extraction.mask
    ridge = (extraction.ridges > 0) & mask
    valley = ~ridge & mask
    values = extraction.equalized
    clarity = 0.0
    if ridge.any() and valley.any():
        spread = np.sqrt(0.5 * (values[ridge].var() + values[valley].var()))
        clarity = float((values[valley].mean() - values[ridge].mean()) / max(spread, 1e-6))
    periods = extraction.ridge_period[extraction.block_mask]
    return {
        "area": float(mask.sum()),
        "coherence": float(extraction.coherence[mask].mean()),
        "clarity": clarity,
        "frequency_spread": float(periods.std() / max(periods.mean(), 1e-6)),
        "contrast": float(np.median(extraction.block_contrast[extraction.block_mask])),
        "ridge_fraction": float((extraction.equalized[mask] < 0).mean()),
        "minutiae": float(len(extraction.template)),
    }


@pytest.mark.parametrize("name", ["probe.png", "matching.png", "nonmatching.png"])
def test_window_features_equal_whole_frame_features(sourceafis_samples, name):
    image = cv2.imread(str(sourceafis_samples / name), cv2.IMREAD_GRAYSCALE)
    image = cv2.copyMakeBorder(image, 40, 10, 60, 5, cv2.BORDER_CONSTANT, value=255)  # background around it
    extraction = pipeline.run(image)
    window = extraction.window.pixels
    assert extraction.window_equalized.shape != extraction.image.shape  # the window is a part of the frame
    assert not extraction.mask.any() or extraction.mask[window].sum() == extraction.mask.sum()
    assert measure(extraction).as_dict() == _whole_frame_features(extraction)


def test_whole_frame_maps_place_the_window_maps(sourceafis_samples):
    image = cv2.imread(str(sourceafis_samples / "probe.png"), cv2.IMREAD_GRAYSCALE)
    extraction = pipeline.run(cv2.copyMakeBorder(image, 30, 30, 30, 30, cv2.BORDER_CONSTANT, value=255))
    window = extraction.window.pixels
    for name in ("equalized", "angle", "coherence", "ridges", "skeleton"):
        whole, part = getattr(extraction, name), getattr(extraction, f"window_{name}")
        assert whole.shape == extraction.image.shape and whole.dtype == part.dtype
        assert np.array_equal(whole[window], part)
        outside = np.ones(whole.shape, bool)
        outside[window] = False
        assert not whole[outside].any()


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("coverage", [0.0, 0.05, 0.6, 1.0])
def test_features_of_random_maps_equal_whole_frame_features(seed, coverage):
    from enrollment.extraction.finger_window import FingerWindow
    from enrollment.template.model import Template

    rng = np.random.default_rng(seed)
    window, shape, part = FingerWindow(16, 80, 32, 112, 16), (96, 128), (64, 80)
    mask = np.zeros(shape, bool)
    mask[16:80, 32:112] = rng.random(part) < coverage
    ridges = (rng.random(part) < 0.45).astype(np.uint8)
    if coverage == 0.05:
        ridges[:] = 1  # no valley pixel: clarity stays 0
    equalized = rng.normal(0, 1, part).astype(np.float32)
    equalized[::7, ::5] = 0.0  # neither dark nor light
    extraction = pipeline.Extraction(
        Template.create(width=128, height=96, resolution_dpi=500, positions=np.zeros((0, 2)), directions=np.zeros(0),
                        kinds=np.zeros(0, np.uint8), reliability=np.zeros(0)),
        rng.normal(128, 30, shape).astype(np.float32), mask, np.ones((6, 8), bool),
        rng.uniform(5, 40, (6, 8)).astype(np.float32), rng.uniform(6, 12, (6, 8)).astype(np.float32), 0,
        window, equalized, rng.uniform(0, np.pi, part).astype(np.float32),
        rng.random(part).astype(np.float32), ridges, np.zeros(part, np.uint8))
    expected = _whole_frame_features(extraction) if mask.any() else None
    features = measure(extraction).as_dict()
    if expected is None:
        assert features["area"] == 0
    else:
        assert features == expected
