from __future__ import annotations

import cv2
import numpy as np
import pytest

from enrollment.synthesis import parameters as p
from enrollment.synthesis.generator import master_class, render_impression, synthesize_dataset, synthesize_master

SEED = 20261129  # the seed of the shared ``masters`` fixture (tests/enrollment/synthesis/conftest.py)


def test_same_seed_gives_byte_identical_images(masters):
    assert masters[0].seed == SEED
    again = synthesize_master(SEED, 0)
    assert np.array_equal(again.pattern, masters[0].pattern)
    first = render_impression(masters[0], SEED, 2).image
    second = render_impression(again, SEED, 2).image
    assert first.tobytes() == second.tobytes()


def test_different_seeds_fingers_and_impressions_differ(masters):
    assert not np.array_equal(masters[0].pattern, masters[1].pattern)
    other_population = synthesize_master(SEED + 1, 0)
    assert not np.array_equal(other_population.pattern, masters[0].pattern)
    a = render_impression(masters[0], SEED, 0).image
    b = render_impression(masters[0], SEED, 1).image
    c = render_impression(masters[0], SEED + 1, 0).image
    assert not np.array_equal(a, b)
    assert not np.array_equal(a, c)


def test_negative_seed_is_refused():
    with pytest.raises(ValueError):
        synthesize_master(-1, 0)


def _dominant_period(image: np.ndarray) -> float:
    """Ridge period (px): the peak of the radially averaged spectrum of the Hann-windowed image."""
    h, w = image.shape
    window = (image - image.mean()) * np.outer(np.hanning(h), np.hanning(w))
    n = 512  # zero padding for a fine frequency grid
    spectrum = np.abs(np.fft.fftshift(np.fft.fft2(window, s=(n, n))))
    fy, fx = np.mgrid[-n // 2 : n // 2, -n // 2 : n // 2]
    radius = np.rint(np.hypot(fx, fy)).astype(int)
    spectrum[radius < n // 20] = 0  # periods above 20 px: the print's outline and illumination, not ridges
    profile = np.bincount(radius.ravel(), spectrum.ravel()) / np.maximum(1, np.bincount(radius.ravel()))
    return n / int(np.argmax(profile))


def test_image_statistics_look_like_a_live_scan(masters):
    for master in masters:
        for k in range(2):
            image = render_impression(master, SEED, k).image
            assert image.dtype == np.uint8
            assert image.shape == (p.IMPRESSION_HEIGHT, p.IMPRESSION_WIDTH)
            assert 130 < image.mean() < 235
            assert np.percentile(image, 2) < 80 and np.percentile(image, 98) > 215  # dark ridges, light paper
            foreground = (cv2.GaussianBlur(255 - image, (0, 0), 8) > 40).mean()
            assert 0.25 < foreground < 0.9
            assert 8.0 <= _dominant_period(image) <= 11.5


def test_sample_real_print_passes_the_same_period_check(sourceafis_samples):
    """The FFT check itself is sound: it finds the 500 dpi ridge period on a real print."""
    real = cv2.imread(str(sourceafis_samples / "probe.png"), cv2.IMREAD_GRAYSCALE)
    assert 8.0 <= _dominant_period(real) <= 11.5


def test_size_is_configurable(masters):
    image = render_impression(masters[0], SEED, 0, width=256, height=300).image
    assert image.shape == (300, 256)
    with pytest.raises(ValueError):
        render_impression(masters[0], SEED, 0, width=10, height=300)


def test_class_frequencies_match_the_natural_ones():
    draws = [master_class(7, index) for index in range(4000)]
    for name, expected in p.CLASS_FREQUENCIES.items():
        assert abs(draws.count(name) / len(draws) - expected) < 0.03, name


def test_master_class_is_the_class_of_the_master(masters):
    for master in masters:
        assert master_class(SEED, master.index) == master.fingerprint_class


def _best_match(a: np.ndarray, b: np.ndarray, half: int = 72) -> float:
    """Highest normalised correlation of a patch on a's print, anywhere in b rotated by -40..40 degrees."""
    a, b = a.astype(np.float32), b.astype(np.float32)
    h, w = a.shape
    ink = cv2.GaussianBlur((a < 128).astype(np.float32), (0, 0), 24)
    y, x = np.unravel_index(np.argmax(ink), ink.shape)
    y, x = int(np.clip(y, half, h - half)), int(np.clip(x, half, w - half))
    patch = a[y - half : y + half, x - half : x + half]
    best = -1.0
    for angle in range(-40, 41, 4):
        rotation = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
        turned = cv2.warpAffine(b, rotation, (w, h), borderValue=255)
        best = max(best, float(cv2.matchTemplate(turned, patch, cv2.TM_CCOEFF_NORMED).max()))
    return best


def test_impressions_of_one_finger_match_better_than_of_different_fingers(masters):
    images = [[render_impression(m, SEED, k).image for k in range(2)] for m in masters]
    n = len(masters)
    genuine = [_best_match(images[i][0], images[i][1]) for i in range(n)]
    impostor = [_best_match(images[i][0], images[j][1]) for i in range(n) for j in range(n) if i != j]
    assert min(genuine) > max(impostor), (genuine, impostor)
    assert np.mean(genuine) > np.mean(impostor) + 0.2, (genuine, impostor)


def test_dataset_walks_fingers_then_impressions():
    items = list(synthesize_dataset(2, 2, seed=3, width=128, height=128))
    assert [(i.finger, i.impression) for i in items] == [(0, 0), (0, 1), (1, 0), (1, 1)]
    assert all(i.image.shape == (128, 128) for i in items)
    assert items[0].describe()["knobs"]["pressure"] == items[0].knobs.pressure
