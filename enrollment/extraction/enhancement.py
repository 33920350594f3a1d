"""Contextual enhancement: each pixel takes the response of the Gabor filter tuned to its ridge orientation
and period (Hong, Wan & Jain 1998), which joins broken ridges and separates merged ones.

The bank is ``GABOR_ORIENTATIONS`` x ``GABOR_PERIODS`` even Gabor filters with an isotropic envelope. An
isotropic Gabor is a product of 1-D complex factors, so each real filter is two separable passes; filters for
mirrored orientations share their row pass. Per pixel the nearest orientation is taken and the two nearest
periods are blended linearly. The bank runs on a 2x-decimated image (ridges stay well above Nyquist) and the
response is upsampled, which keeps the zero crossings for a small part of the cost.
"""

from __future__ import annotations

import functools
import math

import cv2
import numpy as np

from enrollment.extraction import gabor_selection
from enrollment.extraction import parameters as p

_Filter = tuple[float, np.ndarray, np.ndarray, np.ndarray, np.ndarray, int]
"""One orientation of the bank: row key, even/odd row kernels, even/odd column kernels, odd-part sign."""


def apply(image: np.ndarray, angle: np.ndarray, period: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Enhanced ``image`` (float32, ridges negative like the input's dark ridges; 0 off ``mask``)."""
    enhanced = np.zeros_like(image)
    if not mask.any():
        return enhanced
    x, y, w, h = cv2.boundingRect(mask.view(np.uint8))
    pad = _radius(max(p.GABOR_PERIODS))
    top, bottom = max(0, y - pad), min(image.shape[0], y + h + pad)
    left, right = max(0, x - pad), min(image.shape[1], x + w + pad)
    window = np.ascontiguousarray(image[top:bottom, left:right])
    factor = p.ENHANCEMENT_DECIMATION
    size = (-(-window.shape[1] // factor), -(-window.shape[0] // factor))
    small = cv2.resize(window, size, interpolation=cv2.INTER_AREA)
    theta = cv2.resize(angle[top:bottom, left:right], size, interpolation=cv2.INTER_NEAREST)
    local_period = cv2.resize(period[top:bottom, left:right], size, interpolation=cv2.INTER_LINEAR)
    count = p.GABOR_ORIENTATIONS
    periods = np.asarray(p.GABOR_PERIODS, dtype=np.float32)
    bins, position = gabor_selection.bins_and_positions(theta, local_period, count, periods)
    response = np.zeros_like(small)
    for j, wavelength in enumerate(periods):
        weight, rows = gabor_selection.period_weights(position, j, bins, count)  # rows: filter used with a weight
        if not rows.any():
            continue
        selected = _selected_responses(small, float(wavelength) / factor, bins, rows)
        gabor_selection.accumulate(response, selected, weight)
    result = cv2.resize(response, (window.shape[1], window.shape[0]), interpolation=cv2.INTER_CUBIC)
    enhanced[top:bottom, left:right] = result
    np.copyto(enhanced, 0.0, where=~mask)
    return enhanced


def _radius(wavelength: float) -> int:
    return math.ceil(p.GABOR_RADIUS_SIGMAS * p.GABOR_SIGMA_FACTOR * wavelength)


def _selected_responses(image: np.ndarray, wavelength: float, index: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """At each pixel, the response of the even Gabor filter ``index`` (ridge direction index*pi/count, unit
    gain), within the rows where ``rows[index]`` is set (elsewhere 0 or another finite value: those values
    are only ever multiplied by a zero weight).

    Mirrored orientations share their passes (the same row kernels and even column kernel, a negated odd
    column kernel). Each pass runs on runs of whole rows reaching ``radius`` beyond the rows it serves (or
    the image edge), a run split where no member is selected for more than two radii of rows, and keeps the
    full image width (:func:`gabor_selection.pass_windows`): each pixel gets the same arithmetic as on the
    whole image, so the same values bit for bit."""
    count = rows.shape[0]
    out = np.zeros(image.shape, np.float32)
    even_part, odd_part = (np.empty(image.shape, np.float32) for _ in range(2))
    passes = _shared_passes(wavelength, count)
    members, roles = _group_plan(wavelength, count)
    windows, group_start = gabor_selection.pass_windows(rows, members, _radius(wavelength))
    for g, (row_even, row_odd, column_even, column_odd, _) in enumerate(passes):
        for start, stop, low, high in windows[group_start[g] : group_start[g + 1]]:
            cv2.filter2D(image[low:high], -1, row_even, dst=even_part[low:high], borderType=cv2.BORDER_CONSTANT)
            even = cv2.filter2D(even_part[low:high], -1, column_even, borderType=cv2.BORDER_CONSTANT)
            odd = even
            if column_odd is not None:
                cv2.filter2D(image[low:high], -1, row_odd, dst=odd_part[low:high], borderType=cv2.BORDER_CONSTANT)
                odd = cv2.filter2D(odd_part[low:high], -1, column_odd, borderType=cv2.BORDER_CONSTANT)
            gabor_selection.place(out, even, odd, index, roles[g], start, stop, low)
    return out


@functools.cache
def _group_plan(wavelength: float, count: int) -> tuple[np.ndarray, tuple[np.ndarray, ...]]:
    """Per pass group of :func:`_shared_passes`: which orientation bins it serves (bool, groups x count), and
    how its response reaches each of them (a ``gabor_selection`` role per bin). Built once per process."""
    passes = _shared_passes(wavelength, count)
    members = np.zeros((len(passes), count), np.bool_)
    roles = []
    for g, (*_, column_odd, group) in enumerate(passes):
        members[g, [k for k, _ in group]] = True
        roles.append(_roles(group, count, column_odd is not None))
    return members, tuple(roles)


def _roles(members: tuple[tuple[int, int], ...], count: int, odd: bool) -> np.ndarray:
    """Per orientation bin, how the group's response reaches its pixels (a ``gabor_selection`` role)."""
    roles = np.full(count, gabor_selection.NOT_SELECTED, np.uint8)
    for k, combine in members:
        if not odd:
            roles[k] = gabor_selection.EVEN_ONLY
        else:
            roles[k] = gabor_selection.EVEN_MINUS_ODD if combine > 0 else gabor_selection.EVEN_PLUS_ODD
    return roles


_Passes = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray | None, tuple[tuple[int, int], ...]]
"""Row kernels, even and odd column kernels (None: no odd part) and the orientations they serve, each with
how its response combines the two column passes (+1: even - odd, -1: even + odd)."""


@functools.cache
def _shared_passes(wavelength: float, count: int) -> tuple[_Passes, ...]:
    """The bank grouped into orientations whose row kernels and even column kernel are equal and whose odd
    column kernels are equal or negated (x - (-y) == x + y exactly). Built once per process."""
    groups: list[_Passes] = []
    for k, (key, row_even, row_odd, column_even, column_odd, sign) in enumerate(_bank(wavelength, count)):
        odd = key > 1e-6 and sign != 0
        for i, (g_row_even, g_row_odd, g_column_even, g_column_odd, members) in enumerate(groups):
            if not (odd and g_column_odd is not None and np.array_equal(row_even, g_row_even)
                    and np.array_equal(row_odd, g_row_odd) and np.array_equal(column_even, g_column_even)):
                continue
            if np.array_equal(column_odd, g_column_odd):
                groups[i] = (*groups[i][:4], (*members, (k, sign)))
                break
            if np.array_equal(column_odd, -g_column_odd):
                groups[i] = (*groups[i][:4], (*members, (k, -sign)))
                break
        else:
            groups.append((row_even, row_odd, column_even, column_odd if odd else None, ((k, sign),)))
    return tuple(groups)


@functools.cache
def _bank(wavelength: float, count: int) -> tuple[_Filter, ...]:
    """Per orientation k: the row-pass key (|cos| of the carrier), the even/odd row and column kernels, and
    how the odd parts combine (+1: subtract, -1: add, 0: no odd part). Built once per process."""
    sigma = p.GABOR_SIGMA_FACTOR * wavelength
    radius = _radius(wavelength)
    offsets = np.arange(-radius, radius + 1, dtype=np.float64)
    envelope = np.exp(-(offsets**2) / (2 * sigma**2))
    envelope /= envelope.sum() / math.sqrt(2.0)  # (sum G)^2 / 2 == 1: unit response to a matched sinusoid
    bank = []
    for k in range(count):
        normal = k * math.pi / count + math.pi / 2  # the carrier runs across the ridges
        c, s = math.cos(normal), math.sin(normal)
        key = round(abs(c), 6)
        phase = 2 * math.pi * key * offsets / wavelength
        row_even = (envelope * np.cos(phase)).astype(np.float32)[None, :]
        row_odd = (envelope * np.sin(phase)).astype(np.float32)[None, :]
        phase = 2 * math.pi * s * offsets / wavelength
        column_even = (envelope * np.cos(phase)).astype(np.float32)[:, None]
        column_odd = (envelope * np.sin(phase)).astype(np.float32)[:, None]
        sign = 0 if abs(s) <= 1e-6 else (1 if c >= 0 else -1)
        bank.append((key, row_even, row_odd, column_even, column_odd, sign))
    return tuple(bank)
