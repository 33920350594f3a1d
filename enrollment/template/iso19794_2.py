"""ISO/IEC 19794-2:2005 finger minutiae records: import every finger view, export templates.

Record layout (big-endian): header "FMR\\0", version " 20\\0", record length (4 bytes), capture equipment
(2), image width and height (2 + 2), horizontal and vertical resolution in pixels per centimetre (2 + 2),
number of finger views (1), reserved (1). Each view: finger position, view number (high nibble) and
impression type (low nibble), finger quality 0-100, minutia count, then 6 bytes per minutia -- type (2
bits: 1 ending, 2 bifurcation, 0 other) and x (14 bits); 2 reserved bits and y (14 bits); angle in units
of 360/256 degrees counter-clockwise from the positive x axis; quality 0-100 -- then an extended data
block (2-byte length, then areas, see :mod:`enrollment.template.iso_extended`).

Units only are converted: pixels per centimetre to dots per inch (x 2.54, rounded) and angle codes to
radians (x 2*pi/256); both conventions are the Template's own. What a Template has no field for (capture
equipment, view and impression byte, a resolution dpi cannot reproduce, the extended data) is kept in
``Template.extras`` under ``iso19794_2.*`` so that import then export reproduces the record byte for byte.

NBIS through ``nbis-rs``/``nbis-py`` writes a shorter, non-conformant layout (no resolution, no view
count, the view header in other places, no extended data length); it is recognised and read as well.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence

import numpy as np

from enrollment.errors import TemplateFormatError
from enrollment.template import angles, bounds
from enrollment.template.iso_extended import split_areas
from enrollment.template.model import Template

MAGIC = b"FMR\x00"
VERSION = b" 20\x00"
ANGLE_STEPS = 256
CM_PER_INCH = 2.54
NBIS_DEFAULT_DPI = 500

EXTRA_EQUIPMENT = "iso19794_2.equipment"
EXTRA_RESOLUTION = "iso19794_2.resolution"
EXTRA_VIEW = "iso19794_2.view"
EXTRA_EXTENDED = "iso19794_2.extended"
EXTRA_LAYOUT = "iso19794_2.layout"

_HEADER = struct.Struct(">4s4sIHHHHHBB")
_VIEW = struct.Struct(">BBBB")
_MINUTIA = np.dtype([("type_x", ">u2"), ("y", ">u2"), ("angle", "u1"), ("quality", "u1")])
_NBIS_HEADER = 26


def angle_code(directions: np.ndarray) -> np.ndarray:
    """Radians (counter-clockwise as seen on the image) to ISO angle codes 0..255."""
    return angles.to_steps(directions, ANGLE_STEPS, np.uint8)


def angle_radians(codes: np.ndarray) -> np.ndarray:
    """ISO angle codes 0..255 to float32 radians in [0, 2*pi)."""
    return angles.to_radians(codes, ANGLE_STEPS)


def dpi_from_ppcm(ppcm: int) -> int:
    return round(ppcm * CM_PER_INCH)


def ppcm_from_dpi(dpi: int) -> int:
    return round(dpi / CM_PER_INCH)


def from_iso(data: bytes) -> list[Template]:
    """Every finger view of an ISO/IEC 19794-2:2005 record, as Templates in record order."""
    data = bytes(data)
    if len(data) < _HEADER.size:
        raise TemplateFormatError(f"ISO record of {len(data)} bytes is shorter than its {_HEADER.size}-byte header")
    magic, version, length = _HEADER.unpack_from(data, 0)[:3]
    if magic != MAGIC:
        raise TemplateFormatError(f"byte 0: format identifier {magic!r} is not {MAGIC!r}; not an ISO minutiae record")
    if version != VERSION:
        raise TemplateFormatError(f"byte 4: version {version!r} is not {VERSION!r} (only ISO/IEC 19794-2:2005)")
    if _is_nbis_layout(data, length):
        return [_from_nbis(data)]
    if length < _HEADER.size or length > len(data):
        raise TemplateFormatError(f"byte 8: record length {length} does not fit the {len(data)} bytes given")
    if any(data[length:]):
        raise TemplateFormatError(f"byte {length}: non-zero bytes after the end of the record")
    return _parse_views(data[:length])


def _parse_views(record: bytes) -> list[Template]:
    _, _, _, equipment, width, height, res_x, res_y, views, reserved = _HEADER.unpack_from(record, 0)
    if not res_x or not res_y:
        raise TemplateFormatError(f"byte 18: resolution {res_x}x{res_y} pixels/cm; zero is not allowed")
    if abs(res_x - res_y) > 0.02 * max(res_x, res_y):
        raise TemplateFormatError(f"byte 18: resolution {res_x}x{res_y} pixels/cm is not square")
    dpi = dpi_from_ppcm(round((res_x + res_y) / 2))
    if views == 0:
        raise TemplateFormatError("byte 22: the record holds no finger view")
    if reserved:
        raise TemplateFormatError(f"byte 23: reserved byte is {reserved}, expected 0")
    shared: dict[str, bytes] = {}
    if equipment:
        shared[EXTRA_EQUIPMENT] = record[12:14]
    if (res_x, res_y) != (ppcm_from_dpi(dpi), ppcm_from_dpi(dpi)):
        shared[EXTRA_RESOLUTION] = record[18:22]
    templates, at = [], _HEADER.size
    for index in range(views):
        template, at = _parse_view(record, at, index, width, height, dpi, shared)
        templates.append(template)
    if at != len(record):
        raise TemplateFormatError(f"byte {at}: {len(record) - at} bytes left over after {views} finger views")
    return templates


def _parse_view(
    record: bytes, at: int, index: int, width: int, height: int, dpi: int, shared: dict[str, bytes]
) -> tuple[Template, int]:
    if at + _VIEW.size > len(record):
        raise TemplateFormatError(f"byte {at}: finger view {index} header runs past the record end")
    position, view, quality, count = _VIEW.unpack_from(record, at)
    bounds.check_header(width, height, dpi, quality, position, count, offsets=(14, 16, 18, at + 2, at, at + 3))
    first = at + _VIEW.size
    end = first + count * _MINUTIA.itemsize
    if end + 2 > len(record):
        raise TemplateFormatError(f"byte {at + 3}: {count} minutiae in view {index} run past the record end")
    (block_length,) = struct.unpack_from(">H", record, end)
    block_end = end + 2 + block_length
    if block_end > len(record):
        raise TemplateFormatError(f"byte {end}: extended data of {block_length} bytes runs past the record end")
    block = record[end + 2 : block_end]
    split_areas(block, offset=end + 2)
    extras = dict(shared)
    if view:
        extras[EXTRA_VIEW] = bytes([view])
    if block:
        extras[EXTRA_EXTENDED] = block
    minutiae = _minutiae(record, first, count, width, height)
    return _build(width, height, dpi, position, quality, minutiae, extras), block_end


def _minutiae(data: bytes, first: int, count: int, width: int, height: int) -> np.ndarray:
    """The ``count`` 6-byte minutiae from byte ``first``, refused (with the offset) when out of range."""
    minutiae = np.frombuffer(data, dtype=_MINUTIA, count=count, offset=first)
    reserved = minutiae["y"] >> 14
    if np.any(reserved):
        bad = int(np.argmax(reserved))
        raise TemplateFormatError(f"byte {first + bad * 6 + 2}: minutia {bad} has its reserved bits set")
    bounds.check_minutiae(
        minutiae["type_x"] & 0x3FFF,
        minutiae["y"],
        minutiae["type_x"] >> 14,
        minutiae["quality"],
        width,
        height,
        first_offset=first,
        stride=_MINUTIA.itemsize,
        field_offsets=(0, 2, 0, 5),
    )
    return minutiae


def _build(
    width: int, height: int, dpi: int, position: int, quality: int, minutiae: np.ndarray, extras: dict[str, bytes]
) -> Template:
    xs, ys = minutiae["type_x"] & 0x3FFF, minutiae["y"]
    template = Template.create(
        width=width,
        height=height,
        resolution_dpi=dpi,
        quality=quality,
        finger_position=position,
        positions=np.stack([xs, ys], axis=1) if len(xs) else np.empty((0, 2)),
        directions=angle_radians(minutiae["angle"]),
        kinds=minutiae["type_x"] >> 14,
        reliability=minutiae["quality"],
    )
    return template.with_extras(extras) if extras else template


def _is_nbis_layout(data: bytes, length: int) -> bool:
    """The 26-byte-header layout of nbis-rs: exact length, zero bytes where it puts nothing."""
    if len(data) < _NBIS_HEADER or length != len(data) or length != _NBIS_HEADER + 6 * data[25]:
        return False
    return data[12:14] == b"\x00\x00" and data[21:25] == b"\x00\x00\x00\x00"


def _from_nbis(data: bytes) -> Template:
    width, height = struct.unpack_from(">HH", data, 14)
    position, view, quality, count = data[18], data[19], data[20], data[25]
    bounds.check_header(width, height, NBIS_DEFAULT_DPI, quality, position, count, offsets=(14, 16, 12, 20, 18, 25))
    extras = {EXTRA_LAYOUT: b"nbis-rs"} | ({EXTRA_VIEW: bytes([view])} if view else {})
    minutiae = _minutiae(data, _NBIS_HEADER, count, width, height)
    return _build(width, height, NBIS_DEFAULT_DPI, position, quality, minutiae, extras)


def to_iso(templates: Template | Sequence[Template]) -> bytes:
    """One conformant ISO/IEC 19794-2:2005 record holding every template as a finger view."""
    views = [templates] if isinstance(templates, Template) else list(templates)
    if not views:
        raise TemplateFormatError("an ISO record needs at least one finger view")
    if len(views) > 255:
        raise TemplateFormatError(f"{len(views)} finger views, an ISO record holds at most 255")
    first = views[0]
    for number, view in enumerate(views):
        view.validate()
        if (view.width, view.height, view.resolution_dpi) != (first.width, first.height, first.resolution_dpi):
            raise TemplateFormatError(
                f"view {number} is {view.width}x{view.height} at {view.resolution_dpi} dpi, view 0 is "
                f"{first.width}x{first.height} at {first.resolution_dpi} dpi; one record shares one image size"
            )
    body = b"".join(_view_bytes(view, _view_byte(views, number)) for number, view in enumerate(views))
    ppcm = ppcm_from_dpi(first.resolution_dpi)
    resolution = first.extras.get(EXTRA_RESOLUTION) or struct.pack(">HH", ppcm, ppcm)
    equipment = first.extras.get(EXTRA_EQUIPMENT, b"\x00\x00")
    length = _HEADER.size + len(body)
    header = MAGIC + VERSION + struct.pack(">I", length) + equipment
    header += struct.pack(">HH", first.width, first.height) + resolution + bytes([len(views), 0])
    return header + body


def _view_byte(views: list[Template], number: int) -> int:
    """The stored view/impression byte, else view numbers counting impressions of the same finger."""
    stored = views[number].extras.get(EXTRA_VIEW)
    if stored is not None and views[number].extras.get(EXTRA_LAYOUT) is None:
        return stored[0]
    same_finger = sum(1 for v in views[:number] if v.finger_position == views[number].finger_position)
    return min(same_finger, 15) << 4


def _view_bytes(template: Template, view: int) -> bytes:
    n = len(template)
    minutiae = np.empty(n, dtype=_MINUTIA)
    minutiae["type_x"] = (template.kinds.astype(np.uint16) << 14) | template.positions[:, 0].astype(np.uint16)
    minutiae["y"] = template.positions[:, 1].astype(np.uint16)
    minutiae["angle"] = angle_code(template.directions)
    minutiae["quality"] = template.reliability
    block = template.extras.get(EXTRA_EXTENDED, b"")
    if len(block) > 0xFFFF:
        raise TemplateFormatError(f"extended data of {len(block)} bytes does not fit its 2-byte length")
    header = _VIEW.pack(template.finger_position, view, template.quality, n)
    return header + minutiae.tobytes() + struct.pack(">H", len(block)) + block
