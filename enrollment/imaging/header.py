"""What an image is, read from its first bytes before any pixel is decoded: format, and for WSQ size and PPI.

Pillow reads the headers of PNG, BMP, JPEG and TIFF lazily (``Image.open`` decodes no pixels), so for them
this module only sniffs the magic number. WSQ gets a small marker walker of its own: the WSQ plugin hands
the whole stream to the NBIS C decoder, so the structure is checked here first (markers, segment lengths,
frame size, end-of-image marker), which also finds the resolution in the NIST comment (``PPI 500``);
:func:`check_wsq_data_size` then weighs the frame size against the stream's length.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass

from enrollment.imaging.errors import CorruptImageError, TruncatedImageError
from enrollment.imaging.parameters import MAX_WSQ_PIXELS_PER_BYTE

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"BM", "BMP"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"II+\x00", "TIFF"),
    (b"MM\x00+", "TIFF"),
    (b"\xff\xa0", "WSQ"),
)

# WSQ markers (FBI WSQ specification IAFIS-IC-0110): start/end of image, start of frame, start of block,
# and the table/comment segments that carry a 2-byte length.
_WSQ_SOI, _WSQ_EOI, _WSQ_SOF, _WSQ_SOB = 0xFFA0, 0xFFA1, 0xFFA2, 0xFFA3
_WSQ_SEGMENTS = {0xFFA4: "DTT", 0xFFA5: "DQT", 0xFFA6: "DHT", 0xFFA7: "DRT", 0xFFA8: "COM"}
_PPI = re.compile(rb"(?m)^PPI[ \t]+(-?\d{1,6})[ \t]*\r?$")


@dataclass(frozen=True)
class WsqHeader:
    """The frame size and resolution of a WSQ stream (``ppi`` is None when no NIST comment gives it)."""

    width: int
    height: int
    ppi: int | None


def sniff(data: bytes) -> str | None:
    """The accepted format whose magic number ``data`` starts with, or None."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    return None


_PNG_END = b"\x00\x00\x00\x00IEND\xaeB`\x82"


def check_png_complete(data: bytes, where: str) -> None:
    """Refuse a PNG without its closing IEND chunk: Pillow decodes one cut just after the pixel data."""
    if data.rfind(_PNG_END) < 0:
        raise TruncatedImageError(f"{where}: PNG of {len(data)} bytes has no closing IEND chunk; the file is cut short")


def read_wsq_header(data: bytes, where: str) -> WsqHeader:
    """Walk the WSQ markers up to the frame header; refuse a stream that is cut short or malformed."""
    if len(data) < 4:
        raise TruncatedImageError(f"{where}: WSQ stream of {len(data)} bytes ends inside its first marker")
    if struct.unpack_from(">H", data, 0)[0] != _WSQ_SOI:
        raise CorruptImageError(f"{where}: WSQ stream does not start with the SOI marker FFA0")
    if data[-2:] != b"\xff\xa1":
        raise TruncatedImageError(f"{where}: WSQ stream of {len(data)} bytes does not end with the EOI marker FFA1")
    pos, ppi = 2, None
    while True:
        if pos + 4 > len(data):
            raise TruncatedImageError(f"{where}: WSQ stream ends at byte {pos} before the frame header")
        marker, length = struct.unpack_from(">HH", data, pos)
        if marker == _WSQ_SOF:
            if length < 17 or pos + 2 + length > len(data):
                raise CorruptImageError(f"{where}: WSQ frame header at byte {pos} has bad length {length}")
            height, width = struct.unpack_from(">HH", data, pos + 6)
            if width == 0 or height == 0:
                raise CorruptImageError(f"{where}: WSQ frame header at byte {pos} gives size {width}x{height}")
            return WsqHeader(width=width, height=height, ppi=ppi)
        if marker not in _WSQ_SEGMENTS:
            raise CorruptImageError(f"{where}: unexpected WSQ marker {marker:04X} at byte {pos}")
        if length < 2 or pos + 2 + length > len(data):
            raise CorruptImageError(
                f"{where}: WSQ {_WSQ_SEGMENTS[marker]} segment at byte {pos} claims {length} bytes, "
                f"{len(data) - pos - 2} remain"
            )
        if marker == 0xFFA8:
            found = _PPI.search(data[pos + 4 : pos + 2 + length])
            if found and data[pos + 4 : pos + 12] == b"NIST_COM":
                ppi = int(found.group(1))
        pos += 2 + length


def check_wsq_data_size(header: WsqHeader, size: int, where: str) -> None:
    """Refuse a frame header that claims more pixels than ``size`` bytes of WSQ can hold (see parameters)."""
    pixels = header.width * header.height
    if pixels > size * MAX_WSQ_PIXELS_PER_BYTE:
        raise CorruptImageError(
            f"{where}: WSQ frame header says {header.width}x{header.height} ({pixels} pixels) but the stream has "
            f"only {size} bytes, more than {MAX_WSQ_PIXELS_PER_BYTE} pixels per byte: not decoded"
        )
