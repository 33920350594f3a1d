"""Fixtures of the evaluation tests: small fingerprint-like images drawn here, seeded."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

SIZE = 160


def ridge_pattern(finger: int) -> np.ndarray:
    """A ridge-like labyrinth unique to ``finger``: the sign of a sum of a few random plane waves (float 0..1)."""
    rng = np.random.default_rng(1000 + finger)
    y, x = np.mgrid[0 : SIZE + 40, 0 : SIZE + 40].astype(np.float64)
    field = np.zeros_like(x)
    for _ in range(6):
        angle = rng.uniform(0, np.pi)
        period = rng.uniform(8, 11)
        phase = rng.uniform(0, 2 * np.pi)
        field += np.cos(2 * np.pi * (x * np.cos(angle) + y * np.sin(angle)) / period + phase)
    return 1.0 / (1.0 + np.exp(-3 * field))


def impression(finger: int, number: int) -> np.ndarray:
    """One impression: the finger's pattern shifted a few pixels, with sensor noise, as 8-bit grey."""
    rng = np.random.default_rng(finger * 100 + number)
    dx, dy = rng.integers(0, 12, size=2)
    pattern = ridge_pattern(finger)[dy : dy + SIZE, dx : dx + SIZE]
    noisy = 40 + 170 * (1 - pattern) + rng.normal(0, 12, pattern.shape)
    return np.clip(noisy, 0, 255).astype(np.uint8)


def write_set(folder: Path, fingers: int, impressions: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for f in range(1, fingers + 1):
        for i in range(1, impressions + 1):
            Image.fromarray(impression(f, i)).save(folder / f"{100 + f}_{i}.png", dpi=(500, 500))
    return folder


@pytest.fixture
def drawn_set(tmp_path: Path) -> Path:
    """Four fingers x three impressions drawn as PNG, FVC-style names (101_1.png ...)."""
    return write_set(tmp_path / "drawn", 4, 3)


@pytest.fixture(scope="session")
def synthetic_set(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three synthetic fingers x three impressions from ``zuil synth`` (PNG + manifest.json), made once."""
    from click.testing import CliRunner

    from kiosk.cli import main

    folder = tmp_path_factory.mktemp("synthetic") / "set"
    result = CliRunner().invoke(main, ["synth", "--fingers", "3", "--impressions", "3", "--seed", "7",
                                       "--out", str(folder)])
    assert result.exit_code == 0, result.output
    return folder
