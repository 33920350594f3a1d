"""A quick synthetic finger for the simulator in tests: concentric ridges about a core, bent by smooth noise, with
minutiae made by phase singularities. Not the product's source (that is the project's generator,
:class:`drivers.simulator.images.GeneratorSource`): these presses render in milliseconds, so driver tests do
not wait on synthesis."""

from __future__ import annotations

import numpy as np
from PIL import Image

from drivers.zfm import parameters as p


class RidgePatternSource:
    """A small internal synthetic finger: concentric ridges about a core, bent by smooth noise, with minutiae
    made by phase singularities (an added arctangent term splits or ends a ridge). ``fingers`` distinct
    fingers are cycled; each press shifts, turns and re-noises the finger slightly."""

    def __init__(self, seed: int = 0, fingers: int = 1) -> None:
        self._rng = np.random.default_rng(seed)
        self._fingers = [self._finger(seed * 1000 + i) for i in range(fingers)]
        self._next = 0

    @staticmethod
    def _finger(seed: int) -> dict:
        rng = np.random.default_rng(seed)
        return {
            "id": f"ridge-pattern:{seed}",
            "core": (rng.uniform(110, 150), rng.uniform(120, 170)),
            "period": rng.uniform(8.0, 10.0),
            "aspect": rng.uniform(0.55, 0.8),
            "minutiae": rng.uniform((30, 40), (226, 250), size=(int(rng.integers(25, 40)), 2)),
            "signs": rng.choice((-1.0, 1.0), size=40),
            "warp": rng.normal(0, 1, size=(4, 4)),
        }

    def next_press(self) -> tuple[np.ndarray, str]:
        finger = self._fingers[self._next % len(self._fingers)]
        self._next += 1
        return render_finger(finger, self._rng), finger["id"]


def render_finger(f: dict, rng: np.random.Generator) -> np.ndarray:
    dx, dy, turn = rng.normal(0, 4), rng.normal(0, 4), rng.normal(0, 0.05)
    ys, xs = np.mgrid[0:p.IMAGE_HEIGHT, 0:p.IMAGE_WIDTH].astype(np.float32)
    c, s = np.cos(turn), np.sin(turn)
    x = c * (xs - 128 - dx) - s * (ys - 144 - dy) + 128
    y = s * (xs - 128 - dx) + c * (ys - 144 - dy) + 144
    cx, cy = f["core"]
    warp = np.asarray(Image.fromarray(f["warp"].astype(np.float32)).resize(
        (p.IMAGE_WIDTH, p.IMAGE_HEIGHT), Image.Resampling.BICUBIC))
    radius = np.sqrt((x - cx) ** 2 + ((y - cy) * f["aspect"]) ** 2)
    phase = 2 * np.pi * radius / f["period"] + 1.5 * warp
    for (mx, my), sign in zip(f["minutiae"], f["signs"], strict=False):
        phase += sign * np.arctan2(y - my, x - mx)
    ridges = 0.5 + 0.5 * np.cos(phase)
    mask_r = ((x - 128) / 112) ** 2 + ((y - 150) / 140) ** 2
    mask = np.clip((1.0 - mask_r) * 6.0, 0.0, 1.0)
    grey = 235 - mask * (40 + 150 * ridges) + rng.normal(0, 6, size=x.shape)
    return np.clip(grey, 0, 255).astype(np.uint8)
