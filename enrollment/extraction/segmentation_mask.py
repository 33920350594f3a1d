"""Foreground segmentation: which blocks show ridges, cleaned up morphologically, as a pixel mask.

Block contrast (grey-level standard deviation) separates ridges from the flat background; the block mask is
closed and opened, islands and holes are removed, and the pixel mask is smoothed and eroded at its border
(the outermost ridges are distorted by the edge of the finger).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from enrollment.extraction import order_statistics
from enrollment.extraction import parameters as p
from enrollment.extraction.block_map import BlockMap
from enrollment.extraction.smoothing import blur, blur_decimated, decimation


@dataclass(frozen=True)
class SegmentationMask:
    blocks: np.ndarray  # bool (rows, columns)
    pixels: np.ndarray  # bool (height, width), eroded
    contrast: np.ndarray  # float32 (rows, columns): block grey-level standard deviation


def compute(image: np.ndarray, blocks: BlockMap) -> SegmentationMask:
    """The foreground of ``image`` (float32 grey at 500 dpi)."""
    blurred = cv2.GaussianBlur(image, (0, 0), p.SEGMENTATION_BLUR_SIGMA)
    blurred = blocks.padded(blurred)  # once for both means (squares of the replicated edge replicate it)
    mean = blocks.block_means(blurred)
    square = blocks.block_means(blurred, squared=True)
    contrast = np.sqrt(np.maximum(square - mean * mean, 0.0)).astype(np.float32)
    reference = order_statistics.percentile(contrast, p.CONTRAST_REFERENCE_PERCENTILE)
    threshold = max(p.MIN_BLOCK_CONTRAST, p.RELATIVE_BLOCK_CONTRAST * reference)
    mask = (contrast >= threshold).astype(np.uint8)
    kernel = np.ones((3, 3), np.uint8)
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, kernel)
    mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, kernel)
    mask = _drop_islands(mask, max(1, int(p.MIN_FOREGROUND_BLOCK_FRACTION * mask.size)))
    mask = _fill_holes(mask)
    pixels = _smoothed(mask, blocks) > 0.5
    if p.MASK_BORDER_EROSION > 0:
        size = 2 * p.MASK_BORDER_EROSION + 1
        disk = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (size, size))
        pixels = cv2.erode(pixels.astype(np.uint8), disk, borderType=cv2.BORDER_CONSTANT, borderValue=0) > 0
    return SegmentationMask(mask > 0, pixels, contrast)


def _smoothed(mask: np.ndarray, blocks: BlockMap) -> np.ndarray:
    """``blur`` of the 0/1 block mask spread over the pixels. When the decimation's cells tile the blocks and the
    reflection that completes the last cells stays inside the last blocks, ``blur``'s decimation of the
    block-constant image is the block mask spread over blocks of ``size / factor`` pixels (equal values average
    exactly), so the whole-frame image is not made."""
    sigma, factor = p.MASK_SMOOTHING_SIGMA, decimation(p.MASK_SMOOTHING_SIGMA)
    if factor == 1 or blocks.size % factor or not (_reflection_in_block(blocks.height, blocks.size, factor)
                                                   and _reflection_in_block(blocks.width, blocks.size, factor)):
        return blur(blocks.to_pixels(mask.astype(np.float32), smooth=False), sigma)
    cell = blocks.size // factor
    small = cv2.resize(mask.astype(np.float32), (blocks.columns * cell, blocks.rows * cell),
                       interpolation=cv2.INTER_NEAREST)
    return blur_decimated(small[: -(-blocks.height // factor), : -(-blocks.width // factor)], sigma, factor,
                          (blocks.height, blocks.width))


def _reflection_in_block(extent: int, size: int, factor: int) -> bool:
    """Whether the pixels that reflection adds after ``extent`` to complete a ``factor`` cell mirror pixels of the
    last (partial) block of ``size``."""
    partial = extent % size
    return partial == 0 or partial > -extent % factor


def _drop_islands(mask: np.ndarray, min_area: int) -> np.ndarray:
    count, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=4)
    keep = np.zeros(count, bool)
    keep[1:] = stats[1:, cv2.CC_STAT_AREA] >= min_area
    return keep[labels].astype(np.uint8)


def _fill_holes(mask: np.ndarray) -> np.ndarray:
    """Background components that do not touch the image edge are holes in the finger: fill them."""
    count, labels = cv2.connectedComponents((mask == 0).astype(np.uint8), connectivity=4)
    edge = np.unique(np.concatenate([labels[0], labels[-1], labels[:, 0], labels[:, -1]]))
    hole = np.ones(count, bool)
    hole[edge] = False
    hole[0] = False
    return (mask.astype(bool) | hole[labels]).astype(np.uint8)
