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
    spread = np.sqrt(0.5 * (values[ridge].var() + values[valley].var()))
    periods = extraction.ridge_period[extraction.block_mask]
    return {
        "area": float(mask.sum()),
        "coherence": float(extraction.coherence[mask].mean()),
        "clarity": float((values[valley].mean() - values[ridge].mean()) / max(spread, 1e-6)),
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
