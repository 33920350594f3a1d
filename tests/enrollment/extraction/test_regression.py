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
    ("probe.png", 500): "5e4b98a619d69e6399a634d45f758aa16312825914c269863d99ec700554790c",
    ("matching.png", 500): "1a1e884ff0f4246b824cc1f3b083da4cad32cc7920fbd310501239e2f65afda6",
    ("nonmatching.png", 500): "d4f3381bd994956a126f7d173932d124ba6b0799603030fc6da6c97681fc7bec",
    ("probe.png", 569): "9152fe35ee7f42915e3cb8cd6793624cb98b744e442f29f01445fe8b2b73a1f3",
}

SYNTHETIC_DIGESTS = {
    0: "1c2ea901d109854ae623786b7378dbc47a04cf83f4d437bb951cd22615070939",
    1: "456088ccb3158e79eb66440c6cdbd32621f1f4e90dae7091b826cd3572e078e4",
    2: "7148b7748614631efb239ab1bd2984e5d88367aee5795601c72086aa50d93d36",
}

GENERATED_DIGESTS = {
    # (seed, finger, impression, width, height): prints from the project's generator (enrollment.synthesis)
    (20261201, 0, 0, 388, 374): "ebac5aef44654f18786097e2f3513d1f35f602ddc90e8e1e407b79c6c37945d0",
    (20261201, 0, 1, 388, 374): "a823f298b2519fc56a09bc406abd19cf6b85cfd21080a5b41d95b8188dcd9de6",
    (20261201, 1, 0, 388, 374): "46e4a08fb04ae9b5eaf67713a7a22286a02dce2af7f0c710c71eae93d08f43d5",
    (20261201, 1, 1, 388, 374): "51cbd7326ebb53093cd63133fff9d06b1c07ee81258bb5a03252fc0255d0d546",
    (20261202, 0, 0, 640, 480): "da87d96840f16f39bacdc78e555d8e1e52af198180665cd112cbebbe439417e1",
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
