"""BASELINE engine: band-limited phase correlation of whole images. A yardstick, not a fingerprint matcher.

It exists so that the harness runs end to end before the real extractor and matcher land, and so that every
figure of the real engine has a floor to be read against. Method: the image is brought to 500 dpi, shrunk by
a third, centred in a 128x128 square, normalised and windowed; its Fourier spectrum is whitened (phase only)
and band-limited to ridge frequencies. The score of a pair is the height of the phase-correlation peak
(0..1): high when one image is a translated copy of the other. It ignores rotation and skin distortion and
uses no minutiae, which is exactly why it is a baseline.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

from enrollment.evaluation import parameters
from enrollment.evaluation.engines.base import TwoStageEngine
from enrollment.evaluation.images import read_grey


def _band_mask(size: int) -> np.ndarray:
    freq = np.fft.fftfreq(size) * 2  # fraction of Nyquist
    radius = np.hypot(freq[:, None], freq[None, :])
    low, high = parameters.BASELINE_BAND
    return (radius >= low) & (radius <= high)


class BaselineEngine(TwoStageEngine):
    name = "baseline"
    description = "BASELINE phase correlation of whole images (no minutiae; a yardstick, not a matcher)"

    def __init__(self) -> None:
        self._mask = _band_mask(parameters.BASELINE_SIZE)
        self._bins = int(self._mask.sum())

    def extract(self, path: Path, dpi: int | None = None) -> np.ndarray:
        array, own_dpi = read_grey(path)
        return self.spectrum(array, dpi or own_dpi)

    def spectrum(self, array: np.ndarray, dpi: int) -> np.ndarray:
        """The whitened, band-limited spectrum (complex64, size x size) of one grey image."""
        size = parameters.BASELINE_SIZE
        factor = parameters.BASELINE_SCALE * parameters.DEFAULT_DPI / dpi
        height, width = array.shape
        new_w, new_h = max(1, round(width * factor)), max(1, round(height * factor))
        small = np.asarray(Image.fromarray(array).resize((new_w, new_h), Image.Resampling.BILINEAR), np.float32)
        canvas = np.full((size, size), small.mean(), dtype=np.float32)
        top, left = (size - new_h) // 2, (size - new_w) // 2
        src_top, src_left = max(0, -top), max(0, -left)
        dst_top, dst_left = max(0, top), max(0, left)
        h, w = min(new_h - src_top, size - dst_top), min(new_w - src_left, size - dst_left)
        canvas[dst_top : dst_top + h, dst_left : dst_left + w] = small[src_top : src_top + h, src_left : src_left + w]
        canvas = (canvas - canvas.mean()) / (canvas.std() + 1e-6)
        window = np.hanning(size).astype(np.float32)
        spectrum = np.fft.fft2(canvas * np.outer(window, window))
        spectrum = spectrum / (np.abs(spectrum) + 1e-6)
        spectrum[~self._mask] = 0
        return spectrum.astype(np.complex64)

    def score(self, a: np.ndarray, b: np.ndarray) -> float:
        correlation = np.fft.ifft2(a * np.conj(b)).real
        return float(correlation.max() * a.size / self._bins)
