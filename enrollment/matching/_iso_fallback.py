"""A minimal ISO/IEC 19794-2:2005 finger-minutiae reader, used only until ``enrollment.template.from_iso`` lands.

Reads the first finger view of a record: header, minutiae (type, x, y, angle in 1.40625-degree units,
quality); ignores extended data. Raises :class:`TemplateFormatError` on anything it can't read.
"""

from __future__ import annotations

import math
import struct

from enrollment.errors import TemplateFormatError
from enrollment.template.model import Template

_HEADER = 24
_VIEW = 4
_MINUTIA = 6


def read(data: bytes, where: str = "ISO record") -> Template:
    if len(data) < _HEADER + _VIEW or data[:4] != b"FMR\0":
        raise TemplateFormatError(f"{where}: not an ISO 19794-2 finger minutiae record")
    width, height, x_res, _y_res, views = struct.unpack(">HHHHB", data[14:23])
    if views < 1:
        raise TemplateFormatError(f"{where}: no finger view")
    position, _impression, quality, count = struct.unpack(">BBBB", data[_HEADER : _HEADER + _VIEW])
    end = _HEADER + _VIEW + count * _MINUTIA
    if len(data) < end:
        raise TemplateFormatError(f"{where}: truncated: {count} minutiae need {end} bytes, have {len(data)}")
    positions, directions, kinds, reliability = [], [], [], []
    for offset in range(_HEADER + _VIEW, end, _MINUTIA):
        tx, y, angle, mq = struct.unpack(">HHBB", data[offset : offset + _MINUTIA])
        kinds.append({1: 1, 2: 2}.get(tx >> 14, 0))
        positions.append((tx & 0x3FFF, y & 0x3FFF))
        directions.append(angle * 2.0 * math.pi / 256.0)
        reliability.append(min(mq, 100))
    dpi = round(x_res * 2.54) if x_res else 500
    return Template.create(
        width=width, height=height, positions=positions, directions=directions, kinds=kinds,
        reliability=reliability, resolution_dpi=min(max(dpi, 100), 2000), quality=min(quality, 100),
        finger_position=position if position <= 10 else 0,
    )
