"""Thinning of the ridge map to a one-pixel-wide, 8-connected skeleton (Guo & Hall 1989, algorithm A1).

OpenCV's headless wheel has no ``ximgproc``, so the two parallel sub-iterations are evaluated for every pixel
at once: a 3x3 neighbour code per pixel and a precomputed 256-entry deletion table per sub-iteration.
"""

from __future__ import annotations

import cv2
import numpy as np

from enrollment.extraction import parameters as p
from enrollment.extraction.neighbourhood import bits, codes, content_window, lookup


def _deletion_table(second: bool) -> np.ndarray:
    table = np.zeros(256, bool)
    for code in range(256):
        p2, p3, p4, p5, p6, p7, p8, p9 = bits(code)
        connectivity = ((not p2) and (p3 or p4)) + ((not p4) and (p5 or p6)) + \
            ((not p6) and (p7 or p8)) + ((not p8) and (p9 or p2))
        n1 = (p9 or p2) + (p3 or p4) + (p5 or p6) + (p7 or p8)
        n2 = (p2 or p3) + (p4 or p5) + (p6 or p7) + (p8 or p9)
        n = min(n1, n2)
        corner = ((p2 or p3 or not p5) and p4) if second else ((p6 or p7 or not p9) and p8)
        table[code] = connectivity == 1 and 2 <= n <= 3 and not corner
    return table


_TABLES = (_deletion_table(False).astype(np.uint8), _deletion_table(True).astype(np.uint8))


def apply(ridges: np.ndarray) -> np.ndarray:
    """The skeleton (uint8 0/1) of the 0/1 ridge map."""
    skeleton = (ridges > 0).astype(np.uint8)
    rows, columns = content_window(skeleton, 1)
    _thin(skeleton[rows, columns])  # a view: thinned in place
    return skeleton


def _thin(skeleton: np.ndarray) -> None:
    if skeleton.size == 0:
        return
    for _ in range(p.MAX_THINNING_ITERATIONS):
        changed = False
        for table in _TABLES:
            delete = lookup(codes(skeleton), table) & skeleton
            if cv2.countNonZero(delete):
                skeleton -= delete
                changed = True
        if not changed:
            break
