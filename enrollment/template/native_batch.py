"""Many native templates decoded at once (the gallery at start-up): the same templates as
:func:`~enrollment.template.native.deserialize` one by one, with the header fields, range checks and minutia
arrays done by whole-array numpy operations instead of per template.

A blob that is not a plain version-1 template without extras, or that fails any of the checks, is handed to
:func:`~enrollment.template.native.deserialize` itself, which decodes it or raises its
:class:`~enrollment.errors.TemplateFormatError` (with the byte offset). The decoded templates' minutia arrays are
read-only views into a few shared arrays (one allocation per field instead of four per template).
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

import numpy as np

from enrollment.template import native
from enrollment.template.bounds import MAX_DPI, MIN_DPI
from enrollment.template.model import (
    FINGER_POSITIONS,
    FORMAT_VERSION,
    KIND_BIFURCATION,
    MAX_DIMENSION,
    MAX_MINUTIAE,
    Template,
)

_HEAD = native._HEADER.size  # 16
_ITEM = native._MINUTIA.itemsize  # 8
_TAIL = 1 + native._CRC.size  # extras count byte, CRC-32


def _u16(data: np.ndarray, at: int) -> np.ndarray:
    return (data[:, at].astype(np.int64) << 8) | data[:, at + 1]


def deserialize_many(blobs: Sequence[bytes]) -> list[Template]:
    """``[deserialize(b) for b in blobs]``, decoded together; raises the first bad blob's TemplateFormatError."""
    if not blobs:
        return []
    lengths = np.fromiter((len(b) for b in blobs), np.int64, len(blobs))
    short = lengths < _HEAD + _TAIL
    # every blob's header and its extras-count byte, side by side (a short blob's as zeros, refused below)
    blank = bytes(_HEAD + 1)
    data = np.frombuffer(b"".join(blank if len(b) < _HEAD + _TAIL else b[:_HEAD] + b[-_TAIL:-_TAIL + 1]
                                  for b in blobs), np.uint8).reshape(len(blobs), _HEAD + 1)
    width, height, dpi = _u16(data, 6), _u16(data, 8), _u16(data, 10)
    quality, finger, count = data[:, 12].astype(np.int64), data[:, 13].astype(np.int64), _u16(data, 14)
    ok = (~short & np.all(data[:, :4] == np.frombuffer(native.MAGIC, np.uint8), axis=1)
          & (data[:, 4] == FORMAT_VERSION) & (data[:, 5] == 0) & (data[:, _HEAD] == 0)  # no extras
          & (lengths == _HEAD + _ITEM * count + _TAIL)  # the minutiae end just before the extras count
          & (width > 0) & (width <= MAX_DIMENSION) & (height > 0) & (height <= MAX_DIMENSION)
          & (dpi >= MIN_DPI) & (dpi <= MAX_DPI) & (quality <= 100) & (finger <= max(FINGER_POSITIONS))
          & (count <= MAX_MINUTIAE))
    for k in np.flatnonzero(ok):  # CRC-32 of every byte before it (C, one call per blob)
        blob = blobs[k]
        ok[k] = zlib.crc32(memoryview(blob)[:-4]) == int.from_bytes(blob[-4:], "big")
    counts = np.where(ok, count, 0)
    first = np.zeros(len(blobs) + 1, np.int64)
    np.cumsum(counts, out=first[1:])
    raw = np.frombuffer(b"".join(memoryview(blobs[k])[_HEAD:-_TAIL] for k in np.flatnonzero(ok)), native._MINUTIA)
    owner = np.repeat(np.arange(len(blobs)), counts)
    bad = (raw["x"] >= width[owner]) | (raw["y"] >= height[owner]) | (raw["kind"] > KIND_BIFURCATION) \
        | (raw["reliability"] > 100)
    ok[owner[bad]] = False
    positions = np.stack([raw["x"], raw["y"]], axis=1).astype(np.int16)
    directions = native.dequantise_directions(raw["direction"])
    kinds, reliability = raw["kind"].astype(np.uint8), raw["reliability"].astype(np.uint8)
    for array in (positions, directions, kinds, reliability):
        array.setflags(write=False)
    out: list[Template] = []
    fields = zip(ok.tolist(), first[:-1].tolist(), first[1:].tolist(), width.tolist(), height.tolist(), dpi.tolist(),
                 quality.tolist(), finger.tolist(), strict=True)
    for k, (good, a, b, w, h, r, q, f) in enumerate(fields):
        if not good:
            out.append(native.deserialize(blobs[k]))
            continue
        out.append(Template(width=w, height=h, resolution_dpi=r, positions=positions[a:b], directions=directions[a:b],
                            kinds=kinds[a:b], reliability=reliability[a:b], quality=q, finger_position=f))
    return out
