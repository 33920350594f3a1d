"""Decoding many native templates at once gives exactly the templates, and the refusals, of decoding one by one."""

from __future__ import annotations

import struct
import zlib

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from enrollment.errors import TemplateFormatError
from enrollment.synthesis import synthesize_minutiae
from enrollment.template import Template, deserialize, serialize
from enrollment.template.native_batch import deserialize_many

pytestmark = pytest.mark.timeout(120)
TEMPLATES = list(synthesize_minutiae(40, seed=11))
EMPTY = Template.create(width=300, height=400, positions=np.empty((0, 2)), directions=[], finger_position=3)
WITH_EXTRAS = TEMPLATES[0].with_extras({"note": b"kept"})
GOOD = [serialize(t) for t in TEMPLATES] + [serialize(EMPTY), serialize(WITH_EXTRAS)]


def _one_by_one(blobs: list[bytes]) -> list[Template] | str:
    try:
        return [deserialize(b) for b in blobs]
    except TemplateFormatError as error:
        return str(error)


def _together(blobs: list[bytes]) -> list[Template] | str:
    try:
        return deserialize_many(blobs)
    except TemplateFormatError as error:
        return str(error)


def _same(blobs: list[bytes]) -> None:
    expected, got = _one_by_one(blobs), _together(blobs)
    if isinstance(expected, str):
        assert got == expected
        return
    assert not isinstance(got, str) and len(got) == len(expected)
    for a, b in zip(expected, got, strict=True):
        assert a.same_as(b)
        assert [x.dtype for x in (a.positions, a.directions, a.kinds, a.reliability)] == \
               [x.dtype for x in (b.positions, b.directions, b.kinds, b.reliability)]
        assert not b.positions.flags.writeable and not b.directions.flags.writeable


def test_many_equal_one_by_one():
    _same(GOOD)
    assert deserialize_many([]) == []


def test_every_truncation_is_refused_as_alone():
    blob = GOOD[3]
    for cut in range(len(blob)):
        _same([GOOD[0], blob[:cut], GOOD[1]])


def _flip(data: bytes, bits: list[int]) -> bytes:
    out = bytearray(data)
    for bit in bits:
        out[(bit // 8) % len(out)] ^= 1 << (bit % 8)
    return bytes(out)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.integers(0, len(GOOD) - 1), st.lists(st.integers(0, 8 * 400), min_size=1, max_size=4), st.booleans())
def test_altered_fields_are_decoded_or_refused_as_alone(which, bits, reseal):
    """Bit flips with the CRC recomputed (so that the range checks decide) or left (so that the CRC does)."""
    blob = GOOD[which]
    body = _flip(blob[:-4], bits)
    altered = body + struct.pack(">I", zlib.crc32(body)) if reseal else body + blob[-4:]
    _same([GOOD[(which + 1) % len(GOOD)], altered, GOOD[which]])
