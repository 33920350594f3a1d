"""The native binary template form: exact round trip, and clear refusal of anything corrupt."""

from __future__ import annotations

import dataclasses
import math
import struct
import zlib

import numpy as np
import pytest

from enrollment.errors import TemplateFormatError
from enrollment.template import Template, deserialize, serialize
from enrollment.template.native import MAGIC, dequantise_directions, quantise_directions


def _template(seed: int = 3, n: int = 40) -> Template:
    rng = np.random.default_rng(seed)
    return Template.create(
        width=388,
        height=374,
        positions=np.stack([rng.integers(0, 388, n), rng.integers(0, 374, n)], axis=1),
        directions=rng.uniform(0, 2 * math.pi, n),
        kinds=rng.integers(1, 3, n),
        reliability=rng.integers(0, 101, n),
        quality=71,
        finger_position=7,
    )


def _reseal(body: bytes) -> bytes:
    return body + struct.pack(">I", zlib.crc32(body))


def test_round_trip_is_exact_after_one_quantisation():
    original = _template()
    data = serialize(original)
    assert data[:4] == MAGIC and len(data) == 16 + 8 * 40 + 1 + 4
    restored = deserialize(data)
    assert serialize(restored) == data
    assert np.array_equal(restored.positions, original.positions)
    assert np.array_equal(restored.kinds, original.kinds)
    assert np.array_equal(restored.reliability, original.reliability)
    assert (restored.width, restored.height, restored.resolution_dpi) == (388, 374, 500)
    assert (restored.quality, restored.finger_position) == (71, 7)
    error = np.angle(np.exp(1j * (restored.directions.astype(float) - original.directions)))
    assert np.abs(error).max() <= math.pi / 65536 + 1e-6


def test_quantisation_is_idempotent_and_wraps():
    steps = np.arange(65536, dtype=np.uint16)
    assert np.array_equal(quantise_directions(dequantise_directions(steps)), steps)
    assert quantise_directions(np.array([2 * math.pi - 1e-9]))[0] == 0


def test_empty_template_and_extras_round_trip():
    empty = Template.create(width=100, height=100, positions=np.empty((0, 2)), directions=[])
    assert len(deserialize(serialize(empty))) == 0
    with_extras = dataclasses.replace(_template(), extras={"ridge_counts": b"\x01\x02", "a": b""})
    restored = deserialize(serialize(with_extras))
    assert restored.extras == {"a": b"", "ridge_counts": b"\x01\x02"}


def test_corruption_is_caught_by_the_checksum():
    data = bytearray(serialize(_template()))
    data[40] ^= 0x10
    with pytest.raises(TemplateFormatError, match="CRC-32"):
        deserialize(bytes(data))


def test_refusals_name_the_offset():
    data = serialize(_template())
    body = data[:-4]
    with pytest.raises(TemplateFormatError, match="byte 0: magic"):
        deserialize(b"XXXX" + data[4:])
    with pytest.raises(TemplateFormatError, match="byte 4: format version 9"):
        deserialize(_reseal(body[:4] + b"\x09" + body[5:]))
    with pytest.raises(TemplateFormatError, match="byte 6: width 0"):
        deserialize(_reseal(body[:6] + b"\x00\x00" + body[8:]))
    bad_x = bytearray(body)
    bad_x[16 + 8 * 5 : 16 + 8 * 5 + 2] = (1000).to_bytes(2, "big")
    with pytest.raises(TemplateFormatError, match="byte 56: minutia 5 x 1000"):
        deserialize(_reseal(bytes(bad_x)))
    with pytest.raises(TemplateFormatError, match="shorter"):
        deserialize(data[:10])
    with pytest.raises(TemplateFormatError, match="minutiae need"):
        deserialize(_reseal(body[:100]))
    with pytest.raises(TemplateFormatError, match="unexpected bytes"):
        deserialize(_reseal(body + b"\x00"))


def test_read_templates_tells_the_forms_apart():
    from enrollment.template import detect_format, read_templates, to_iso

    template = _template()
    native, iso = serialize(template), to_iso([template, template])
    assert (detect_format(native), detect_format(iso), detect_format(b"\x89PNG")) == ("native", "iso19794-2", None)
    assert len(read_templates(native)) == 1 and len(read_templates(iso)) == 2
    with pytest.raises(TemplateFormatError, match="byte 0"):
        read_templates(b"")
