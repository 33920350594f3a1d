"""The enhancement's per-pixel selection among the Gabor bank, in numba passes: which filter responses each
row needs, how much each period weighs, and the blend of the selected responses. float32 arithmetic in the
order numpy's elementwise expressions use it, so the values are the same bit for bit."""

from __future__ import annotations

import numpy as np
from numba import njit

NOT_SELECTED, EVEN_MINUS_ODD, EVEN_PLUS_ODD, EVEN_ONLY = 0, 1, 2, 3
"""How a pass group's response reaches a pixel whose orientation bin is a member of the group."""


def period_weights(position: np.ndarray, period: int, bins: np.ndarray, count: int) -> tuple[np.ndarray, np.ndarray]:
    """Per pixel, the weight ``max(1 - |position - period|, 0)`` (float32) of the bank's ``period``-th period,
    and per orientation bin and image row whether any pixel of that bin in that row has a weight."""
    weight = np.empty(position.shape, np.float32)
    rows = np.zeros((count, position.shape[0]), np.bool_)
    _period_weights_kernel(position, np.float32(period), bins, weight, rows)
    return weight, rows


@njit(cache=True)
def _period_weights_kernel(position: np.ndarray, period: np.float32, bins: np.ndarray, weight: np.ndarray,
                           rows: np.ndarray) -> None:
    one, zero = np.float32(1.0), np.float32(0.0)
    for r in range(position.shape[0]):
        for c in range(position.shape[1]):
            w = one - abs(position[r, c] - period)
            if w > zero:
                rows[bins[r, c], r] = True
            else:
                w = zero
            weight[r, c] = w


def accumulate(response: np.ndarray, selected: np.ndarray, weight: np.ndarray) -> None:
    """``response += selected * weight`` (float32, the product rounded first) in place."""
    _accumulate_kernel(response.reshape(-1), selected.reshape(-1), weight.reshape(-1))


@njit(cache=True)
def _accumulate_kernel(response: np.ndarray, selected: np.ndarray, weight: np.ndarray) -> None:
    for i in range(len(response)):
        response[i] += selected[i] * weight[i]


def place(out: np.ndarray, even: np.ndarray, odd: np.ndarray, bins: np.ndarray, roles: np.ndarray,
          start: int, stop: int, low: int) -> None:
    """Rows ``start:stop`` of ``out`` take, where their orientation bin has a role, the group's response from
    ``even`` and ``odd`` (both starting at image row ``low``): ``even - odd``, ``even + odd`` or ``even``."""
    _place_kernel(out, even, odd, bins, roles, start, stop, low)


@njit(cache=True)
def _place_kernel(out: np.ndarray, even: np.ndarray, odd: np.ndarray, bins: np.ndarray, roles: np.ndarray,
                  start: int, stop: int, low: int) -> None:
    for r in range(start, stop):
        for c in range(out.shape[1]):
            role = roles[bins[r, c]]
            if role == NOT_SELECTED:
                continue
            if role == EVEN_MINUS_ODD:
                out[r, c] = even[r - low, c] - odd[r - low, c]
            elif role == EVEN_PLUS_ODD:
                out[r, c] = even[r - low, c] + odd[r - low, c]
            else:
                out[r, c] = even[r - low, c]
