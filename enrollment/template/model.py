"""The immutable template: minutiae plus what the matcher needs, in one coordinate convention.

Conventions (shared by extraction, matching, synthesis, ISO/IEC 19794-2 import/export):
- coordinates are pixels at ``resolution_dpi`` (500 after normalisation), origin top-left, x right, y down;
- ``directions`` are radians in [0, 2*pi), measured counter-clockwise *as seen on the image* from the
  positive x axis (the ISO/IEC 19794-2 convention), so a unit step along a direction is
  ``(dx, dy) = (cos a, -sin a)`` in pixel coordinates;
- a ridge ending's direction points along the ridge, away from the ending into the ridge body; a
  bifurcation's points from the fork into the valley between its two branches (the ISO/IEC 19794-2:2005
  reading); the ISO codec converts only units, never the meaning;
- ``kinds``: 1 = ridge ending, 2 = bifurcation (the ISO type codes); 0 = other;
- ``reliability``: 0-100 per minutia (ISO "minutia quality");
- ``quality``: 0-100 per impression, NFIQ 2-like scale.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field

import numpy as np

from enrollment.errors import TemplateFormatError

KIND_OTHER = 0
KIND_ENDING = 1
KIND_BIFURCATION = 2

#: ISO/IEC 19794-2 finger position codes (0 = unknown).
FINGER_POSITIONS: dict[int, str] = {
    0: "unknown",
    1: "right thumb",
    2: "right index",
    3: "right middle",
    4: "right ring",
    5: "right little",
    6: "left thumb",
    7: "left index",
    8: "left middle",
    9: "left ring",
    10: "left little",
}

FORMAT_VERSION = 1
MAX_MINUTIAE = 255
MAX_DIMENSION = 4096


def _frozen(array: np.ndarray, dtype: type, shape_tail: tuple[int, ...]) -> np.ndarray:
    out = np.ascontiguousarray(np.asarray(array, dtype=dtype))
    if out.shape[1:] != shape_tail:
        raise TemplateFormatError(f"minutia array has shape {out.shape}, expected (N, {shape_tail})")
    out.setflags(write=False)
    return out


@dataclass(frozen=True, eq=False)
class Template:
    """An immutable fingerprint template. Build it with :meth:`create`, which validates and freezes."""

    width: int
    height: int
    resolution_dpi: int
    positions: np.ndarray  # int16 (N, 2): x, y
    directions: np.ndarray  # float32 (N,), radians [0, 2*pi)
    kinds: np.ndarray  # uint8 (N,)
    reliability: np.ndarray  # uint8 (N,), 0-100
    quality: int = 0
    finger_position: int = 0
    format_version: int = FORMAT_VERSION
    extras: dict[str, bytes] = field(default_factory=dict)

    @classmethod
    def create(
        cls,
        *,
        width: int,
        height: int,
        positions: np.ndarray | list,
        directions: np.ndarray | list,
        kinds: np.ndarray | list | None = None,
        reliability: np.ndarray | list | None = None,
        resolution_dpi: int = 500,
        quality: int = 0,
        finger_position: int = 0,
    ) -> Template:
        pos = _frozen(np.asarray(positions, dtype=np.float64).reshape(-1, 2).round(), np.int16, (2,))
        n = len(pos)
        dirs = np.mod(np.asarray(directions, dtype=np.float64).reshape(-1), 2 * math.pi)
        dirs = _frozen(dirs, np.float32, ())
        knd = _frozen(np.full(n, KIND_ENDING) if kinds is None else np.asarray(kinds).reshape(-1), np.uint8, ())
        rel = _frozen(np.full(n, 50) if reliability is None else np.asarray(reliability).reshape(-1), np.uint8, ())
        template = cls(
            width=int(width),
            height=int(height),
            resolution_dpi=int(resolution_dpi),
            positions=pos,
            directions=dirs,
            kinds=knd,
            reliability=rel,
            quality=int(quality),
            finger_position=int(finger_position),
        )
        template.validate()
        return template

    def __len__(self) -> int:
        return len(self.positions)

    def with_extras(self, extras: dict[str, bytes]) -> Template:
        """A copy whose ``extras`` (format-specific bytes kept for faithful re-export) are replaced."""
        return dataclasses.replace(self, extras={str(k): bytes(v) for k, v in extras.items()})

    def same_as(self, other: Template) -> bool:
        """Field-by-field equality (arrays compared by value); ``==`` stays identity, the arrays being numpy."""
        return (
            (self.width, self.height, self.resolution_dpi, self.quality, self.finger_position, self.format_version)
            == (
                other.width,
                other.height,
                other.resolution_dpi,
                other.quality,
                other.finger_position,
                other.format_version,
            )
            and np.array_equal(self.positions, other.positions)
            and np.array_equal(self.directions, other.directions)
            and np.array_equal(self.kinds, other.kinds)
            and np.array_equal(self.reliability, other.reliability)
            and self.extras == other.extras
        )

    def validate(self) -> None:
        """Refuse a template whose fields are out of range; raises :class:`TemplateFormatError`."""
        if not (0 < self.width <= MAX_DIMENSION and 0 < self.height <= MAX_DIMENSION):
            raise TemplateFormatError(f"image size {self.width}x{self.height} outside 1..{MAX_DIMENSION}")
        if not 100 <= self.resolution_dpi <= 2000:
            raise TemplateFormatError(f"resolution {self.resolution_dpi} dpi outside 100..2000")
        n = len(self.positions)
        if n > MAX_MINUTIAE:
            raise TemplateFormatError(f"{n} minutiae, at most {MAX_MINUTIAE} allowed")
        if not (len(self.directions) == len(self.kinds) == len(self.reliability) == n):
            raise TemplateFormatError("minutia arrays differ in length")
        if n and (
            self.positions[:, 0].min() < 0
            or self.positions[:, 1].min() < 0
            or self.positions[:, 0].max() >= self.width
            or self.positions[:, 1].max() >= self.height
        ):
            raise TemplateFormatError("a minutia lies outside the image")
        if n and not np.all(np.isfinite(self.directions)):
            raise TemplateFormatError("a minutia direction is not a finite number")
        if n and (self.kinds.max() > KIND_BIFURCATION or self.reliability.max() > 100):
            raise TemplateFormatError("a minutia type or reliability is out of range")
        if not 0 <= self.quality <= 100:
            raise TemplateFormatError(f"quality {self.quality} outside 0..100")
        if self.finger_position not in FINGER_POSITIONS:
            raise TemplateFormatError(f"finger position {self.finger_position} is not an ISO code 0..10")
