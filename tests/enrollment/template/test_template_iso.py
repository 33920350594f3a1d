"""ISO/IEC 19794-2:2005 import and export: the vendor samples round-trip byte for byte; NBIS export reads."""

from __future__ import annotations

import math
import struct

import nbis
import numpy as np
import pytest

from enrollment.errors import TemplateFormatError
from enrollment.template import Template, deserialize, from_iso, serialize, to_iso
from enrollment.template.iso19794_2 import EXTRA_EXTENDED, angle_code, angle_radians, dpi_from_ppcm, ppcm_from_dpi
from enrollment.template.iso_extended import ExtendedArea, join_areas, ridge_counts, split_areas

SAMPLES = ("iso-probe.dat", "iso-matching.dat", "iso-nonmatching.dat")


def _template(n: int = 30, seed: int = 5, **fields: object) -> Template:
    rng = np.random.default_rng(seed)
    args = {
        "width": 300,
        "height": 400,
        "positions": np.stack([rng.integers(0, 300, n), rng.integers(0, 400, n)], axis=1),
        "directions": rng.uniform(0, 2 * math.pi, n),
        "kinds": rng.integers(0, 3, n),
        "reliability": rng.integers(0, 101, n),
        "quality": 60,
        "finger_position": 2,
    }
    args.update(fields)
    return Template.create(**args)


@pytest.mark.parametrize("name", SAMPLES)
def test_vendor_samples_round_trip_exactly(sourceafis_samples, name):
    data = (sourceafis_samples / name).read_bytes()
    length = struct.unpack_from(">I", data, 8)[0]
    views = from_iso(data)
    assert len(views) == 1
    exported = to_iso(views)
    assert exported == data[:length]  # the files carry zero padding after the record
    assert not any(data[length:])
    # and through the native form, which keeps the ISO extras
    assert to_iso([deserialize(serialize(v)) for v in views]) == exported


def test_vendor_probe_content(sourceafis_samples):
    (view,) = from_iso((sourceafis_samples / "iso-probe.dat").read_bytes())
    assert (view.width, view.height, view.resolution_dpi) == (224, 288, 500)  # 197 pixels/cm
    assert (len(view), view.quality, view.finger_position) == (38, 100, 0)
    assert tuple(view.positions[0]) == (78, 13) and view.kinds[0] == 1
    assert view.directions[0] == pytest.approx(30 * 2 * math.pi / 256)
    areas = split_areas(view.extras[EXTRA_EXTENDED])
    assert [(a.type_id, a.data) for a in areas] == [(0x0144, b"\x97")]  # one vendor-defined area


def test_units_convert_both_ways():
    codes = np.arange(256, dtype=np.uint8)
    assert np.array_equal(angle_code(angle_radians(codes)), codes)
    assert angle_code(np.array([math.pi / 2]))[0] == 64  # straight up on the image
    for ppcm in range(40, 800):
        assert ppcm_from_dpi(dpi_from_ppcm(ppcm)) == ppcm
    assert (dpi_from_ppcm(197), ppcm_from_dpi(500)) == (500, 197)


def test_export_then_import_keeps_everything_but_angle_precision():
    original = _template()
    (back,) = from_iso(to_iso(original))
    assert np.array_equal(back.positions, original.positions)
    assert np.array_equal(back.kinds, original.kinds)
    assert np.array_equal(back.reliability, original.reliability)
    assert (back.quality, back.finger_position, back.resolution_dpi) == (60, 2, 500)
    error = np.angle(np.exp(1j * (back.directions.astype(float) - original.directions)))
    assert np.abs(error).max() <= math.pi / 256 + 1e-6
    assert to_iso(back) == to_iso(original)


def test_multi_view_records():
    views = [_template(seed=1), _template(seed=2, finger_position=7), _template(seed=3)]
    data = to_iso(views)
    assert data[22] == 3
    back = from_iso(data)
    assert [v.finger_position for v in back] == [2, 7, 2]
    assert to_iso(back) == data
    # the second impression of the right index gets view number 1
    assert back[2].extras["iso19794_2.view"] == b"\x10"
    with pytest.raises(TemplateFormatError, match="one image size"):
        to_iso([_template(), _template(width=301)])
    with pytest.raises(TemplateFormatError, match="at least one"):
        to_iso([])


def test_ridge_counts_area():
    area = ExtendedArea(1, bytes([0, 0, 1, 5, 2, 3, 7]))
    block = join_areas([area])
    (parsed,) = split_areas(block)
    counts = ridge_counts(parsed, minutia_count=4)
    assert counts.method == 0 and counts.pairs == ((0, 1, 5), (2, 3, 7))
    with pytest.raises(TemplateFormatError, match="names minutia 3"):
        ridge_counts(parsed, minutia_count=3)
    template = _template(n=4).with_extras({EXTRA_EXTENDED: block})
    assert from_iso(to_iso(template))[0].extras[EXTRA_EXTENDED] == block


def test_refusals_name_the_offset():
    data = bytearray(to_iso(_template()))
    for at, value, message in (
        (0, b"XMR\x00", "byte 0"),
        (4, b" 30\x00", "byte 4"),
        (8, struct.pack(">I", 10_000), "byte 8"),
        (18, b"\x00\x00", "byte 18"),
        (22, b"\x00", "byte 22"),
        (23, b"\x01", "byte 23"),
        (24, b"\x20", "byte 24: finger position 32"),
        (26, b"\x65", "byte 26: quality 101"),
        (28, b"\xc0", "byte 28: minutia 0 type 3"),
        (30, b"\x40", "byte 30: minutia 0 has its reserved bits"),
        (28 + 6, b"\x7f\xff", "byte 34: minutia 1 x 16383"),
        (28 + 6 * 2 + 5, b"\xff", "byte 45: minutia 2 quality 255"),
    ):
        corrupt = bytearray(data)
        corrupt[at : at + len(value)] = value
        with pytest.raises(TemplateFormatError, match=message):
            from_iso(bytes(corrupt))
    with pytest.raises(TemplateFormatError, match="non-zero bytes after"):
        from_iso(bytes(data) + b"\x01")
    with pytest.raises(TemplateFormatError, match="shorter"):
        from_iso(bytes(data[:20]))


def test_reads_the_nbis_export(sourceafis_samples):
    settings = nbis.NbisExtractorSettings(
        min_quality=0.0, get_center=False, check_fingerprint=False, compute_nfiq2=False, ppi=None
    )
    extractor = nbis.new_nbis_extractor(settings)
    minutiae = extractor.extract_minutiae((sourceafis_samples / "probe.png").read_bytes())
    record = minutiae.to_iso_19794_2_2005()
    (view,) = from_iso(record)
    expected = minutiae.get()
    assert (view.width, view.height, len(view)) == (388, 374, len(expected))
    assert [tuple(p) for p in view.positions] == [(m.x(), m.y()) for m in expected]
    assert [int(k) for k in view.kinds] == [m.kind().value for m in expected]
    degrees = np.degrees(view.directions.astype(float))
    assert np.allclose(degrees, [m.angle() for m in expected], atol=360 / 256 / 2 + 1e-6)
    # NBIS's own loader reads only its own layout, so our conformant re-export is checked through our parser
    assert from_iso(to_iso(view))[0].same_as(view.with_extras({}))


def test_iso_angles_follow_the_ridges_on_the_image(sourceafis_samples):
    """The angle reading (counter-clockwise as seen, (dx, dy) = (cos a, -sin a)) checked against the picture.

    The vendor records are of another capture (224x288) than probe.png, so NBIS's minutiae of probe.png
    are used: read through our parser, their directions must lie along the ridge flow (the mirrored
    reading must not), endings must point into their ridge (dark ahead) and bifurcations into the valley.
    """
    import cv2

    settings = nbis.NbisExtractorSettings(
        min_quality=0.0, get_center=False, check_fingerprint=False, compute_nfiq2=False, ppi=None
    )
    png = (sourceafis_samples / "probe.png").read_bytes()
    (view,) = from_iso(nbis.new_nbis_extractor(settings).extract_minutiae(png).to_iso_19794_2_2005())
    image = cv2.imread(str(sourceafis_samples / "probe.png"), cv2.IMREAD_GRAYSCALE).astype(np.float64)
    gx, gy = cv2.Sobel(image, cv2.CV_64F, 1, 0), cv2.Sobel(image, cv2.CV_64F, 0, 1)
    gxx, gyy, gxy = (cv2.GaussianBlur(g, (17, 17), 4) for g in (gx * gx, gy * gy, gx * gy))
    ridge_as_seen = -(0.5 * np.arctan2(2 * gxy, gxx - gyy) + math.pi / 2)  # y axis flipped to point up
    xs, ys = view.positions[:, 0], view.positions[:, 1]

    def orientation_error(directions: np.ndarray) -> float:
        difference = np.mod(directions - ridge_as_seen[ys, xs], math.pi)
        return float(np.degrees(np.median(np.minimum(difference, math.pi - difference))))

    assert orientation_error(view.directions.astype(float)) < 15
    assert orientation_error(-view.directions.astype(float)) > 30

    smooth = cv2.GaussianBlur(image, (3, 3), 1)
    ahead_is_ridge = []
    for (x, y), angle in zip(view.positions, view.directions.astype(float), strict=True):
        steps = [
            (x + d * math.cos(angle), y - d * math.sin(angle), x - d * math.cos(angle), y + d * math.sin(angle))
            for d in (4, 6, 8)
        ]
        fore = [smooth[int(np.clip(round(fy), 0, 373)), int(np.clip(round(fx), 0, 387))] for fx, fy, _, _ in steps]
        back = [smooth[int(np.clip(round(by), 0, 373)), int(np.clip(round(bx), 0, 387))] for _, _, bx, by in steps]
        ahead_is_ridge.append(np.mean(fore) < np.mean(back))  # ridges are dark
    ahead_is_ridge = np.array(ahead_is_ridge)
    assert ahead_is_ridge[view.kinds == 1].mean() > 0.9
    assert ahead_is_ridge[view.kinds == 2].mean() < 0.1
