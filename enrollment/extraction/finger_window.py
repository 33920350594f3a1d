"""The finger's window: the block-aligned part of the frame that holds the foreground plus a margin.

Every step after segmentation runs on this window only (the background around the finger holds no ridges),
and its maps are placed back into whole-frame arrays at the end.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from enrollment.extraction import parameters as p
from enrollment.extraction.block_map import BlockMap


@dataclass(frozen=True)
class FingerWindow:
    """Pixel rows ``top:bottom`` and columns ``left:right`` of the frame; block rows and columns likewise."""

    top: int
    bottom: int
    left: int
    right: int
    size: int  # block side

    @property
    def pixels(self) -> tuple[slice, slice]:
        return slice(self.top, self.bottom), slice(self.left, self.right)

    @property
    def blocks(self) -> tuple[slice, slice]:
        return (slice(self.top // self.size, -(-self.bottom // self.size)),
                slice(self.left // self.size, -(-self.right // self.size)))

    def place(self, part: np.ndarray, shape: tuple[int, int], fill: float = 0) -> np.ndarray:
        """``part`` (a map of the window) inside a whole-frame array of ``shape`` filled with ``fill``."""
        whole = np.full(shape, fill, part.dtype)
        whole[self.pixels] = part
        return whole

    def place_blocks(self, part: np.ndarray, shape: tuple[int, int], fill: float = 0) -> np.ndarray:
        """``part`` (a per-block map of the window) inside a whole-frame block array of ``shape``."""
        whole = np.full(shape, fill, part.dtype)
        whole[self.blocks] = part
        return whole


def compute(mask: np.ndarray, blocks: BlockMap) -> FingerWindow:
    """The window around the non-empty foreground ``mask`` (bool, whole frame), ``FINGER_WINDOW_MARGIN`` pixels
    wider on each side, with its top-left corner on the block grid (so its blocks are the frame's)."""
    x, y, w, h = cv2.boundingRect(mask.view(np.uint8))
    size = blocks.size
    margin = p.FINGER_WINDOW_MARGIN
    top, left = max(0, y - margin) // size * size, max(0, x - margin) // size * size
    bottom = min(blocks.height, -(-(y + h + margin) // size) * size)
    right = min(blocks.width, -(-(x + w + margin) // size) * size)
    return FingerWindow(top, bottom, left, right, size)
