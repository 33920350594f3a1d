"""Shared 3x3 neighbourhood arithmetic for binary skeleton steps: an 8-bit code per pixel and tables over it.

Bit i of the code is the neighbour at ``OFFSETS[i]`` (clockwise from north), so a 256-entry table turns the
code into any local property (crossing number, thinning decision) in one vectorised lookup.
"""

from __future__ import annotations

import cv2
import numpy as np

OFFSETS = ((-1, 0), (-1, 1), (0, 1), (1, 1), (1, 0), (1, -1), (0, -1), (-1, -1))
"""(dy, dx) of the neighbours p2..p9: N, NE, E, SE, S, SW, W, NW."""

_KERNEL = np.zeros((3, 3), np.float32)
for _bit, (_dy, _dx) in enumerate(OFFSETS):
    _KERNEL[1 + _dy, 1 + _dx] = 1 << _bit


def codes(binary: np.ndarray) -> np.ndarray:
    """The neighbour code (uint8) of every pixel of a 0/1 uint8 image; outside the image counts as 0.

    The weighted sum of eight 0/1 neighbours is an integer in 0..255, so the uint8 filter output is exact."""
    return cv2.filter2D(binary, cv2.CV_8U, _KERNEL, borderType=cv2.BORDER_CONSTANT)


def lookup(code: np.ndarray, table: np.ndarray) -> np.ndarray:
    """``table[code]`` for a uint8 ``table`` of 256 entries (OpenCV's LUT: much faster than fancy indexing)."""
    return cv2.LUT(code, table)


def bits(code: int) -> list[int]:
    return [(code >> i) & 1 for i in range(8)]


def _crossing_numbers() -> np.ndarray:
    table = np.zeros(256, np.uint8)
    for code in range(256):
        b = bits(code)
        table[code] = sum(abs(b[i] - b[(i + 1) % 8]) for i in range(8)) // 2
    return table


CROSSING_NUMBER = _crossing_numbers()
"""Rutovitz crossing number: 1 at a ridge ending, 2 along a ridge, 3+ at a bifurcation or crossing."""
NEIGHBOUR_COUNT = np.array([bin(c).count("1") for c in range(256)], np.uint8)


def crossing_numbers(skeleton: np.ndarray) -> np.ndarray:
    """Crossing number at every pixel of a 0/1 uint8 skeleton (0 off the skeleton)."""
    return lookup(codes(skeleton), CROSSING_NUMBER) * skeleton


def content_window(binary: np.ndarray, pad: int) -> tuple[slice, slice]:
    """Rows and columns holding every non-zero pixel of ``binary`` plus ``pad`` pixels, clipped to the image.

    Local binary steps run on this window only: outside it everything is 0, exactly as the zero border they
    assume. The window starts on even coordinates so that OpenCV's 2x2-block labelling scans pixels in the
    same order as on the whole image (labels keep their numbering)."""
    x, y, w, h = cv2.boundingRect(binary)
    if w == 0 or h == 0:
        return slice(0, 0), slice(0, 0)
    top, left = max(0, y - pad) & ~1, max(0, x - pad) & ~1
    return slice(top, min(binary.shape[0], y + h + pad)), slice(left, min(binary.shape[1], x + w + pad))
