"""The extended data block of an ISO/IEC 19794-2:2005 finger view: areas of (type, length, data).

Each area is a 2-byte type id, a 2-byte length that counts the 4 header bytes too, and the data. Type 1
holds ridge counts (a method byte, then triples: minutia index, minutia index, count); type 2 cores and
deltas; types from 0x0100 are vendor-defined. The block is kept byte for byte so that export reproduces
it; this module only checks its structure and reads the parts we know.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from enrollment.errors import TemplateFormatError

RIDGE_COUNT = 0x0001
CORE_AND_DELTA = 0x0002
_AREA_HEADER = struct.Struct(">HH")


@dataclass(frozen=True)
class ExtendedArea:
    """One extended data area: its type id, its data, and its offset in the record (for messages)."""

    type_id: int
    data: bytes
    offset: int = 0


@dataclass(frozen=True)
class RidgeCounts:
    """Ridge counts between pairs of minutiae (indices into the view's minutiae), with the method code."""

    method: int
    pairs: tuple[tuple[int, int, int], ...]


def split_areas(block: bytes, *, offset: int = 0) -> list[ExtendedArea]:
    """The areas of an extended data block; refuses areas that overrun or do not fill the block exactly."""
    areas, at = [], 0
    while at < len(block):
        if at + _AREA_HEADER.size > len(block):
            raise TemplateFormatError(f"byte {offset + at}: extended data area header cut short")
        type_id, length = _AREA_HEADER.unpack_from(block, at)
        if type_id == 0:
            raise TemplateFormatError(f"byte {offset + at}: extended data type id 0 is reserved")
        if length < _AREA_HEADER.size or at + length > len(block):
            raise TemplateFormatError(
                f"byte {offset + at + 2}: extended data area length {length} does not fit the "
                f"{len(block) - at} bytes left in its block"
            )
        areas.append(ExtendedArea(type_id, block[at + _AREA_HEADER.size : at + length], offset + at))
        at += length
    return areas


def ridge_counts(area: ExtendedArea, minutia_count: int) -> RidgeCounts:
    """Read a ridge-count area, checking that each index names one of the view's minutiae."""
    if area.type_id != RIDGE_COUNT:
        raise TemplateFormatError(f"byte {area.offset}: area type {area.type_id:#06x} is not ridge count data")
    data = area.data
    if not data or (len(data) - 1) % 3:
        raise TemplateFormatError(f"byte {area.offset + 4}: ridge count data of {len(data)} bytes is not 1 + 3k")
    pairs = []
    for at in range(1, len(data), 3):
        first, second, count = data[at], data[at + 1], data[at + 2]
        if first >= minutia_count or second >= minutia_count:
            raise TemplateFormatError(
                f"byte {area.offset + 4 + at}: ridge count names minutia {max(first, second)}, "
                f"the view has {minutia_count}"
            )
        pairs.append((first, second, count))
    return RidgeCounts(data[0], tuple(pairs))


def join_areas(areas: list[ExtendedArea]) -> bytes:
    """An extended data block from its areas (the inverse of :func:`split_areas`)."""
    out = []
    for area in areas:
        length = _AREA_HEADER.size + len(area.data)
        if not 0 < area.type_id <= 0xFFFF or length > 0xFFFF:
            raise TemplateFormatError(f"extended data area {area.type_id:#06x} of {length} bytes cannot be written")
        out.append(_AREA_HEADER.pack(area.type_id, length) + area.data)
    return b"".join(out)
