"""The enhancement's numba selection passes against the numpy expressions they replace, value for value
(float32), on seeded random inputs."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from enrollment.extraction import gabor_selection

COUNT = 16


def _numpy_period_weights(position, period, bins, count):
    weight = np.abs(position - period)
    np.subtract(1.0, weight, out=weight)
    np.maximum(weight, 0.0, out=weight)
    height = position.shape[0]
    codes = np.where(weight > 0, bins.astype(np.intp), count)
    codes *= height
    codes += np.arange(height)[:, None]
    rows = np.bincount(codes.ravel(), minlength=(count + 1) * height)[: count * height].reshape(count, height) > 0
    return weight, rows


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("period", [0, 1, 2])
def test_period_weights_are_numpys(seed, period):
    rng = np.random.default_rng(seed)
    position = rng.uniform(0, 2, (31, 23)).astype(np.float32)
    position.ravel()[:5] = [period, period + 1, period - 1, np.nextafter(np.float32(period + 1), 0), 0.0]
    position[7] = 2.0  # a row where nothing near period 0 is selected
    bins = rng.integers(0, COUNT, position.shape).astype(np.uint8)
    weight, rows = gabor_selection.period_weights(position, period, bins, COUNT)
    expected_weight, expected_rows = _numpy_period_weights(position, period, bins, COUNT)
    assert weight.dtype == np.float32 and np.array_equal(weight, expected_weight)
    assert np.array_equal(np.signbit(weight), np.signbit(expected_weight))
    assert np.array_equal(rows, expected_rows)


@pytest.mark.parametrize("seed", range(4))
def test_accumulate_is_numpys(seed):
    rng = np.random.default_rng(seed)
    response, selected = (rng.normal(0, 10.0 ** rng.integers(-3, 4), (29, 37)).astype(np.float32)
                          for _ in range(2))
    weight = np.maximum(rng.uniform(-0.5, 1, response.shape), 0).astype(np.float32)
    expected = response + selected * weight
    gabor_selection.accumulate(response, selected, weight)
    assert np.array_equal(response, expected)


@pytest.mark.parametrize("seed", range(4))
def test_place_is_numpys_combine_and_masked_copy(seed):
    rng = np.random.default_rng(seed)
    height, width, start, stop, low = 40, 33, 9, 27, 4
    even, odd = (rng.normal(0, 1, (30, width)).astype(np.float32) for _ in range(2))
    bins = rng.integers(0, COUNT, (height, width)).astype(np.uint8)
    members = {3: gabor_selection.EVEN_MINUS_ODD, 13: gabor_selection.EVEN_PLUS_ODD, 0: gabor_selection.EVEN_ONLY}
    roles = np.zeros(COUNT, np.uint8)
    expected = rng.normal(0, 1, (height, width)).astype(np.float32)
    out = expected.copy()
    for k, role in members.items():
        roles[k] = role
        response = {gabor_selection.EVEN_MINUS_ODD: even - odd, gabor_selection.EVEN_PLUS_ODD: even + odd,
                    gabor_selection.EVEN_ONLY: even}[role]
        np.copyto(expected[start:stop], response[start - low : stop - low], where=bins[start:stop] == k)
    gabor_selection.place(out, even, odd, bins, roles, start, stop, low)
    assert np.array_equal(out, expected)


def _python_pass_windows(rows, groups, radius):
    """The windows as the enhancement first computed them: flatnonzero, then runs split where the gap is large."""
    height = rows.shape[1]
    windows, group_start = [], []
    for members in groups:
        group_start.append(len(windows))
        found = np.flatnonzero(rows[members].any(axis=0))
        if not len(found):
            continue
        breaks = np.flatnonzero(found[1:] - found[:-1] > 2 * radius + 1)
        starts = [int(found[0]), *found[breaks + 1].tolist()]
        stops = [*(found[breaks] + 1).tolist(), int(found[-1]) + 1]
        windows += [[a, b, max(0, a - radius), min(height, b + radius)] for a, b in zip(starts, stops, strict=True)]
    return windows, [*group_start, len(windows)]


@pytest.mark.parametrize("seed", range(8))
def test_pass_windows_are_the_runs_of_the_selected_rows_with_disjoint_contexts(seed):
    rng = np.random.default_rng(seed)
    height, radius = int(rng.integers(1, 120)), int(rng.integers(1, 9))
    # sparse rows with long gaps, dense rows, and groups that select nothing
    rows = rng.random((COUNT, height)) < rng.choice([0.01, 0.05, 0.3])
    groups = rng.random((int(rng.integers(1, 12)), COUNT)) < 0.2
    groups[0] = False
    windows, group_start = gabor_selection.pass_windows(rows, groups, radius)
    assert (windows, group_start) == _python_pass_windows(rows, groups, radius)
    for g in range(len(groups)):
        mine = windows[group_start[g] : group_start[g + 1]]
        assert all(a[3] < b[2] for a, b in itertools.pairwise(mine))  # the row passes of one group never overlap


@pytest.mark.parametrize("seed", range(6))
def test_bins_and_positions_are_numpys_rint_and_interp(seed):
    rng = np.random.default_rng(seed)
    periods = np.asarray([7.0, 9.0, 11.5], np.float32) / (1 + seed % 2)  # the bank's periods, and at half size
    theta = rng.uniform(0, np.pi, (37, 29)).astype(np.float32)
    theta.ravel()[:4] = [0.0, np.nextafter(np.float32(np.pi), 0), np.float32(np.pi / COUNT / 2), np.float32(np.pi / 2)]
    period = rng.uniform(periods[0] - 2, periods[-1] + 2, theta.shape).astype(np.float32)
    period.ravel()[:6] = [*periods, np.nextafter(periods[0], 0), np.nextafter(periods[-1], 99), 1e-3]
    bins, position = gabor_selection.bins_and_positions(theta, period, COUNT, periods)
    index = np.rint(theta * (COUNT / np.pi)).astype(np.intp)
    index[index >= COUNT] -= COUNT
    expected = np.interp(period, periods, np.arange(len(periods))).astype(np.float32)
    assert bins.dtype == np.uint8 and np.array_equal(bins, index.astype(np.uint8))
    assert position.dtype == np.float32 and np.array_equal(position, expected)
    assert np.array_equal(np.signbit(position), np.signbit(expected))
