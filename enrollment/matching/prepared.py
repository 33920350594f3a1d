"""The matcher's own form of a template, computed once: cylinders packed into uint64 words plus geometry."""

from __future__ import annotations

import weakref
from dataclasses import dataclass

import numpy as np

from enrollment.errors import MatchingError
from enrollment.matching import cylinders
from enrollment.template.model import Template


@dataclass(frozen=True, eq=False)
class Prepared:
    """Valid cylinders of one template (read-only arrays) in the matcher's y-up frame.

    ``x, y, theta`` (float64) locate the minutiae whose cylinders are valid; ``bits`` (n, WORDS) and ``masks``
    (n, MASK_WORDS) are their packed cylinder bits and spatial validity masks; ``minutiae`` maps back to the
    template's minutia indices; ``total`` is the template's minutia count.
    """

    x: np.ndarray
    y: np.ndarray
    theta: np.ndarray
    bits: np.ndarray
    masks: np.ndarray
    minutiae: np.ndarray
    total: int
    finger_position: int

    def __len__(self) -> int:
        return len(self.x)

    @property
    def nbytes(self) -> int:
        return sum(a.nbytes for a in (self.x, self.y, self.theta, self.bits, self.masks, self.minutiae))


def geometry(template: Template) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Minutia x, y (y-up, pixels at 500 dpi) and directions (radians, counter-clockwise) as float64."""
    scale = 500.0 / template.resolution_dpi
    x = template.positions[:, 0].astype(np.float64) * scale
    y = -template.positions[:, 1].astype(np.float64) * scale
    return x, y, template.directions.astype(np.float64)


def build(template: Template) -> Prepared:
    """Compute the cylinders of a template (not cached; see :func:`prepare`)."""
    if not isinstance(template, Template):
        raise MatchingError(f"expected a Template, got {type(template).__name__}")
    x, y, theta = geometry(template)
    bits, masks, valid = cylinders.compute(x, y, theta)
    keep = np.flatnonzero(valid)
    arrays = [np.ascontiguousarray(a[keep]) for a in (x, y, theta, bits, masks)]
    for a in arrays:
        a.setflags(write=False)
    keep.setflags(write=False)
    return Prepared(*arrays, minutiae=keep, total=len(template), finger_position=template.finger_position)


_cache: weakref.WeakKeyDictionary[Template, Prepared] = weakref.WeakKeyDictionary()


def prepare(template: Template | Prepared) -> Prepared:
    """The :class:`Prepared` form of a template, computed once per template object and cached while it lives."""
    if isinstance(template, Prepared):
        return template
    if not isinstance(template, Template):
        raise MatchingError(f"expected a Template or Prepared, got {type(template).__name__}")
    prepared = _cache.get(template)
    if prepared is None:
        prepared = build(template)
        _cache[template] = prepared
    return prepared
