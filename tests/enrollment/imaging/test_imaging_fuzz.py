"""Fuzzing the decoders: whatever the bytes, the outcome is a valid grey image or a typed ImageError."""

from __future__ import annotations

import io
from functools import cache

import numpy as np
import pytest
import wsq  # noqa: F401  (registers the WSQ encoder with Pillow, to make test files)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from enrollment.errors import ImageError
from enrollment.imaging import DecodedImage, load_image, normalise_resolution
from enrollment.imaging.parameters import MAX_SIDE, MIN_SIDE

pytestmark = pytest.mark.timeout(120)
FUZZ = settings(max_examples=60, deadline=2000, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
FORMATS = ("PNG", "BMP", "JPEG", "TIFF", "WSQ")


@cache
def _sample(fmt: str) -> bytes:
    """A small valid file of each format (a seeded ridge pattern, 96x80, 500 dpi where the format says it)."""
    rng = np.random.default_rng(11)
    y, x = np.mgrid[0:80, 0:96]
    ridges = np.clip(128 + 90 * np.sin((x + 0.4 * y) / 4) + rng.normal(0, 6, (80, 96)), 0, 255).astype(np.uint8)
    out = io.BytesIO()
    extra = {} if fmt == "WSQ" else {"dpi": (500, 500)}
    Image.fromarray(ridges).save(out, format=fmt, **extra)
    return out.getvalue()


def _decode_or_refuse(data: bytes) -> None:
    try:
        image = load_image(data)
    except ImageError as error:
        assert str(error)  # a message that says something
        return
    _assert_valid(image)
    _assert_valid(normalise_resolution(image))


def _assert_valid(image: DecodedImage) -> None:
    assert image.array.dtype == np.uint8 and image.array.ndim == 2
    assert min(image.array.shape) * 500 / image.dpi + 1 >= MIN_SIDE
    assert max(image.array.shape) <= MAX_SIDE
    assert not image.array.flags.writeable


@pytest.mark.parametrize("fmt", FORMATS)
def test_samples_are_valid(fmt):
    image = load_image(_sample(fmt))
    assert image.format == fmt and image.array.shape == (80, 96) and image.dpi == 500


@FUZZ
@given(st.binary(max_size=4096))
def test_random_bytes(data):
    _decode_or_refuse(data)


@FUZZ
@given(st.sampled_from(FORMATS), st.binary(max_size=2048))
def test_random_bytes_behind_a_valid_magic(fmt, tail):
    head = _sample(fmt)[:8]
    _decode_or_refuse(head + tail)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_truncation_length_class(fmt):
    """Every cut in the header region byte by byte, then cuts spread over the rest of the file."""
    data = _sample(fmt)
    cuts = set(range(0, min(len(data), 300))) | set(np.linspace(0, len(data) - 1, 200).astype(int).tolist())
    for cut in sorted(cuts):
        with pytest.raises(ImageError):
            load_image(data[:cut])


@FUZZ
@given(st.sampled_from(FORMATS), st.data())
def test_truncations(fmt, draw):
    data = _sample(fmt)
    cut = draw.draw(st.integers(min_value=0, max_value=len(data) - 1))
    _decode_or_refuse(data[:cut])


@FUZZ
@given(st.sampled_from(FORMATS), st.data())
def test_bit_flips_in_headers(fmt, draw):
    data = bytearray(_sample(fmt))
    flips = draw.draw(st.lists(st.integers(min_value=0, max_value=min(len(data), 256) * 8 - 1), min_size=1, max_size=4))
    for bit in flips:
        data[bit // 8] ^= 1 << (bit % 8)
    _decode_or_refuse(bytes(data))


@FUZZ
@given(st.sampled_from(FORMATS), st.data())
def test_byte_overwrites_anywhere(fmt, draw):
    data = bytearray(_sample(fmt))
    for _ in range(draw.draw(st.integers(min_value=1, max_value=6))):
        at = draw.draw(st.integers(min_value=0, max_value=len(data) - 1))
        data[at] = draw.draw(st.integers(min_value=0, max_value=255))
    _decode_or_refuse(bytes(data))


@FUZZ
@given(
    st.sampled_from([np.uint8, np.uint16, np.int32, np.float32, np.bool_]),
    st.lists(st.integers(min_value=0, max_value=300), min_size=1, max_size=3),
    st.one_of(st.none(), st.integers(min_value=-10, max_value=5000)),
)
def test_raw_arrays_of_any_shape_and_type(dtype, shape, dpi):
    array = np.zeros(shape, dtype=dtype)
    try:
        image = load_image(array, dpi=dpi)
    except ImageError:
        return
    _assert_valid(image)
