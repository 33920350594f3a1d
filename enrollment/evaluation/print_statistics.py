"""Statistics of one fingerprint impression as the extractor sees it: foreground, minutiae, ridge period,
singular points and direction histograms, so a synthetic set can be compared with a real one figure by figure.

Everything is measured on the output of :func:`enrollment.extraction.pipeline.run` at 500 dpi, the same way for
both sets; singular points come from the Poincaré index of the extractor's orientation field on 16 px blocks.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from enrollment.errors import ExtractionError
from enrollment.extraction import pipeline
from enrollment.quality import assess
from enrollment.template.model import KIND_BIFURCATION, Template

_BLOCK = 16
_SMOOTH_BLOCKS = 1.0  # sigma (blocks) of the doubled-angle smoothing before the Poincaré index
DIRECTION_BINS = 8
"""Bins of the minutia direction histogram (over 0..2 pi) and of the ridge orientation histogram (0..pi)."""


@dataclass(frozen=True)
class PrintStatistics:
    """What one impression looks like to the extractor (lengths in px at 500 dpi, areas in px)."""

    minutiae: int
    foreground: int  # pixels of the extractor's foreground mask
    foreground_height: int  # rows spanned by the foreground
    foreground_width: int
    ridge_period: float  # median over the foreground blocks
    bifurcation_share: float
    cores: tuple[tuple[float, float], ...]  # relative to the foreground centroid (x right, y down)
    deltas: tuple[tuple[float, float], ...]
    minutia_directions: np.ndarray  # DIRECTION_BINS counts
    ridge_orientations: np.ndarray  # DIRECTION_BINS shares of foreground pixels

    @property
    def density(self) -> float:
        """Minutiae per 10,000 foreground pixels (a 100 x 100 px square, 5 x 5 mm at 500 dpi)."""
        return 1e4 * self.minutiae / max(self.foreground, 1)


def _doubled_blocks(angle: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Block means of (cos 2a, sin 2a) over the foreground, smoothed, and the blocks wholly in the foreground."""
    h, w = angle.shape
    rows, cols = h // _BLOCK, w // _BLOCK
    crop = (slice(0, rows * _BLOCK), slice(0, cols * _BLOCK))
    weight = mask[crop].astype(np.float32)
    angle = angle[crop]

    def blocks(values: np.ndarray) -> np.ndarray:
        return values.reshape(rows, _BLOCK, cols, _BLOCK).mean(axis=(1, 3))

    inside = blocks(weight) > 0.99
    c = cv2.GaussianBlur(blocks(np.cos(2 * angle) * weight), (0, 0), _SMOOTH_BLOCKS)
    s = cv2.GaussianBlur(blocks(np.sin(2 * angle) * weight), (0, 0), _SMOOTH_BLOCKS)
    return c, s, inside


def singular_points(angle: np.ndarray, mask: np.ndarray) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    """(cores, deltas) in pixels at 500 dpi: vertices of the block grid whose 2 x 2 ring of foreground blocks
    turns the ridge orientation by +pi (core) or -pi (delta), neighbouring vertices merged into one point."""
    c, s, inside = _doubled_blocks(angle, mask)
    doubled = np.arctan2(s, c)  # 2 * orientation
    ring = [doubled[:-1, :-1], doubled[:-1, 1:], doubled[1:, 1:], doubled[1:, :-1]]
    total = np.zeros_like(ring[0])
    for a, b in zip(ring, ring[1:] + ring[:1], strict=True):
        total += np.angle(np.exp(1j * (b - a)))
    whole = inside[:-1, :-1] & inside[:-1, 1:] & inside[1:, 1:] & inside[1:, :-1]
    found = []
    for sign in (1, -1):  # ring order (clockwise on the image, y down): +2 pi of doubled angle is a core
        hits = ((sign * total) > np.pi) & whole
        count, labels = cv2.connectedComponents(hits.astype(np.uint8), connectivity=8)
        points = []
        for k in range(1, count):
            r, q = np.nonzero(labels == k)
            points.append(((q.mean() + 1) * _BLOCK, (r.mean() + 1) * _BLOCK))
        found.append(points)
    return found[0], found[1]


def measure(image: np.ndarray, dpi: int = 500) -> tuple[Template, PrintStatistics]:
    """The template of ``image`` (as :func:`enrollment.extraction.extract` makes it) and its statistics; raises
    :class:`ExtractionError` when there is no usable foreground."""
    from dataclasses import replace

    extraction = pipeline.run(image, dpi=dpi)
    template = replace(extraction.template, quality=assess(extraction.image, extraction).score)
    mask = extraction.mask
    ys, xs = np.nonzero(mask)
    if len(xs) == 0:
        raise ExtractionError("no foreground pixels")
    centre = (float(xs.mean()), float(ys.mean()))
    cores, deltas = singular_points(extraction.angle, mask)
    period = extraction.ridge_period[extraction.block_mask]
    kinds = template.kinds
    directions = np.histogram(template.directions, DIRECTION_BINS, (0.0, 2 * np.pi))[0]
    orientations = np.histogram(extraction.angle[mask], DIRECTION_BINS, (0.0, np.pi))[0]
    return template, PrintStatistics(
        minutiae=len(kinds),
        foreground=int(mask.sum()),
        foreground_height=int(ys.max() - ys.min() + 1),
        foreground_width=int(xs.max() - xs.min() + 1),
        ridge_period=float(np.nanmedian(period)) if period.size else float("nan"),
        bifurcation_share=float((kinds == KIND_BIFURCATION).mean()) if len(kinds) else float("nan"),
        cores=tuple((x - centre[0], y - centre[1]) for x, y in cores),
        deltas=tuple((x - centre[0], y - centre[1]) for x, y in deltas),
        minutia_directions=directions,
        ridge_orientations=orientations / max(orientations.sum(), 1),
    )
