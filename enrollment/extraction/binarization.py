"""Binarisation of the enhanced image: ridge pixels are where the zero-mean filter response is negative
(ridges are dark). Pores (small holes in ridges) are filled and specks (small ridge islands) removed, since
either would become a false pair of minutiae after thinning.
"""

from __future__ import annotations

import cv2
import numpy as np
from numba import njit

from enrollment.extraction import parameters as p
from enrollment.extraction.neighbourhood import content_window
from enrollment.kernel_options import KERNEL


def apply(enhanced: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Ridge map (uint8 0/1) of ``enhanced`` inside ``mask``.

    Runs on the window around the mask plus a margin: outside it there are no ridges, and the margin keeps the
    valley outside the print one large component (never filled), as on the whole image."""
    result = np.zeros(mask.shape, np.uint8)
    rows, columns = content_window(mask.view(np.uint8), 2)
    if rows.stop <= rows.start or columns.stop <= columns.start:
        return result
    ridges = _negative_inside(enhanced[rows, columns], mask[rows, columns])
    pores = _not_large(ridges, p.MIN_RIDGE_ISLAND_AREA)  # valleys plus the specks removed
    result[rows, columns] = _not_large(pores, p.MAX_PORE_AREA, connectivity=4)  # ridges plus the pores filled
    return result


def _not_large(binary: np.ndarray, max_area: int, connectivity: int = 8) -> np.ndarray:
    """1 (uint8) where ``binary`` (0/1 uint8) is off or its component has at most ``max_area`` pixels."""
    count, labels = cv2.connectedComponents(binary, connectivity=connectivity)
    result = np.empty(binary.shape, np.uint8)
    _not_large_kernel(binary.reshape(-1), labels.reshape(-1), count, max_area, result.reshape(-1))
    return result


@njit(**KERNEL)
def _not_large_kernel(binary: np.ndarray, labels: np.ndarray, count: int, max_area: int, out: np.ndarray) -> None:
    size = np.zeros(count, np.int64)
    for i in range(len(binary)):
        if binary[i]:
            size[labels[i]] += 1
    for i in range(len(binary)):
        out[i] = 0 if binary[i] and size[labels[i]] > max_area else 1


def _negative_inside(enhanced: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """``(enhanced < 0) & mask`` as uint8 0/1, in one numba pass."""
    result = np.empty(enhanced.shape, np.uint8)
    _negative_inside_kernel(enhanced, mask, result)
    return result


@njit(**KERNEL)
def _negative_inside_kernel(enhanced: np.ndarray, mask: np.ndarray, out: np.ndarray) -> None:
    for r in range(enhanced.shape[0]):
        for c in range(enhanced.shape[1]):
            out[r, c] = 1 if enhanced[r, c] < 0 and mask[r, c] else 0
