"""Minutia filters: drop what lies near the foreground border, in pairs that are artefacts (spurs, bridges,
broken ridges), in dense clouds (noise), and keep the most reliable ``MAX_MINUTIAE``.

Endings where the image edge cut a ridge are dropped; where the foreground border (the finger's contour) cut
it they are kept (matchers do use them) but marked unreliable.
Reliability (0-100) combines ridge clarity around the minutia (the local amplitude of the enhanced image
relative to the print's median, which unlike orientation coherence stays high at cores and deltas) with its
distance from the foreground border.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from enrollment.extraction import order_statistics
from enrollment.extraction import parameters as p
from enrollment.extraction.minutiae import Minutiae
from enrollment.extraction.smoothing import blur
from enrollment.template.model import KIND_ENDING


@dataclass(frozen=True)
class Clarity:
    """Local amplitude of the enhanced ridges on the finger's window (whose top-left frame pixel is ``origin``,
    row and column) and the print's median amplitude."""

    amplitude: np.ndarray  # float32
    reference: float
    origin: tuple[int, int]

    def at(self, ys: np.ndarray, xs: np.ndarray) -> np.ndarray:
        """Amplitude relative to the reference (~1 where typical) at frame pixels ``ys``, ``xs``; 0 off the window."""
        ys, xs = ys - self.origin[0], xs - self.origin[1]
        inside = (ys >= 0) & (xs >= 0) & (ys < self.amplitude.shape[0]) & (xs < self.amplitude.shape[1])
        values = np.zeros(len(ys), np.float32)
        values[inside] = self.amplitude[ys[inside], xs[inside]] / max(self.reference, 1e-6)
        return values


def clarity_map(enhanced: np.ndarray, mask: np.ndarray, origin: tuple[int, int] = (0, 0)) -> Clarity:
    """Local amplitude of the enhanced ridges (a window of the frame at ``origin``) and its median on ``mask``."""
    amplitude = blur(np.abs(enhanced), p.CLARITY_SIGMA)
    reference = order_statistics.median(amplitude[mask]) if mask.any() else 1.0
    return Clarity(amplitude, reference, origin)


def apply(found: Minutiae, mask: np.ndarray, clarity: Clarity) -> Minutiae:
    """The minutiae of ``found`` worth keeping, with their reliability filled in, most reliable first."""
    if not len(found):
        return found
    border = _border_distance(mask)
    ys, xs = _pixels(found.xy, mask.shape)
    found = found.subset(border[ys, xs] >= p.BORDER_MARGIN)
    found = found.subset(~_cut_by_border(found, mask)[0])
    found = found.subset(~_artefact_pairs(found))
    found = found.subset(~_clouds(found))
    ys, xs = _pixels(found.xy, mask.shape)
    span = p.RELIABILITY_CLARITY_FULL - p.RELIABILITY_CLARITY_FLOOR
    clear = np.clip((clarity.at(ys, xs) - p.RELIABILITY_CLARITY_FLOOR) / span, 0.0, 1.0)
    position = np.clip(border[ys, xs] / p.RELIABILITY_BORDER_FULL, 0.0, 1.0)
    reliability = 100.0 * clear * (0.5 + 0.5 * position)
    reliability[_cut_by_border(found, mask)[1]] *= p.BORDER_CUT_RELIABILITY
    found = Minutiae(found.xy, found.angle, found.kinds, reliability)
    found = found.subset(reliability >= p.MIN_RELIABILITY)
    order = np.argsort(-found.reliability, kind="stable")[: p.MAX_MINUTIAE]
    return found.subset(order)


def _border_distance(mask: np.ndarray) -> np.ndarray:
    """Chamfer (5x5) distance of each pixel to the nearest background pixel, counting the frame's outside as
    background (float32, 0 off ``mask``).

    Computed on the mask's bounding box with a one-pixel background ring: any chamfer path from inside to a
    background pixel beyond the ring crosses the ring, where a cheaper move reaches background, so the
    distances are those of the whole frame."""
    border = np.zeros(mask.shape, np.float32)
    x, y, w, h = cv2.boundingRect(mask.view(np.uint8))
    if w and h:
        ring = cv2.copyMakeBorder(mask[y : y + h, x : x + w].view(np.uint8), 1, 1, 1, 1, cv2.BORDER_CONSTANT, value=0)
        border[y : y + h, x : x + w] = cv2.distanceTransform(ring, cv2.DIST_L2, 5)[1:-1, 1:-1]
    return border


def _pixels(xy: np.ndarray, shape: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    ys = np.clip(np.rint(xy[:, 1]).astype(np.intp), 0, shape[0] - 1)
    xs = np.clip(np.rint(xy[:, 0]).astype(np.intp), 0, shape[1] - 1)
    return ys, xs


def _cut_by_border(found: Minutiae, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Endings whose ridge, continued outward, leaves the image / the foreground: cut there, not ended."""
    steps = np.arange(1, p.BORDER_CUT_STEPS + 1) * (p.BORDER_CUT_REACH / p.BORDER_CUT_STEPS)
    outward = -np.stack([np.cos(found.angle), np.sin(found.angle)], axis=1)
    probes = found.xy[:, None, :] + steps[None, :, None] * outward[:, None, :]
    xs = np.rint(probes[..., 0]).astype(np.intp)
    ys = np.rint(probes[..., 1]).astype(np.intp)
    inside_image = (xs >= 0) & (ys >= 0) & (xs < mask.shape[1]) & (ys < mask.shape[0])
    inside_mask = inside_image.copy()
    inside_mask[inside_image] = mask[ys[inside_image], xs[inside_image]]
    endings = found.kinds == KIND_ENDING
    return endings & ~inside_image.all(axis=1), endings & ~inside_mask.all(axis=1)


def _distances(found: Minutiae) -> tuple[np.ndarray, np.ndarray]:
    delta = found.xy[None, :, :] - found.xy[:, None, :]  # delta[i, j] = j - i
    distance = np.linalg.norm(delta, axis=2)
    np.fill_diagonal(distance, np.inf)
    return delta, distance


def _artefact_pairs(found: Minutiae) -> np.ndarray:
    """Both members of too-close pairs and of broken-ridge ending pairs."""
    if len(found) < 2:
        return np.zeros(len(found), bool)
    delta, distance = _distances(found)
    unit = delta / np.maximum(distance[..., None], 1e-9)
    outward = -np.stack([np.cos(found.angle), np.sin(found.angle)], axis=1)
    limit = np.cos(p.BROKEN_RIDGE_ANGLE)
    facing = (np.einsum("ijk,ik->ij", unit, outward) >= limit) & (np.einsum("ijk,jk->ij", -unit, outward) >= limit)
    endings = found.kinds == KIND_ENDING
    broken = facing & endings[:, None] & endings[None, :] & (distance <= p.BROKEN_RIDGE_DISTANCE)
    close = distance < p.MIN_PAIR_DISTANCE
    return (broken | close).any(axis=1)


def _clouds(found: Minutiae) -> np.ndarray:
    if len(found) < 2:
        return np.zeros(len(found), bool)
    _, distance = _distances(found)
    return (distance <= p.CLOUD_RADIUS).sum(axis=1) > p.CLOUD_MAX_NEIGHBOURS
