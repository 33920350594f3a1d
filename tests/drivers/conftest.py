"""A simulated ZFM scanner on a real pseudo-terminal, and the real driver connected to it."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from drivers.simulator import FaultPlan, PtySimulator, SimulatedZfm
from drivers.zfm.driver import ZfmScanner
from tests.drivers.ridge_source import RidgePatternSource


@pytest.fixture
def make_sim(tmp_path) -> Iterator[Callable[..., PtySimulator]]:
    """Start a simulator (keyword arguments go to SimulatedZfm); stopped after the test."""
    started: list[PtySimulator] = []

    def make(link: str = "ttyZFM", realtime: bool = False, **kwargs) -> PtySimulator:
        kwargs.setdefault("source", RidgePatternSource(seed=7, fingers=2))
        kwargs.setdefault("faults", FaultPlan())
        sim = PtySimulator(SimulatedZfm(**kwargs), tmp_path / link, realtime=realtime).start()
        started.append(sim)
        return sim

    yield make
    for sim in started:
        sim.stop()
        sim.device.close()


@pytest.fixture
def sim(make_sim) -> PtySimulator:
    return make_sim()


@pytest.fixture
def scanner(sim) -> Iterator[ZfmScanner]:
    s = ZfmScanner(str(sim.link_path))
    s.open()
    yield s
    s.close()
