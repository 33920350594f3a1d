"""Binarisation of the enhanced image: ridge pixels are where the zero-mean filter response is negative
(ridges are dark). Pores (small holes in ridges) are filled and specks (small ridge islands) removed, since
either would become a false pair of minutiae after thinning.
"""

from __future__ import annotations

import cv2
import numpy as np

from enrollment.extraction import parameters as p
from enrollment.extraction.neighbourhood import content_window


def apply(enhanced: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Ridge map (uint8 0/1) of ``enhanced`` inside ``mask``.

    Runs on the window around the mask plus a margin: outside it there are no ridges, and the margin keeps the
    valley outside the print one large component (never filled), as on the whole image."""
    result = np.zeros(mask.shape, np.uint8)
    rows, columns = content_window(mask.view(np.uint8), 2)
    if rows.stop <= rows.start or columns.stop <= columns.start:
        return result
    ridges = ((enhanced[rows, columns] < 0) & mask[rows, columns]).astype(np.uint8)
    ridges = _remove_small(ridges, p.MIN_RIDGE_ISLAND_AREA)
    valleys = _remove_small(1 - ridges, p.MAX_PORE_AREA, connectivity=4)
    result[rows, columns] = 1 - valleys
    return result


def _remove_small(binary: np.ndarray, max_area: int, connectivity: int = 8) -> np.ndarray:
    count, labels = cv2.connectedComponents(binary, connectivity=connectivity)
    on = np.flatnonzero(binary.view(bool))  # count only labelled pixels: label 0 is dropped anyway
    keep = (np.bincount(labels.ravel()[on], minlength=count) > max_area).astype(np.uint8)
    keep[0] = 0
    return keep.take(labels)
