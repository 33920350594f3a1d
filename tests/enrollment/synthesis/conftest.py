"""Masters are the expensive part (~0.5 s each): build the few the tests share once per session."""

from __future__ import annotations

import pytest

from enrollment.synthesis.generator import MasterFinger, synthesize_master

SEED = 20261129


@pytest.fixture(scope="session")
def masters() -> list[MasterFinger]:
    return [synthesize_master(SEED, index) for index in range(4)]
