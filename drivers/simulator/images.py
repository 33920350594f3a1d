"""Where the simulator's finger images come from: the project's synthetic generator, a small internal ridge
pattern (quick to render, for tests) or image files.

Every source yields sensor-sized (288 x 256) uint8 images and an identity string that stays the same for
every press of the same finger (the simulator's "matcher" compares identities).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Protocol

import numpy as np

from drivers.zfm import parameters as p

_IMAGE_SUFFIXES = (".png", ".bmp", ".tif", ".tiff", ".jpg", ".jpeg", ".pgm")
SENSOR_SHAPE = (p.IMAGE_HEIGHT, p.IMAGE_WIDTH)


class ImageSource(Protocol):
    def next_press(self) -> tuple[np.ndarray, str]:
        """One press: a 288 x 256 uint8 image and the identity of the finger."""
        ...


def fit_to_sensor(image: np.ndarray) -> np.ndarray:
    """Centre-crop (or pad with the image's own background) to 256 x 288 without scaling, so a 500 dpi
    image stays 500 dpi, as the sensor's window over a larger finger would."""
    h, w = image.shape
    background = int(np.median(np.concatenate([image[0], image[-1], image[:, 0], image[:, -1]])))
    out = np.full(SENSOR_SHAPE, background, np.uint8)
    src_top, src_left = max(0, (h - p.IMAGE_HEIGHT) // 2), max(0, (w - p.IMAGE_WIDTH) // 2)
    dst_top, dst_left = max(0, (p.IMAGE_HEIGHT - h) // 2), max(0, (p.IMAGE_WIDTH - w) // 2)
    ch, cw = min(h, p.IMAGE_HEIGHT), min(w, p.IMAGE_WIDTH)
    out[dst_top:dst_top + ch, dst_left:dst_left + cw] = image[src_top:src_top + ch, src_left:src_left + cw]
    return out


def quantise(image: np.ndarray) -> np.ndarray:
    """What the sensor can send: 16 grey levels, widened back to 0..255."""
    return ((image >> 4) * 17).astype(np.uint8)


class DirectorySource:
    """Cycles the image files (500 dpi) of a directory, cropped to the sensor; the file name is the identity."""

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)
        self._files = sorted(f for f in self.directory.iterdir() if f.suffix.lower() in _IMAGE_SUFFIXES)
        if not self._files:
            raise FileNotFoundError(f"no images ({', '.join(_IMAGE_SUFFIXES)}) in {self.directory}")
        self._next = 0

    def next_press(self) -> tuple[np.ndarray, str]:
        path = self._files[self._next % len(self._files)]
        self._next += 1
        from enrollment.imaging.decode import load_image  # here: it loads OpenCV, which `zuil --version` must not

        grey = load_image(path).array  # the project's bounded, checked decoder: a FIFO or a huge file is refused
        return fit_to_sensor(grey), f"file:{path.name}"


class GeneratorSource:
    """Impressions of the project's synthetic population (``enrollment.synthesis``), rendered at sensor size.

    Presses go finger by finger, ``presses_per_finger`` presses (impressions) of each finger in a row, then the
    next finger, round the ``fingers`` again with later impressions. The generator is imported here, not at
    module level: it loads SciPy, which a driver that never simulates need not pay for."""

    def __init__(self, seed: int = 0, fingers: int = 4, presses_per_finger: int = 1) -> None:
        from enrollment.synthesis import generator

        self._gen = generator
        self._seed, self._fingers, self._repeat, self._press = seed, fingers, max(1, presses_per_finger), 0
        self._masters: dict[int, object] = {}

    def next_press(self) -> tuple[np.ndarray, str]:
        turn, within = divmod(self._press, self._repeat)
        index, round_ = turn % self._fingers, turn // self._fingers
        impression = round_ * self._repeat + within
        self._press += 1
        if index not in self._masters:
            self._masters[index] = self._gen.synthesize_master(self._seed, index)
        rendered = self._gen.render_impression(self._masters[index], self._seed, impression,
                                               p.IMAGE_WIDTH, p.IMAGE_HEIGHT)
        image = np.asarray(rendered.image, dtype=np.uint8)
        if image.shape != SENSOR_SHAPE:
            image = fit_to_sensor(image)
        return image, f"synthesis:{self._seed}:{index}"


def default_source(seed: int = 0, images: str | Path | None = None) -> ImageSource:
    """Images from the directory ``images`` if given, else four fingers of the project's synthetic generator."""
    if images:
        return DirectorySource(images)
    return GeneratorSource(seed, fingers=4)


def identity_digest(identity: str) -> bytes:
    return hashlib.sha256(identity.encode()).digest()
