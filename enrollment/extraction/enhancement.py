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
    index = np.rint(theta * (count / math.pi)).astype(np.intp)
    index[index >= count] -= count  # theta < pi: only the top bin wraps
    periods = np.asarray(p.GABOR_PERIODS, dtype=np.float32)
    position = np.interp(local_period, periods, np.arange(len(periods))).astype(np.float32)
    response = np.zeros_like(small)
    for j, wavelength in enumerate(periods):
        weight = np.clip(1.0 - np.abs(position - j), 0.0, 1.0)
        if not weight.any():
            continue
        active = weight > 0
        rows = np.zeros((count, small.shape[0]), bool)  # rows where each filter is selected with a weight
        rows[index[active], np.nonzero(active)[0]] = True
        selected = _selected_responses(small, float(wavelength) / factor, index, rows)
        response += np.multiply(selected, weight, out=selected)
    result = cv2.resize(response, (window.shape[1], window.shape[0]), interpolation=cv2.INTER_CUBIC)
    enhanced[top:bottom, left:right] = result
    np.copyto(enhanced, 0.0, where=~mask)
    return enhanced


def _radius(wavelength: float) -> int:
    return math.ceil(p.GABOR_RADIUS_SIGMAS * p.GABOR_SIGMA_FACTOR * wavelength)


def _selected_responses(image: np.ndarray, wavelength: float, index: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """At each pixel, the response of the even Gabor filter ``index`` (ridge direction index*pi/count, unit
    gain), within the span of rows where ``rows[index]`` is set (0 elsewhere: those values are only ever
    multiplied by a zero weight).

    Each pass runs on a band of whole rows reaching ``radius`` beyond the span (or the image edge): the same
    arithmetic per pixel as on the whole image, so the same values bit for bit."""
    count, height = rows.shape
    radius = _radius(wavelength)
    spans: dict[int, tuple[int, int]] = {}
    for k in range(count):
        found = np.flatnonzero(rows[k])
        if len(found):
            spans[k] = (int(found[0]), int(found[-1]) + 1)
    bank = _bank(wavelength, count)
    bands: dict[float, tuple[int, int]] = {}
    for k, (start, stop) in spans.items():
        low, high = max(0, start - radius), min(height, stop + radius)
        key = bank[k][0]
        bands[key] = (min(low, bands[key][0]), max(high, bands[key][1])) if key in bands else (low, high)
    row_passes: dict[float, tuple[int, np.ndarray, np.ndarray | None]] = {}
    out = np.zeros(image.shape, np.float32)
    for k, (start, stop) in spans.items():
        key, row_even, row_odd, column_even, column_odd, sign = bank[k]
        if key not in row_passes:
            low, high = bands[key]
            band = image[low:high]
            row_passes[key] = (low, cv2.filter2D(band, -1, row_even, borderType=cv2.BORDER_CONSTANT),
                               cv2.filter2D(band, -1, row_odd, borderType=cv2.BORDER_CONSTANT) if key > 1e-6 else None)
        offset, even_part, odd_part = row_passes[key]
        low, high = max(0, start - radius), min(height, stop + radius)
        response = cv2.filter2D(even_part[low - offset : high - offset], -1, column_even,
                                borderType=cv2.BORDER_CONSTANT)
        if odd_part is not None and sign != 0:
            odd = cv2.filter2D(odd_part[low - offset : high - offset], -1, column_odd, borderType=cv2.BORDER_CONSTANT)
            response = response - odd if sign > 0 else response + odd
        np.copyto(out[start:stop], response[start - low : stop - low], where=index[start:stop] == k)
    return out


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
