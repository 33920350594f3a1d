"""The enhancement's per-pixel selection among the Gabor bank, in numba passes: which filter responses each
row needs, how much each period weighs, and the blend of the selected responses. float32 arithmetic in the
order numpy's elementwise expressions use it, so the values are the same bit for bit."""

from __future__ import annotations

import math

import numpy as np
from numba import njit

from enrollment.kernel_options import KERNEL

NOT_SELECTED, EVEN_MINUS_ODD, EVEN_PLUS_ODD, EVEN_ONLY = 0, 1, 2, 3
"""How a pass group's response reaches a pixel whose orientation bin is a member of the group."""


def bins_and_positions(theta: np.ndarray, period: np.ndarray, count: int, periods: np.ndarray
                       ) -> tuple[np.ndarray, np.ndarray]:
    """Per pixel, the nearest of ``count`` orientation bins to the ridge angle ``theta`` (float32, [0, pi); uint8,
    the top bin wrapping to 0) and where the ridge ``period`` lies among the bank's ``periods`` (float32: 0 at the
    first, 1 at the second, ...; clamped to the ends). The values of ``np.rint(theta * (count / pi))`` with the
    wrap, and of ``np.interp(period, periods, arange)`` as float32, in one numba pass."""
    bins = np.empty(theta.shape, np.uint8)
    position = np.empty(period.shape, np.float32)
    knots = np.asarray(periods, np.float64)
    slopes = 1.0 / (knots[1:] - knots[:-1])  # numpy's (fp[j+1] - fp[j]) / (xp[j+1] - xp[j]) with fp = arange
    _bins_and_positions_kernel(theta, period, count, np.float32(count / math.pi), knots, slopes, bins, position)
    return bins, position


@njit(**KERNEL)
def _bins_and_positions_kernel(theta: np.ndarray, period: np.ndarray, count: int, scale: np.float32,
                               knots: np.ndarray, slopes: np.ndarray, bins: np.ndarray, position: np.ndarray) -> None:
    last = len(knots) - 1
    for r in range(theta.shape[0]):
        for c in range(theta.shape[1]):
            index = int(np.rint(theta[r, c] * scale))
            if index >= count:
                index -= count
            bins[r, c] = index
            x = np.float64(period[r, c])
            if np.isnan(x):
                value = x
            elif x < knots[0]:
                value = 0.0
            elif x >= knots[last]:
                value = np.float64(last)
            else:
                j = 0
                while x >= knots[j + 1]:
                    j += 1
                value = slopes[j] * (x - knots[j]) + np.float64(j)  # x on a knot: exactly j
            position[r, c] = np.float32(value)


def period_weights(position: np.ndarray, period: int, bins: np.ndarray, count: int) -> tuple[np.ndarray, np.ndarray]:
    """Per pixel, the weight ``max(1 - |position - period|, 0)`` (float32) of the bank's ``period``-th period,
    and per orientation bin and image row whether any pixel of that bin in that row has a weight."""
    weight = np.empty(position.shape, np.float32)
    rows = np.zeros((count, position.shape[0]), np.bool_)
    _period_weights_kernel(position, np.float32(period), bins, weight, rows)
    return weight, rows


@njit(**KERNEL)
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


@njit(**KERNEL)
def _accumulate_kernel(response: np.ndarray, selected: np.ndarray, weight: np.ndarray) -> None:
    for i in range(len(response)):
        response[i] += selected[i] * weight[i]


def place(out: np.ndarray, even: np.ndarray, odd: np.ndarray, bins: np.ndarray, roles: np.ndarray,
          start: int, stop: int, low: int) -> None:
    """Rows ``start:stop`` of ``out`` take, where their orientation bin has a role, the group's response from
    ``even`` and ``odd`` (both starting at image row ``low``): ``even - odd``, ``even + odd`` or ``even``."""
    _place_kernel(out, even, odd, bins, roles, start, stop, low)


@njit(**KERNEL)
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


def pass_windows(rows: np.ndarray, groups: np.ndarray, radius: int) -> tuple[list[list[int]], list[int]]:
    """Where each pass group runs, from ``rows`` (per orientation bin and image row: selected) and ``groups``
    (per group and orientation bin: a member).

    ``windows`` (start, stop, low, high): the runs of rows in which one of the group's bins is selected, split
    where two selected rows are more than ``2 * radius + 1`` apart, each with ``radius`` rows of context on both
    sides (clipped to the image). A split leaves at least one row between the contexts, so a group's windows
    never share a row. Group ``g`` owns ``windows[start[g]:start[g + 1]]``."""
    height = rows.shape[1]
    windows = np.empty((groups.shape[0] * height, 4), np.int64)
    start = np.empty(groups.shape[0] + 1, np.int64)
    _pass_windows_kernel(rows, groups, radius, windows, start)
    return windows[: start[-1]].tolist(), start.tolist()


@njit(**KERNEL)
def _pass_windows_kernel(rows: np.ndarray, groups: np.ndarray, radius: int, windows: np.ndarray,
                         group_start: np.ndarray) -> None:
    count, height = rows.shape
    gap = 2 * radius + 1
    placed = 0
    for g in range(groups.shape[0]):
        group_start[g] = placed
        start = -1
        last = -1
        for r in range(height + 1):
            if r < height:
                selected = False
                for k in range(count):
                    if groups[g, k] and rows[k, r]:
                        selected = True
                        break
                if not selected:
                    continue
            if start >= 0 and (r == height or r - last > gap):  # the run start..last ends
                windows[placed, 0], windows[placed, 1] = start, last + 1
                windows[placed, 2], windows[placed, 3] = max(0, start - radius), min(height, last + 1 + radius)
                placed += 1
                start = -1
            if r < height:
                if start < 0:
                    start = r
                last = r
    group_start[groups.shape[0]] = placed
