"""The engines the harness can evaluate, by name: ``zuil`` (ours), ``baseline`` (a yardstick), ``nbis`` (NIST)."""

from __future__ import annotations

from enrollment.evaluation.engines.base import Engine, EngineUnavailable, TwoStageEngine
from enrollment.evaluation.engines.baseline import BaselineEngine
from enrollment.evaluation.engines.nbis import NbisEngine
from enrollment.evaluation.engines.zuil import ZuilEngine

ENGINES: dict[str, type[TwoStageEngine]] = {"zuil": ZuilEngine, "baseline": BaselineEngine, "nbis": NbisEngine}
AUTO = "auto"


def get_engine(name: str) -> TwoStageEngine:
    """The engine called ``name``; ``auto`` is ``zuil`` when its parts are present, else ``baseline``."""
    if name == AUTO:
        try:
            return ZuilEngine()
        except EngineUnavailable:
            return BaselineEngine()
    if name not in ENGINES:
        raise EngineUnavailable(f"unknown engine {name!r}; choose one of {', '.join(ENGINES)}")
    return ENGINES[name]()


__all__ = ["AUTO", "ENGINES", "BaselineEngine", "Engine", "EngineUnavailable", "NbisEngine", "ZuilEngine",
           "get_engine"]
