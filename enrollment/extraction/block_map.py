"""The block map: how the image is tiled into square blocks, and moving data between blocks and pixels."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from enrollment.extraction import parameters as p


@dataclass(frozen=True)
class BlockMap:
    """An image of ``height`` x ``width`` pixels covered by ``rows`` x ``columns`` blocks of ``size`` pixels.

    The last row/column of blocks may stick out of the image; block (r, c) is centred on pixel
    ``((c + 0.5) * size, (r + 0.5) * size)``.
    """

    height: int
    width: int
    size: int
    rows: int
    columns: int

    def block_means(self, image: np.ndarray) -> np.ndarray:
        """Mean of ``image`` over each block (float32, rows x columns); padding is by edge replication
        (``image`` may come padded already, see :meth:`padded`)."""
        padded = self.padded(image.astype(np.float32, copy=False))
        return padded.reshape(self.rows, self.size, self.columns, self.size).mean(axis=(1, 3))

    def padded(self, image: np.ndarray) -> np.ndarray:
        """``image`` (height x width) extended to whole blocks by edge replication; as it is if already so."""
        if image.shape == (self.rows * self.size, self.columns * self.size):
            return image
        return _pad_to_blocks(image, self)

    def to_pixels(self, blocks: np.ndarray, *, smooth: bool = True) -> np.ndarray:
        """Spread a per-block array over the pixels: bilinear between block centres, or nearest block."""
        blocks = np.ascontiguousarray(blocks, dtype=np.float32)
        interpolation = cv2.INTER_LINEAR if smooth else cv2.INTER_NEAREST
        full = cv2.resize(blocks, (self.columns * self.size, self.rows * self.size), interpolation=interpolation)
        return full[: self.height, : self.width]


def compute(shape: tuple[int, int], size: int = p.BLOCK_SIZE) -> BlockMap:
    """The block map covering an image of ``shape`` (height, width)."""
    height, width = shape
    return BlockMap(height, width, size, -(-height // size), -(-width // size))


def _pad_to_blocks(image: np.ndarray, blocks: BlockMap) -> np.ndarray:
    pad_y = blocks.rows * blocks.size - blocks.height
    pad_x = blocks.columns * blocks.size - blocks.width
    if pad_y or pad_x:
        image = cv2.copyMakeBorder(image, 0, pad_y, 0, pad_x, cv2.BORDER_REPLICATE)
    return image
