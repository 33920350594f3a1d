"""Shared test fixtures: paths to the public sample data, seeded randomness, offscreen Qt."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = PROJECT_ROOT.parent / "shared" / "data"
SOURCEAFIS_SAMPLES = SHARED_DATA / "sourceafis-samples"


@pytest.fixture
def sourceafis_samples() -> Path:
    """The public SourceAFIS sample images and ISO templates; skips clearly when they are absent."""
    if not (SOURCEAFIS_SAMPLES / "probe.png").exists():
        pytest.skip(f"public sample set not found at {SOURCEAFIS_SAMPLES} (see ../shared/data/README.md)")
    return SOURCEAFIS_SAMPLES
