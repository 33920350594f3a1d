"""Binarisation of the enhanced image: ridge pixels are where the zero-mean filter response is negative
(ridges are dark). Pores (small holes in ridges) are filled and specks (small ridge islands) removed, since
either would become a false pair of minutiae after thinning.
"""

from __future__ import annotations

import cv2
import numpy as np

from enrollment.extraction import parameters as p


def apply(enhanced: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Ridge map (uint8 0/1) of ``enhanced`` inside ``mask``."""
    ridges = ((enhanced < 0) & mask).astype(np.uint8)
    ridges = _remove_small(ridges, p.MIN_RIDGE_ISLAND_AREA)
    valleys = _remove_small((1 - ridges).astype(np.uint8), p.MAX_PORE_AREA, connectivity=4)
    return (1 - valleys).astype(np.uint8)


def _remove_small(binary: np.ndarray, max_area: int, connectivity: int = 8) -> np.ndarray:
    count, labels = cv2.connectedComponents(binary, connectivity=connectivity)
    keep = (np.bincount(labels.ravel(), minlength=count) > max_area).astype(np.uint8)
    keep[0] = 0
    return keep[labels]
