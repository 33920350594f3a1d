"""The small protocol every engine under evaluation implements, and a two-stage base class for it.

An engine turns an image into something comparable once (``prepare``: decode + extract) and then scores
pairs of those (``score``: higher = more similar). The harness splits ``prepare`` into ``extract`` (run in a
worker process; its result must pickle) and ``load`` (run where the scores are computed), so that engines
whose comparable form lives in native memory (NBIS) can still extract in parallel.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from enrollment.errors import EnrollmentError
from enrollment.template.model import Template


class EngineUnavailable(EnrollmentError):
    """The engine asked for cannot run here (a part not merged yet, a package not installed)."""


@runtime_checkable
class Engine(Protocol):
    name: str
    description: str

    def prepare(self, path: Path, dpi: int | None = None) -> Any: ...

    def score(self, a: Any, b: Any) -> float: ...


class TwoStageEngine(ABC):
    """Base for the engines here: ``prepare = load(extract(path))``, see the module docstring.

    Subclasses implement ``extract`` and ``score``; ``load`` defaults to the identity. ``from_template`` makes
    a comparable object from a minutia template (synthetic galleries in ``zuil bench speed``); engines that
    compare images, not minutiae, leave it unsupported.
    """

    name = "?"
    description = "?"

    @abstractmethod
    def extract(self, path: Path, dpi: int | None = None) -> Any:
        """Decode and extract the image at ``path`` once (picklable result, for worker processes)."""

    def load(self, extracted: Any) -> Any:
        return extracted

    def prepare(self, path: Path, dpi: int | None = None) -> Any:
        return self.load(self.extract(path, dpi))

    @abstractmethod
    def score(self, a: Any, b: Any) -> float:
        """Similarity of two prepared items; higher is more alike."""

    def named_thresholds(self) -> dict[str, float]:
        """Thresholds the engine ships with, by name (e.g. ``FMR_1_IN_1000``), to check them on a dataset."""
        return {}

    def gallery_index_class(self) -> type | None:
        """The engine's 1:N index class (``add``/``rebuild``/``search``), or None: 1:N is then a loop of 1:1."""
        return None

    def from_template(self, template: Template) -> Any:
        raise EngineUnavailable(f"the {self.name} engine compares images; it cannot load a minutia template")

