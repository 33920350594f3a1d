"""The flat indices of a binary image's set pixels, in raster order: ``np.flatnonzero`` in a numba pass.

Skeletons and ridge maps are mostly empty, or set in irregular runs: numpy's scan branches on every byte and
mispredicts. This pass skips empty 8-byte words and, inside the others, writes each candidate index and advances
the output by the byte's truth value, without a branch.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from enrollment.kernel_options import KERNEL


def set_pixels(binary: np.ndarray) -> np.ndarray:
    """``np.flatnonzero(binary)`` (intp) of a uint8 or bool image."""
    flat = np.ascontiguousarray(binary).reshape(-1).view(np.uint8)
    out = np.empty(len(flat), np.intp)
    return out[: _set_pixels_kernel(flat, out)]


@njit(**KERNEL)
def _set_pixels_kernel(flat: np.ndarray, out: np.ndarray) -> int:
    whole = len(flat) // 8 * 8
    words = flat[:whole].view(np.uint64)
    found = 0
    for w in range(len(words)):
        if words[w] != 0:
            base = w * 8
            for b in range(8):
                out[found] = base + b  # overwritten unless the byte is set
                found += flat[base + b] != 0
    for i in range(whole, len(flat)):
        out[found] = i
        found += flat[i] != 0
    return found
