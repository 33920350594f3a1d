"""The engines the harness can evaluate, by name: ``zuil`` (ours), ``baseline`` (a yardstick), ``nbis`` (NIST)."""

from __future__ import annotations

from enrollment.evaluation.engines.base import Engine, EngineUnavailable, TwoStageEngine
from enrollment.evaluation.engines.baseline import BaselineEngine
from enrollment.evaluation.engines.nbis import NbisEngine
from enrollment.evaluation.engines.zuil import ZuilEngine

ENGINES: dict[str, type[TwoStageEngine]] = {"zuil": ZuilEngine, "baseline": BaselineEngine, "nbis": NbisEngine}
DEFAULT_ENGINE = "zuil"


def get_engine(name: str) -> TwoStageEngine:
    """The engine called ``name``; raises :class:`EngineUnavailable` for an unknown or unusable one."""
    if name not in ENGINES:
        raise EngineUnavailable(f"unknown engine {name!r}; choose one of {', '.join(ENGINES)}")
    return ENGINES[name]()


__all__ = ["DEFAULT_ENGINE", "ENGINES", "BaselineEngine", "Engine", "EngineUnavailable", "NbisEngine", "ZuilEngine",
           "get_engine"]
