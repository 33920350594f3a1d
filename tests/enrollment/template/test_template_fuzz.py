"""Fuzzing both template parsers: any bytes give a valid Template or a TemplateFormatError, nothing else."""

from __future__ import annotations

import math
import struct
import zlib

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from enrollment.errors import TemplateFormatError
from enrollment.template import Template, deserialize, from_iso, serialize, to_iso
from enrollment.template.iso_extended import ExtendedArea, join_areas

pytestmark = pytest.mark.timeout(120)
FUZZ = settings(max_examples=150, deadline=1000, derandomize=True)


def _template(seed: int, n: int) -> Template:
    rng = np.random.default_rng(seed)
    template = Template.create(
        width=320,
        height=360,
        positions=np.stack([rng.integers(0, 320, n), rng.integers(0, 360, n)], axis=1),
        directions=rng.uniform(0, 2 * math.pi, n),
        kinds=rng.integers(0, 3, n),
        reliability=rng.integers(0, 101, n),
        quality=int(rng.integers(0, 101)),
        finger_position=int(rng.integers(0, 11)),
    )
    block = join_areas([ExtendedArea(1, bytes([0, 0, 1, 4])), ExtendedArea(0x0144, b"\x97")]) if n >= 2 else b""
    return template.with_extras({"iso19794_2.extended": block} if block else {})


NATIVE = serialize(_template(1, 24))
ISO = to_iso([_template(2, 12), _template(3, 0), _template(4, 30)])
VALID = {"native": NATIVE, "iso": ISO}


def _parse(kind: str, data: bytes) -> list[Template]:
    return [deserialize(data)] if kind == "native" else from_iso(data)


def _parse_or_refuse(kind: str, data: bytes) -> None:
    try:
        templates = _parse(kind, data)
    except TemplateFormatError as error:
        assert str(error)
        return
    for template in templates:
        template.validate()
        assert deserialize(serialize(template)).same_as(template)  # whatever is accepted is stable
        assert isinstance(to_iso(template), bytes)


def _flip(data: bytes, bits: list[int]) -> bytes:
    out = bytearray(data)
    for bit in bits:
        out[(bit // 8) % len(out)] ^= 1 << (bit % 8)
    return bytes(out)


@FUZZ
@given(st.sampled_from(["native", "iso"]), st.binary(max_size=600))
def test_random_bytes(kind, data):
    _parse_or_refuse(kind, data)


@FUZZ
@given(st.sampled_from(["native", "iso"]), st.binary(max_size=400))
def test_random_bytes_behind_a_valid_header(kind, tail):
    head = VALID[kind][: 16 if kind == "native" else 28]
    _parse_or_refuse(kind, head + tail)


@pytest.mark.parametrize("kind", ["native", "iso"])
def test_every_truncation_is_refused(kind):
    data = VALID[kind]
    for cut in range(len(data)):
        with pytest.raises(TemplateFormatError):
            _parse(kind, data[:cut])


@FUZZ
@given(
    st.sampled_from(["native", "iso"]), st.lists(st.integers(min_value=0, max_value=8 * 600), min_size=1, max_size=6)
)
def test_bit_flips(kind, bits):
    _parse_or_refuse(kind, _flip(VALID[kind], bits))


@FUZZ
@given(st.lists(st.integers(min_value=0, max_value=8 * (len(NATIVE) - 4) - 1), min_size=1, max_size=4))
def test_native_bit_flips_with_a_recomputed_checksum(bits):
    """Past the CRC, so that the field validation itself is exercised."""
    body = _flip(NATIVE[:-4], bits)
    _parse_or_refuse("native", body + struct.pack(">I", zlib.crc32(body)))


@FUZZ
@given(st.data())
def test_iso_field_overwrites(draw):
    data = bytearray(ISO)
    for _ in range(draw.draw(st.integers(min_value=1, max_value=4))):
        at = draw.draw(st.integers(min_value=0, max_value=len(data) - 1))
        data[at] = draw.draw(st.integers(min_value=0, max_value=255))
    _parse_or_refuse("iso", bytes(data))


def test_single_bit_flips_of_native_are_all_caught():
    """CRC-32 detects every single-bit error: none may slip through as a different template."""
    for bit in range(len(NATIVE) * 8):
        with pytest.raises(TemplateFormatError):
            deserialize(_flip(NATIVE, [bit]))
