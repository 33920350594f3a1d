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
    ("matching.png", 500): "27c871fb181784f9c3dff22954e12c78005ad22bf07466bbe62e2b1d8bbbdf84",
    ("nonmatching.png", 500): "5feffcd95fa9d10a020fe49a70b515bb5e215b01d000f8bcbda6e229b56f5856",
    ("probe.png", 569): "f13917abee5799c77e7232a471dd2182b1c8155eb2ea9b30c475b0012a55ec5c",
}

SYNTHETIC_DIGESTS = {
    0: "3d50b415249bdbfa779b1f066337e1fa47ba3c6eeec1b6205047027f64f4efc9",
    1: "726dd1b49facbdc69f58052dd285ccc3b68d229dcbc81955c7367064e6fb875a",
    2: "72a76fc219eba256672768f8c5b2ecb6a669f9014e4d69ad3f5838f4f9a36d1f",
}

GENERATED_DIGESTS = {
    # (seed, finger, impression, width, height): prints from the project's generator (enrollment.synthesis)
    (20261201, 0, 0, 388, 374): "e17909d2619157704366e5b81cf464ed86fbc0856ec957d0a632d36e1b009c08",
    (20261201, 0, 1, 388, 374): "7f405f69b2d8766b9f8b5a246514c5b4876d9a71d5b30bc4052c9c6103aece23",
    (20261201, 1, 0, 388, 374): "31ba0137bb477692319e855c1c1a578d4e7712640a07f25dd471912a59a30be4",
    (20261201, 1, 1, 388, 374): "e0c723d4bc8883f83febfcfaf79f69c2d29595884200bac971713fd720a3779a",
    (20261202, 0, 0, 640, 480): "3f46328688ee2607e50675c60f73d0ef623d3f0e719c8b1142c5d1a94b0975b3",
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
