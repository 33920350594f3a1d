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
    ("probe.png", 500): "e3156559230cee85595ea1583a1887741549d6991be3e2414c16f4b47daa4fb2",
    ("matching.png", 500): "89d2762f00628bc9620acdaae75cd239f9731928137415022a9a6032cf25ac71",
    ("nonmatching.png", 500): "3454ec388da592fbf82bceea3e26f0f7cb256e6e51a3c04ef02161f7405a11fe",
    ("probe.png", 569): "49b3680713a61fc1bdd6d03656e89cd95a213cd854a5618c4d4ee7fe347aaf3c",
}

SYNTHETIC_DIGESTS = {
    0: "bc2acb527c3349b44267e33e5a1ce38132b23ec7002b7ff2240ea0731741c856",
    1: "312f25aca605575fcc6e0cbc927ed02b74bc0a7ea2937b33c574763a4eb3d1c4",
    2: "ae60290b4e34c1a12befdb294018447b9cc124e5b161df04214c6ae1c8e2623d",
}

GENERATED_DIGESTS = {
    # (seed, finger, impression, width, height): prints from the project's generator (enrollment.synthesis)
    (20261201, 0, 0, 388, 374): "a5b8012e6406035bbad580125d446513b55ef3168eca4f9bf4208b4488ff5ba1",
    (20261201, 0, 1, 388, 374): "7fc7a5a5cc13e2a1ef8eaa6fac5a121f2c8d522fedbf91d782425bed7c583f59",
    (20261201, 1, 0, 388, 374): "4c1218110c009506cea0404cb19240067faa556e51042ef80d5fa9758ca256ff",
    (20261201, 1, 1, 388, 374): "05e80f3ef003f50566ce7040ee0137acefbda64a5293916badcc780bf2be5709",
    (20261202, 0, 0, 640, 480): "e7330101576fb925dddb0687111cae226dcfbf01e70d6bf9066bbe2b01a3d21b",
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
