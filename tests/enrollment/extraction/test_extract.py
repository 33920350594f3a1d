"""The extractor on real samples and on synthetic ridges with known minutiae."""

from __future__ import annotations

import math

import cv2
import numpy as np
import pytest

from enrollment.errors import ExtractionError
from enrollment.extraction import DebugSink, extract, pipeline
from enrollment.imaging.normalise import resample_to_target
from enrollment.imaging.parameters import TARGET_DPI
from enrollment.template.model import KIND_BIFURCATION, KIND_ENDING, Template
from tests.enrollment.extraction.synthetic import BIFURCATION, ENDING, ridge_image


def angular_difference(a: float, b: float) -> float:
    return abs(math.remainder(a - b, 2 * math.pi))


@pytest.mark.parametrize("name", ["probe", "matching", "nonmatching"])
def test_sample_images_give_a_sensible_template(sourceafis_samples, name):
    image = cv2.imread(str(sourceafis_samples / f"{name}.png"), cv2.IMREAD_GRAYSCALE)
    template = extract(image)
    assert isinstance(template, Template)
    assert 20 <= len(template) <= 100
    assert (template.width, template.height) == (image.shape[1], image.shape[0])
    assert {int(k) for k in template.kinds} == {KIND_ENDING, KIND_BIFURCATION}
    assert template.quality >= 40
    assert template.reliability.max() > 50


@pytest.mark.parametrize("degrees", [0, 30, 90, 200])
def test_synthetic_ending_is_found_with_its_direction(degrees):
    # a ridge starts at (128, 128) and runs off along the given direction
    image = ridge_image((256, 256), [(128, 128)], kind=ENDING, angle=math.radians(degrees))
    template = extract(image)
    assert len(template) == 1
    (x, y), direction, kind = template.positions[0], float(template.directions[0]), int(template.kinds[0])
    assert kind == KIND_ENDING
    assert math.hypot(x - 128, y - 128) <= 4
    assert angular_difference(direction, math.radians(degrees)) <= math.radians(10)  # into the ridge body


@pytest.mark.parametrize("degrees", [0, 30, 90, 200])
def test_synthetic_bifurcation_points_between_its_branches(degrees):
    # a valley starts at (128, 128) between two branches that open along the given direction
    image = ridge_image((256, 256), [(128, 128)], kind=BIFURCATION, angle=math.radians(degrees))
    template = extract(image)
    assert len(template) == 1
    (x, y), direction, kind = template.positions[0], float(template.directions[0]), int(template.kinds[0])
    assert kind == KIND_BIFURCATION
    assert math.hypot(x - 128, y - 128) <= 4
    assert angular_difference(direction, math.radians(degrees)) <= math.radians(10)  # into the valley


def test_plain_ridges_have_no_minutiae():
    assert len(extract(ridge_image((256, 256), []))) == 0


def test_resolution_is_normalised_to_500_dpi():
    image = ridge_image((512, 512), [(256, 256)], period=9.0 * 1000 / 500)
    template = extract(image, dpi=1000)
    assert template.resolution_dpi == 500 and (template.width, template.height) == (256, 256)
    assert len(template) == 1
    assert math.hypot(*(template.positions[0] - 128)) <= 5


def test_the_extractor_resamples_with_the_imaging_resampler():
    image = ridge_image((300, 300), [(150, 150)], period=9.0 * 569 / 500)
    sink = DebugSink()
    template = extract(image, dpi=569, debug=sink)
    assert np.array_equal(sink["resampled"], resample_to_target(image.astype(np.float32), 569))
    assert template.resolution_dpi == TARGET_DPI and (template.height, template.width) == sink["resampled"].shape


@pytest.mark.parametrize("fill", [0, 128, 255])
def test_blank_image_is_refused(fill):
    with pytest.raises(ExtractionError, match="no usable fingerprint area"):
        extract(np.full((300, 300), fill, np.uint8))


def test_wrong_array_is_refused():
    with pytest.raises(ExtractionError, match="2-D uint8"):
        extract(np.zeros((30, 30, 3), np.uint8))


def test_debug_sink_receives_every_step():
    sink = DebugSink()
    extract(ridge_image((256, 256), [(128, 128)]), debug=sink)
    assert list(sink) == list(pipeline.STEPS)
    assert sink["skeleton"].shape == (256, 256)
    assert not sink["mask"].flags.writeable


def test_debug_sink_does_not_change_the_result():
    image = ridge_image((256, 256), [(100, 120), (170, 140)])
    plain, observed = extract(image), extract(image, debug=DebugSink())
    assert np.array_equal(plain.positions, observed.positions)
    assert np.array_equal(plain.directions, observed.directions)
