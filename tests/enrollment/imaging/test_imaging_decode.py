"""Decoding of every accepted encoding, resolution handling, size limits and pixel-layout conversion."""

from __future__ import annotations

import io

import numpy as np
import pytest
import wsq  # noqa: F401  (registers the WSQ encoder with Pillow, to make test files)
from PIL import Image

from enrollment.errors import ImageError
from enrollment.imaging import DecodedImage, load_image, normalise_resolution
from enrollment.imaging.errors import (
    EmptyImageError,
    ImageTooLargeError,
    ImageTooSmallError,
    ResolutionError,
    TruncatedImageError,
    UnknownFormatError,
    UnsupportedPixelsError,
)
from enrollment.imaging.normalise import resample_to_target


def _encode(array: np.ndarray, fmt: str, **params: object) -> bytes:
    out = io.BytesIO()
    Image.fromarray(array).save(out, format=fmt, **params)
    return out.getvalue()


@pytest.fixture
def ridges() -> np.ndarray:
    """A synthetic ridge pattern, seeded, 200x160 grey."""
    rng = np.random.default_rng(7)
    y, x = np.mgrid[0:160, 0:200]
    wave = 127 + 100 * np.sin((x + 0.3 * y) / 4.5) + rng.normal(0, 5, (160, 200))
    return np.clip(wave, 0, 255).astype(np.uint8)


def test_sample_probe_decodes_alike_in_png_bmp_jpeg(sourceafis_samples):
    png = load_image(sourceafis_samples / "probe.png")
    bmp = load_image(sourceafis_samples / "probe.bmp")
    jpeg = load_image((sourceafis_samples / "probe.jpeg").read_bytes())
    assert (png.format, bmp.format, jpeg.format) == ("PNG", "BMP", "JPEG")
    assert png.array.shape == bmp.array.shape == jpeg.array.shape == (374, 388)
    assert png.original_size == (388, 374)
    assert np.array_equal(png.array, bmp.array)  # both lossless, grey stored as RGB(A)
    difference = np.abs(png.array.astype(int) - jpeg.array.astype(int))
    assert difference.mean() < 3 and np.percentile(difference, 99) < 15
    assert png.dpi == 500 and png.dpi_source == "default"  # the PNG carries no pHYs chunk


def test_sample_wsq_decodes_to_its_published_conversion(sourceafis_samples):
    image = load_image(sourceafis_samples / "wsq-original.wsq")
    assert image.format == "WSQ"
    assert (image.width, image.height) == (832, 768)
    assert (image.dpi, image.dpi_source) == (500, "file")  # "PPI 500" in the NIST comment
    converted = load_image(sourceafis_samples / "wsq-converted.png")
    assert np.array_equal(image.array, converted.array)
    assert converted.dpi_source == "default"  # its pHYs says 96 dpi, a screen placeholder


def test_round_trip_through_each_lossless_encoding(ridges):
    for fmt in ("PNG", "BMP", "TIFF"):
        image = load_image(_encode(ridges, fmt))
        assert image.format == fmt
        assert np.array_equal(image.array, ridges)
        assert not image.array.flags.writeable


def test_wsq_round_trip_is_close(ridges):
    image = load_image(_encode(ridges, "WSQ"))
    assert image.format == "WSQ"
    assert np.abs(image.array.astype(int) - ridges).mean() < 12


@pytest.mark.parametrize(("fmt", "dpi"), [("PNG", 1000), ("JPEG", 500), ("TIFF", 750), ("BMP", 300)])
def test_resolution_is_read_from_the_file(ridges, fmt, dpi):
    image = load_image(_encode(ridges, fmt, dpi=(dpi, dpi)))
    assert abs(image.dpi - dpi) <= 1 and image.dpi_source == "file"


def test_given_resolution_overrides_the_file(ridges):
    image = load_image(_encode(ridges, "PNG", dpi=(1000, 1000)), dpi=400)
    assert (image.dpi, image.dpi_source) == (400, "argument")


@pytest.mark.parametrize("dpi", [72, 96, 1])
def test_placeholder_resolution_falls_back_to_500(ridges, dpi):
    image = load_image(_encode(ridges, "PNG", dpi=(dpi, dpi)))
    assert (image.dpi, image.dpi_source) == (500, "default")


@pytest.mark.parametrize("dpi", [200, 2400])
def test_implausible_resolution_is_refused(ridges, dpi):
    with pytest.raises(ResolutionError, match=f"{dpi} dpi"):
        load_image(_encode(ridges, "PNG", dpi=(dpi, dpi)))
    with pytest.raises(ResolutionError):
        load_image(ridges, dpi=dpi)


def test_anisotropic_pixels_are_refused(ridges):
    with pytest.raises(ResolutionError, match="not square"):
        load_image(_encode(ridges, "PNG", dpi=(500, 1000)))


def test_rescaling_to_500_dpi(ridges):
    high = normalise_resolution(load_image(ridges, dpi=1000))
    assert (high.width, high.height, high.dpi) == (100, 80, 500)
    low = normalise_resolution(load_image(ridges, dpi=250))
    assert (low.width, low.height, low.dpi) == (400, 320, 500)
    assert low.original_size == (200, 160)
    same = load_image(ridges)
    assert normalise_resolution(same) is same
    # area averaging keeps the mean grey level
    assert abs(float(high.array.mean()) - float(ridges.mean())) < 2


@pytest.mark.parametrize("dpi", [250, 569, 1000])
def test_one_resampler_for_grey_levels_and_floats(ridges, dpi):
    """Decoding's uint8 rescale and the extractor's float32 one are the same resampler: the same size and the
    same values, rounded and saturated in uint8 (the cubic overshoot clipped), kept in float32."""
    wave = np.clip(127.5 + 127.5 * np.sin(np.arange(200) / 3.0), 0, 255).astype(np.uint8)
    full_range = np.broadcast_to(wave, (160, 200)).copy()
    for pixels in (ridges, full_range):
        grey = resample_to_target(pixels, dpi)
        floats = resample_to_target(pixels.astype(np.float32), dpi)
        assert grey.dtype == np.uint8 and floats.dtype == np.float32 and grey.shape == floats.shape
        assert np.abs(grey - np.clip(floats, 0, 255)).max() <= 0.5 + 1e-3
        assert np.array_equal(normalise_resolution(load_image(pixels, dpi=dpi)).array, grey)
    if dpi < 500:  # enlarging: bicubic overshoots the full-range wave, which only the float result keeps
        assert floats.min() < 0 or floats.max() > 255
    assert resample_to_target(ridges, 500) is ridges


def test_empty_and_unknown_inputs():
    with pytest.raises(EmptyImageError):
        load_image(b"")
    with pytest.raises(EmptyImageError):
        load_image(np.zeros((0, 10), np.uint8))
    with pytest.raises(UnknownFormatError, match="not a PNG"):
        load_image(b"GIF89a" + bytes(100))
    with pytest.raises(UnknownFormatError):
        load_image(12345)  # type: ignore[arg-type]
    with pytest.raises(ImageError, match="cannot read"):
        load_image("/nonexistent/print.png")


def test_other_pillow_formats_are_not_accepted(ridges):
    with pytest.raises(UnknownFormatError):
        load_image(_encode(ridges, "GIF"))


def test_truncated_png_is_reported(ridges):
    data = _encode(ridges, "PNG")
    with pytest.raises(TruncatedImageError):
        load_image(data[: len(data) // 2])


def test_tiny_and_huge_images(ridges):
    with pytest.raises(ImageTooSmallError, match="at least 64"):
        load_image(np.zeros((63, 200), np.uint8))
    with pytest.raises(ImageTooSmallError):
        load_image(np.zeros((100, 100), np.uint8), dpi=1000)  # 50x50 at 500 dpi
    with pytest.raises(ImageTooLargeError):
        load_image(np.zeros((10, 5000), np.uint8))
    with pytest.raises(ImageTooLargeError, match="at 500 dpi"):
        load_image(np.zeros((3000, 3000), np.uint8), dpi=300)


def test_bomb_is_refused_from_the_header_alone():
    # a PNG header declaring 20000x20000 pixels, with no pixel data at all
    big = _encode(np.zeros((1, 1), np.uint8), "PNG")
    ihdr_at = big.index(b"IHDR")
    forged = bytearray(big)
    forged[ihdr_at + 4 : ihdr_at + 12] = (20000).to_bytes(4, "big") * 2
    import zlib

    forged[ihdr_at + 17 : ihdr_at + 21] = zlib.crc32(bytes(forged[ihdr_at : ihdr_at + 17])).to_bytes(4, "big")
    with pytest.raises(ImageTooLargeError, match="too large"):
        load_image(bytes(forged))


def test_colour_and_deep_images_become_grey(ridges):
    rgb = np.stack([ridges, ridges, ridges], axis=2)
    assert np.array_equal(load_image(_encode(rgb, "PNG")).array, ridges)
    tinted = rgb.copy()
    tinted[..., 0] = 255
    grey = load_image(_encode(tinted, "PNG")).array
    expected = np.rint(0.299 * 255 + 0.587 * ridges.astype(float) + 0.114 * ridges)
    assert np.array_equal(grey, expected.astype(np.uint8))
    palette = Image.fromarray(ridges).convert("P")
    out = io.BytesIO()
    palette.save(out, format="PNG")
    assert np.array_equal(load_image(out.getvalue()).array, ridges)
    deep = ridges.astype(np.uint16) * 257
    assert np.array_equal(load_image(_encode(deep, "PNG")).array, ridges)
    assert np.array_equal(load_image(deep).array, ridges)


def test_transparency(ridges):
    opaque = np.dstack([ridges, np.full_like(ridges, 255)])
    assert np.array_equal(load_image(_encode(opaque, "PNG")).array, ridges)
    half = np.dstack([ridges, np.full_like(ridges, 128)])
    composited = load_image(_encode(half, "PNG")).array
    assert composited.min() >= 127  # pulled towards the white background
    alpha_only = np.dstack([np.zeros_like(ridges)] * 3 + [ridges])
    with pytest.raises(UnsupportedPixelsError, match="alpha channel only"):
        load_image(_encode(alpha_only, "PNG"))
    clear = np.dstack([ridges, np.zeros_like(ridges)])
    with pytest.raises(UnsupportedPixelsError, match="transparent"):
        load_image(_encode(clear, "PNG"))


def test_raw_arrays(ridges):
    image = load_image(ridges, dpi=500)
    assert isinstance(image, DecodedImage)
    assert (image.format, image.dpi_source) == ("RAW", "argument")
    assert np.array_equal(image.array, ridges) and image.array is not ridges
    assert np.array_equal(load_image(ridges[..., None]).array, ridges)
    with pytest.raises(UnknownFormatError):
        load_image(ridges.astype(np.float32))
    with pytest.raises(UnknownFormatError):
        load_image(np.zeros((4, 100, 100), np.uint8))


def _forge_size(data: bytes, fmt: str, width: int, height: int) -> bytes:
    """The file with its header's image size replaced (pixel data untouched)."""
    out = bytearray(data)
    if fmt == "BMP":
        out[18:26] = width.to_bytes(4, "little") + height.to_bytes(4, "little")
    elif fmt == "JPEG":
        at = data.index(b"\xff\xc0")
        out[at + 5 : at + 9] = height.to_bytes(2, "big") + width.to_bytes(2, "big")
    elif fmt == "WSQ":
        at = data.index(b"\xff\xa2")
        out[at + 6 : at + 10] = height.to_bytes(2, "big") + width.to_bytes(2, "big")
    return bytes(out)


@pytest.mark.parametrize("fmt", ["BMP", "JPEG", "WSQ"])
@pytest.mark.parametrize(("width", "height"), [(5000, 100), (100, 4097), (4096, 4096 + 1)])
def test_oversized_headers_are_refused_before_decoding(ridges, fmt, width, height):
    with pytest.raises(ImageTooLargeError, match=f"{width}x{height}"):
        load_image(_forge_size(_encode(ridges, fmt), fmt, width, height))
