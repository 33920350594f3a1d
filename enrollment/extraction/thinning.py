"""Thinning of the ridge map to a one-pixel-wide, 8-connected skeleton (Guo & Hall 1989, algorithm A1).

OpenCV's headless wheel has no ``ximgproc``, so the two parallel sub-iterations run in a numba kernel: a 3x3
neighbour code per ridge pixel and a precomputed 256-entry deletion table per sub-iteration. Each sub-iteration
decides every pixel on the image as it was before it (parallel), then deletes; only the pixels still on are
visited, so the later, nearly idle iterations cost little.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from enrollment.extraction import parameters as p
from enrollment.extraction.neighbourhood import bits, content_window
from enrollment.extraction.pixel_indices import set_pixels
from enrollment.kernel_options import KERNEL


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


_TABLES = np.stack([_deletion_table(False), _deletion_table(True)]).astype(np.uint8)


def apply(ridges: np.ndarray) -> np.ndarray:
    """The skeleton (uint8 0/1) of the 0/1 ridge map."""
    skeleton = (ridges > 0).astype(np.uint8)
    rows, columns = content_window(skeleton, 1)
    _thin(skeleton[rows, columns])  # a view: thinned in place
    return skeleton


def _thin(skeleton: np.ndarray) -> None:
    if skeleton.size == 0:
        return
    padded = np.zeros((skeleton.shape[0] + 2, skeleton.shape[1] + 2), np.uint8)  # outside counts as 0
    padded[1:-1, 1:-1] = skeleton
    _thin_kernel(padded, set_pixels(padded), _TABLES, p.MAX_THINNING_ITERATIONS)
    skeleton[...] = padded[1:-1, 1:-1]


@njit(**KERNEL)
def _thin_kernel(padded: np.ndarray, on: np.ndarray, tables: np.ndarray, iterations: int) -> None:
    """Guo-Hall thinning in place of the 0/1 image inside ``padded``'s one-pixel zero border, whose pixels
    (flat indices, raster order) are ``on``: per iteration the two sub-iterations, each deleting at once the
    pixels its table says to, until an iteration deletes nothing. Neighbour bits as in
    :data:`~enrollment.extraction.neighbourhood.OFFSETS`."""
    count = len(on)
    pixels = on  # compacted in place as pixels are deleted
    flat = padded.reshape(-1)  # a view: padded is contiguous
    w = padded.shape[1]
    delete = np.zeros(count, np.bool_)
    for _ in range(iterations):
        changed = False
        for t in range(2):
            table = tables[t]
            for i in range(count):
                q = pixels[i]
                code = (flat[q - w] | flat[q - w + 1] << 1 | flat[q + 1] << 2 | flat[q + w + 1] << 3
                        | flat[q + w] << 4 | flat[q + w - 1] << 5 | flat[q - 1] << 6 | flat[q - w - 1] << 7)
                delete[i] = table[code] != 0
            kept = 0
            for i in range(count):
                if delete[i]:
                    flat[pixels[i]] = 0
                    changed = True
                else:
                    pixels[kept] = pixels[i]
                    kept += 1
            count = kept
        if not changed:
            break
