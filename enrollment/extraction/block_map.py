"""The block map: how the image is tiled into square blocks, and moving data between blocks and pixels."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from numba import njit

from enrollment.extraction import parameters as p
from enrollment.kernel_options import KERNEL


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

    def block_means(self, image: np.ndarray, *, squared: bool = False) -> np.ndarray:
        """Mean of ``image`` (or of its square) over each block (float32, rows x columns); padding is by edge
        replication (``image`` may come padded already, see :meth:`padded`).

        The value of numpy's ``(image * image if squared else image).reshape(rows, size, columns,
        size).mean(axis=(1, 3))`` bit for bit (its pairwise sum of each block row, the rows added in order), in
        one numba pass instead of a strided reduction that costs about five times more."""
        padded = np.ascontiguousarray(self.padded(image.astype(np.float32, copy=False)))
        if self.size > _PAIRWISE_BLOCK or self.columns == 1:  # one column: numpy sums each block as one run
            values = padded * padded if squared else padded
            return values.reshape(self.rows, self.size, self.columns, self.size).mean(axis=(1, 3))
        means = np.empty((self.rows, self.columns), np.float32)
        _block_means_kernel(padded, self.size, squared, means)
        return means

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


_PAIRWISE_BLOCK = 128
"""numpy sums up to this many contiguous float32 values with eight running sums; longer runs it splits."""


@njit(**KERNEL, inline="always")
def _value(image: np.ndarray, row: int, column: int, squared: bool) -> np.float32:
    v = image[row, column]
    return v * v if squared else v


@njit(**KERNEL, inline="always")
def _row_sum(image: np.ndarray, row: int, start: int, count: int, squared: bool) -> np.float32:
    """numpy's pairwise sum of ``count`` (at most 128) values of ``image[row, start:]`` (squared if asked)."""
    if count < 8:
        total = np.float32(0.0)
        for i in range(count):
            total += _value(image, row, start + i, squared)
        return total
    s0, s1 = _value(image, row, start, squared), _value(image, row, start + 1, squared)
    s2, s3 = _value(image, row, start + 2, squared), _value(image, row, start + 3, squared)
    s4, s5 = _value(image, row, start + 4, squared), _value(image, row, start + 5, squared)
    s6, s7 = _value(image, row, start + 6, squared), _value(image, row, start + 7, squared)
    i = 8
    while i < count - count % 8:
        k = start + i
        s0 += _value(image, row, k, squared)
        s1 += _value(image, row, k + 1, squared)
        s2 += _value(image, row, k + 2, squared)
        s3 += _value(image, row, k + 3, squared)
        s4 += _value(image, row, k + 4, squared)
        s5 += _value(image, row, k + 5, squared)
        s6 += _value(image, row, k + 6, squared)
        s7 += _value(image, row, k + 7, squared)
        i += 8
    total = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))
    while i < count:
        total += _value(image, row, start + i, squared)
        i += 1
    return total


@njit(**KERNEL)
def _block_means_kernel(image: np.ndarray, size: int, squared: bool, means: np.ndarray) -> None:
    area = np.float32(size * size)
    for r in range(means.shape[0]):
        for c in range(means.shape[1]):
            total = np.float32(0.0)
            for y in range(r * size, (r + 1) * size):
                total += _row_sum(image, y, c * size, size, squared)
            means[r, c] = total / area


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
