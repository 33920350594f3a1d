"""Exact-output regression: speed work on the extractor must reproduce these templates byte for byte.

The digests are SHA-256 of ``enrollment.template.serialize`` of the extracted template (minutiae, reliability
and quality). They were recorded from the extractor as it stood before the speed work; a change that alters
minutiae on purpose updates them in a commit of its own that says why (with the EER before and after).
"""

from __future__ import annotations

import hashlib
import math

import cv2
import numpy as np
import pytest

from enrollment.extraction import extract
from enrollment.synthesis import render_impression, synthesize_master
from enrollment.template import serialize
from tests.enrollment.extraction.synthetic import BIFURCATION, ENDING, ridge_image

SAMPLE_DIGESTS = {
    ("probe.png", 500): "d1cc438478f6eb4ded5bc5987125625d395639e4b36f60ae281d86bbc5faadb4",
    ("matching.png", 500): "2665c69c7eed6674eb58269412cb04cef9f939f4b1d44392ff5c02f750f617f9",
    ("nonmatching.png", 500): "3a8dd78206df8d1c55c65f1c1953e1318a0521fefc89d8ebe8f3f0bc712da889",
    ("probe.png", 569): "abfa9d54ad566cffe5e7d715cf957be257a6fab2bff8c320c08ff1ee5d89128f",
}

SYNTHETIC_DIGESTS = {
    0: "2056be7eded326da0765fa0eac0e0f5ef3781ea08d50d864245349ed88410805",
    1: "965824f58201dcb6bda729e525dec395b3b8bfda3782eaa6aabd0035b063a886",
    2: "72a76fc219eba256672768f8c5b2ecb6a669f9014e4d69ad3f5838f4f9a36d1f",
}

GENERATED_DIGESTS = {
    # (seed, finger, impression, width, height): prints from the project's generator (enrollment.synthesis)
    (20261201, 0, 0, 388, 374): "f87a79f6d058e29a4524e21a4eda1b566d13acb03dbedd5b763e3e2288486446",
    (20261201, 0, 1, 388, 374): "03fbd4327f87722871ea041b6c4df79ce90156b1968834594c8ad8debaebe7bc",
    (20261201, 1, 0, 388, 374): "ad05f2b4cb3850e4c5e6abaade3a3594f3ff5f49c5748f547f686bda80145101",
    (20261201, 1, 1, 388, 374): "4f00e7640724c738e9cc8e93a7ce339cb7cbfbf4db1d1bd84908fa81c0f22430",
    (20261202, 0, 0, 640, 480): "f05b821d1b38474781e5ed777a6d53c70e7feaf8e7a7448e95ab245be8a46fa6",
}


def digest(image: np.ndarray, dpi: int = 500) -> str:
    return hashlib.sha256(serialize(extract(image, dpi=dpi))).hexdigest()


def synthetic(seed: int) -> np.ndarray:
    """A noisy synthetic print with a few minutiae, a blank margin and a smudge, all from ``seed``."""
    rng = np.random.default_rng(seed)
    points = [(float(x), float(y)) for x, y in rng.uniform(60, 220, size=(3, 2))]
    image = ridge_image((300, 280), points, kind=(ENDING, BIFURCATION)[seed % 2],
                        angle=float(rng.uniform(0, math.pi)), period=float(rng.uniform(7.5, 11.0)))
    noisy = image.astype(np.float64) + rng.normal(0, 25, image.shape)
    noisy[:, :30] = 200 + rng.normal(0, 3, (image.shape[0], 30))  # flat background strip
    noisy[200:240, 150:200] = 60  # a dark smudge
    return np.clip(noisy, 0, 255).astype(np.uint8)


@pytest.mark.parametrize(("name", "dpi"), list(SAMPLE_DIGESTS))
def test_sample_templates_are_reproduced(sourceafis_samples, name, dpi):
    image = cv2.imread(str(sourceafis_samples / name), cv2.IMREAD_GRAYSCALE)
    assert digest(image, dpi) == SAMPLE_DIGESTS[(name, dpi)]


@pytest.mark.parametrize("seed", list(SYNTHETIC_DIGESTS))
def test_synthetic_templates_are_reproduced(seed):
    assert digest(synthetic(seed)) == SYNTHETIC_DIGESTS[seed]


@pytest.mark.parametrize("key", list(GENERATED_DIGESTS))
def test_generated_templates_are_reproduced(key):
    seed, finger, impression, width, height = key
    image = render_impression(synthesize_master(seed, finger), seed, impression, width, height).image
    assert digest(image) == GENERATED_DIGESTS[key]
