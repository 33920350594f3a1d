"""The compact, versioned binary form of a :class:`Template`, validated before use.

Layout (big-endian), version 1::

    offset  size  field
    0       4     magic b"AZTM"
    4       1     format version (1)
    5       1     flags (0; reserved)
    6       2     width, pixels        8   2  height, pixels      10  2  resolution, dpi
    12      1     quality 0-100        13  1  finger position     14  2  minutia count N
    16      8*N   minutiae: x u16, y u16, direction u16 (1/65536 turn, CCW), kind u8, reliability u8
    ..      1     extras count E, then E times: key length u8, key (ASCII), value length u32, value
    end-4   4     CRC-32 (zlib) of every byte before it

Directions are quantised to 1/65536 of a turn (about 0.0055 degrees): two bytes instead of one cost
255 bytes at most per template, while 256 steps (1.4 degrees) would add an error comparable to the angular
tolerance of the matcher. Quantising is idempotent: a direction read back and written again gives the
same bytes. The CRC guards against corruption only: it gives neither confidentiality nor tamper evidence, which
come from the record's AES-GCM sealing of every stored template (``enrollment/records/field_cipher.py``).
"""

from __future__ import annotations

import struct
import zlib

import numpy as np

from enrollment.errors import TemplateFormatError
from enrollment.template import angles, bounds
from enrollment.template.model import FORMAT_VERSION, Template

MAGIC = b"AZTM"
SUPPORTED_VERSIONS = (FORMAT_VERSION,)
_HEADER = struct.Struct(">4sBBHHHBBH")
_MINUTIA = np.dtype([("x", ">u2"), ("y", ">u2"), ("direction", ">u2"), ("kind", "u1"), ("reliability", "u1")])
_CRC = struct.Struct(">I")
DIRECTION_STEPS = 65536
MAX_EXTRAS = 16
MAX_EXTRA_KEY = 64
MAX_EXTRA_VALUE = 1 << 20


def quantise_directions(directions: np.ndarray) -> np.ndarray:
    """Directions in radians as uint16 steps of 1/65536 turn (rounded, wrapping 2*pi to 0)."""
    return angles.to_steps(directions, DIRECTION_STEPS, np.uint16)


def dequantise_directions(steps: np.ndarray) -> np.ndarray:
    """uint16 steps of 1/65536 turn as float32 radians in [0, 2*pi)."""
    return angles.to_radians(steps, DIRECTION_STEPS)


def serialize(template: Template) -> bytes:
    """The template as native bytes (validates it first)."""
    template.validate()
    n = len(template)
    header = _HEADER.pack(
        MAGIC,
        FORMAT_VERSION,
        0,
        template.width,
        template.height,
        template.resolution_dpi,
        template.quality,
        template.finger_position,
        n,
    )
    minutiae = np.empty(n, dtype=_MINUTIA)
    minutiae["x"] = template.positions[:, 0]
    minutiae["y"] = template.positions[:, 1]
    minutiae["direction"] = quantise_directions(template.directions)
    minutiae["kind"] = template.kinds
    minutiae["reliability"] = template.reliability
    parts = [header, minutiae.tobytes(), _pack_extras(template.extras)]
    body = b"".join(parts)
    return body + _CRC.pack(zlib.crc32(body))


def _pack_extras(extras: dict[str, bytes]) -> bytes:
    if len(extras) > MAX_EXTRAS:
        raise TemplateFormatError(f"{len(extras)} extras, at most {MAX_EXTRAS} can be stored")
    out = [bytes([len(extras)])]
    for key in sorted(extras):
        raw_key, value = key.encode("ascii", "strict") if key.isascii() else b"", bytes(extras[key])
        if not 0 < len(raw_key) <= MAX_EXTRA_KEY or len(value) > MAX_EXTRA_VALUE:
            raise TemplateFormatError(f"extra {key!r}: key must be 1-{MAX_EXTRA_KEY} ASCII chars, value <= 1 MiB")
        out += [bytes([len(raw_key)]), raw_key, struct.pack(">I", len(value)), value]
    return b"".join(out)


def deserialize(data: bytes) -> Template:
    """A template from native bytes; :class:`TemplateFormatError` (with the byte offset) when corrupt."""
    data = bytes(data)
    fixed = _HEADER.size + 1 + _CRC.size
    if len(data) < fixed:
        raise TemplateFormatError(f"native template of {len(data)} bytes is shorter than the {fixed}-byte minimum")
    magic, version, flags, width, height, dpi, quality, finger, count = _HEADER.unpack_from(data, 0)
    if magic != MAGIC:
        raise TemplateFormatError(f"byte 0: magic {magic!r} is not {MAGIC!r}; not a native template")
    if version not in SUPPORTED_VERSIONS:
        raise TemplateFormatError(f"byte 4: format version {version} is not supported (known: {SUPPORTED_VERSIONS})")
    if flags:
        raise TemplateFormatError(f"byte 5: reserved flags are {flags:#04x}, expected 0")
    crc_at = len(data) - _CRC.size
    (stored,) = _CRC.unpack_from(data, crc_at)
    if zlib.crc32(data[:crc_at]) != stored:
        raise TemplateFormatError(f"byte {crc_at}: CRC-32 does not match bytes 0..{crc_at - 1}; template is corrupt")
    bounds.check_header(width, height, dpi, quality, finger, count, offsets=(6, 8, 10, 12, 13, 14))
    end = _HEADER.size + count * _MINUTIA.itemsize
    if end + 1 > crc_at:
        raise TemplateFormatError(f"byte 14: {count} minutiae need {end + 1 + _CRC.size} bytes, have {len(data)}")
    minutiae = np.frombuffer(data, dtype=_MINUTIA, count=count, offset=_HEADER.size)
    bounds.check_minutiae(
        minutiae["x"],
        minutiae["y"],
        minutiae["kind"],
        minutiae["reliability"],
        width,
        height,
        first_offset=_HEADER.size,
        stride=_MINUTIA.itemsize,
        field_offsets=(0, 2, 6, 7),
    )
    extras = _unpack_extras(data, end, crc_at)
    template = Template.create(
        width=width,
        height=height,
        resolution_dpi=dpi,
        quality=quality,
        finger_position=finger,
        positions=np.stack([minutiae["x"], minutiae["y"]], axis=1) if count else np.empty((0, 2)),
        directions=dequantise_directions(minutiae["direction"]),
        kinds=minutiae["kind"],
        reliability=minutiae["reliability"],
    )
    return template.with_extras(extras) if extras else template


def _unpack_extras(data: bytes, at: int, end: int) -> dict[str, bytes]:
    count, at = data[at], at + 1
    if count > MAX_EXTRAS:
        raise TemplateFormatError(f"byte {at - 1}: {count} extras, at most {MAX_EXTRAS} allowed")
    extras: dict[str, bytes] = {}
    for _ in range(count):
        if at + 1 > end:
            raise TemplateFormatError(f"byte {at}: extras run past the checksum")
        key_length = data[at]
        if not 0 < key_length <= MAX_EXTRA_KEY or at + 1 + key_length + 4 > end:
            raise TemplateFormatError(f"byte {at}: extra key length {key_length} is invalid or runs past the end")
        raw_key = data[at + 1 : at + 1 + key_length]
        if not raw_key.isascii() or not raw_key.decode("ascii").isprintable():
            raise TemplateFormatError(f"byte {at + 1}: extra key is not printable ASCII")
        (value_length,) = struct.unpack_from(">I", data, at + 1 + key_length)
        start = at + 5 + key_length
        if value_length > MAX_EXTRA_VALUE or start + value_length > end:
            raise TemplateFormatError(f"byte {start - 4}: extra value of {value_length} bytes runs past the end")
        key = raw_key.decode("ascii")
        if key in extras or (extras and key < max(extras)):
            raise TemplateFormatError(f"byte {at + 1}: extra {key!r} is repeated or out of order")
        extras[key] = data[start : start + value_length]
        at = start + value_length
    if at != end:
        raise TemplateFormatError(f"byte {at}: {end - at} unexpected bytes before the checksum")
    return extras
