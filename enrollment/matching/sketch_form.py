"""A template's gallery sketches (:func:`enrollment.matching.sketch.batch_sketches`) as bytes, to be kept next to
the template and read back instead of computed again when the 1:N index is built.

The bytes are: the sketch version (16 bytes), the first 16 bytes of the SHA-256 of the template's native bytes
the sketches were computed from, then the sketches' words (k x ``SKETCH_WORDS`` little-endian uint64), directions
(k float32) and bit counts (k int32). :func:`read` gives the arrays back only when both digests match: sketches
made by another sketch version (the sketch, cylinder or geometry source, or a sketch constant, changed) or from
other template bytes count as absent, and the index computes them again.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

import numpy as np

from enrollment.matching import parameters as p
from enrollment.matching import sketch

DIGEST_BYTES = 16
HEADER_BYTES = 2 * DIGEST_BYTES
PER_SKETCH = sketch.SKETCH_WORDS * 8 + 4 + 4
_SOURCES = ("sketch.py", "cylinders.py", "_bits.py", "prepared.py", "sketch_form.py")
_CONSTANTS = ("SKETCH_SPATIAL_CELLS", "SKETCH_DIRECTION_CELLS", "SKETCHES_PER_TEMPLATE", "CYLINDER_RADIUS",
              "SIGMA_SPATIAL", "SIGMA_DIRECTION", "CELL_THRESHOLD", "HULL_OFFSET", "MIN_VALID_CELL_FRACTION",
              "MIN_CYLINDER_MINUTIAE")

Sketches = tuple[np.ndarray, np.ndarray, np.ndarray]  # words (k, SKETCH_WORDS) uint64, directions, bit counts


@cache
def version() -> bytes:
    """A digest of the source and the constants the gallery sketches depend on."""
    root = Path(sketch.__file__).parent
    digest = hashlib.sha256(b"aanmeldzuil gallery sketches, form 1\0")
    for name in _SOURCES:
        digest.update(name.encode() + b"\0" + (root / name).read_bytes())
    for name in _CONSTANTS:
        digest.update(f"{name}={getattr(p, name)!r}\0".encode())
    return digest.digest()[:DIGEST_BYTES]


def template_digest(template: bytes) -> bytes:
    return hashlib.sha256(template).digest()[:DIGEST_BYTES]


def write(template: bytes, sketches: Sketches) -> bytes:
    """The bytes of ``sketches`` computed from the native ``template`` bytes."""
    words, directions, counts = sketches
    return b"".join((version(), template_digest(template), np.ascontiguousarray(words, "<u8").tobytes(),
                     np.ascontiguousarray(directions, "<f4").tobytes(), np.ascontiguousarray(counts, "<i4").tobytes()))


def read(data: bytes | None, template: bytes) -> Sketches | None:
    """The sketches in ``data`` (read-only arrays over it) if they are of this sketch version and of the native
    ``template`` bytes; else None (compute them again)."""
    if data is None or len(data) < HEADER_BYTES or (len(data) - HEADER_BYTES) % PER_SKETCH:
        return None
    if data[:DIGEST_BYTES] != version() or data[DIGEST_BYTES:HEADER_BYTES] != template_digest(template):
        return None
    k = (len(data) - HEADER_BYTES) // PER_SKETCH
    at = HEADER_BYTES + k * sketch.SKETCH_WORDS * 8
    words = np.frombuffer(data, "<u8", k * sketch.SKETCH_WORDS, HEADER_BYTES).reshape(k, sketch.SKETCH_WORDS)
    directions = np.frombuffer(data, "<f4", k, at)
    counts = np.frombuffer(data, "<i4", k, at + 4 * k)
    return words, directions, counts  # read-only views of ``data``


def compute(templates: list, limit: int = p.SKETCHES_PER_TEMPLATE) -> list[Sketches]:
    """Each template's gallery sketches, as the index computes them (one kernel call)."""
    words, directions, counts, lengths = sketch.batch_sketches(templates, limit)
    ends = np.cumsum(lengths)
    return [(words[e - n:e], directions[e - n:e], counts[e - n:e]) for e, n in zip(ends, lengths, strict=True)]
