"""The real template set calibration is fitted on: the images of FVC-style sets (one folder per sensor, e.g.
FVC2002 DB1_B .. DB4_B), extracted by the project's extractor at each set's resolution, labelled
``<set>/<finger>``; and which of its impostor pairs come from one sensor.

The kiosk compares prints of one scanner model, so the impostors calibration is fitted on are the pairs of
different fingers *within* a set. Pairs across sets (two sensors, two resolutions) score lower (on FVC2002 B the
1/1,000 quantile was 0.0241 within sets and 0.0221 across them on 2026-12-01); they are only a check.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from enrollment.evaluation.protocol import DatasetError
from enrollment.template.model import Template


def real_templates(root: Path, *, workers: int = 2, progress: bool = False
                   ) -> tuple[list[tuple[str, Template]], list[str]]:
    """Templates of every set folder under ``root`` (sorted by name), labelled ``<set>/<finger>``, and the
    images that gave no template (with why)."""
    from enrollment.evaluation.fvc_templates import set_templates

    folders = sorted(d for d in Path(root).iterdir() if d.is_dir())
    if not folders:
        raise DatasetError(f"no set folders (e.g. DB1_B) under {root}")
    labelled: list[tuple[str, Template]] = []
    failures: list[str] = []
    for folder in folders:
        loaded = set_templates(folder, workers=workers, progress=progress)
        labelled += [(f"{loaded.name}/{sample.finger}", template) for sample, template in loaded.templates]
        failures += loaded.failures
    return labelled, failures


def sensor_of(label: str) -> str:
    """The set (sensor) of a ``<set>/<finger>`` label."""
    return label.rsplit("/", 1)[0]


def sensors(labelled: list[tuple[str, Template]]) -> np.ndarray:
    """The set of each template, in order."""
    return np.array([sensor_of(label) for label, _ in labelled])


def same_sensor(labelled: list[tuple[str, Template]], pairs: np.ndarray) -> np.ndarray:
    """For each impostor pair (indices into ``labelled``), whether both prints come from one set."""
    of = sensors(labelled)
    return of[pairs[:, 0]] == of[pairs[:, 1]]
