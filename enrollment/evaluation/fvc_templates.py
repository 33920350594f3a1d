"""Templates of the project's extractor for the images of FVC-style sets, each at its set's resolution.

One loader for every consumer of real prints as templates (the identification benchmark pairs them into
persons, the calibration scores every pair): a set named in ``parameters.FVC_SET_DPI`` is read at that
resolution (FVC2002 DB2_B's files say 500 dpi, the sensor is 569), any other at the images' own.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from enrollment.evaluation import parameters
from enrollment.evaluation.engines.zuil import ZuilEngine
from enrollment.evaluation.protocol import Sample, load_dataset
from enrollment.evaluation.scoring import prepare_images
from enrollment.template.model import Template


class TemplateEngine(ZuilEngine):
    """The zuil extractor, keeping templates as they are (consumers prepare them themselves)."""

    def load(self, extracted: Template) -> Template:
        return extracted


@dataclass(frozen=True)
class SetTemplates:
    """The templates of one set in (finger, impression) order, and the images that gave none (with why)."""

    name: str
    templates: tuple[tuple[Sample, Template], ...]
    failures: tuple[str, ...]


def set_templates(folder: Path, *, workers: int = parameters.WORKERS, progress: bool = False) -> SetTemplates:
    """Extract every ``<finger>_<impression>`` image of ``folder`` once, at the set's resolution."""
    data = load_dataset(folder)
    name = Path(folder).name
    prepared = prepare_images(TemplateEngine(), [s.path for s in data.samples],
                              parameters.FVC_SET_DPI.get(name, data.dpi), workers=workers, progress=progress)
    failures = tuple(f"{data.samples[i].path.name} of {name}: {why}" for i, why in sorted(prepared.failures.items()))
    kept = tuple((s, t) for s, t in zip(data.samples, prepared.items, strict=True) if t is not None)
    return SetTemplates(name, kept, failures)
