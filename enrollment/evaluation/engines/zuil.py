"""Our own engine: ``enrollment.extraction.extract`` + ``enrollment.matching`` (prepare once, match pairs)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from enrollment.evaluation.engines.base import EngineUnavailable, TwoStageEngine
from enrollment.evaluation.images import read_grey
from enrollment.template.model import Template


class ZuilEngine(TwoStageEngine):
    name = "zuil"
    description = "Aanmeldzuil extractor + matcher"

    def __init__(self) -> None:
        try:
            from enrollment import extraction, matching
        except ImportError as exc:
            raise EngineUnavailable(
                f"the zuil engine could not load enrollment.extraction and enrollment.matching ({exc})"
            ) from exc
        self._extraction = extraction
        self._matching = matching

    def extract(self, path: Path, dpi: int | None = None) -> Template:
        array, own_dpi = read_grey(path)
        return self._extraction.extract(array, dpi=dpi or own_dpi)

    def load(self, extracted: Template) -> Any:
        return self._matching.prepare(extracted)

    def score(self, a: Any, b: Any) -> float:
        return float(self._matching.match(a, b))

    def from_template(self, template: Template) -> Any:
        return self._matching.prepare(template)

    def gallery_index_class(self) -> type | None:
        return getattr(self._matching, "GalleryIndex", None)

    def named_thresholds(self) -> dict[str, float]:
        try:
            from enrollment.matching import parameters
        except ImportError:
            return {}
        return {name: float(getattr(parameters, name)) for name in sorted(dir(parameters))
                if name.startswith("FMR_1_IN_") and isinstance(getattr(parameters, name), int | float)}
