"""Synthetic minutia-level galleries for the 1:N speed benchmark, and mated two-finger probes.

Minutiae come from ``enrollment.synthesis.population``: templates with realistic counts and spatial structure
made without rendering images, and "second impressions" of them (rigid motion, elastic jitter, dropped and
spurious minutiae). Good for timing and for checking that a search finds its mate; not for accuracy figures.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from tqdm import tqdm

from enrollment.evaluation import parameters
from enrollment.synthesis import perturb_template, synthesize_minutiae
from enrollment.template.model import Template


@dataclass(frozen=True)
class Population:
    subjects: list[dict[int, Template]]  # one dict per subject: ISO finger position -> template
    source: str  # where the minutiae came from, for the report

    @property
    def finger_count(self) -> int:
        return sum(len(s) for s in self.subjects)


def synthesize(fingers: int, seed: int = parameters.SPEED_SEED, progress: bool = False) -> Population:
    """``fingers`` synthetic fingers as fingers/2 subjects with the two probe positions each."""
    positions = parameters.PROBE_POSITIONS
    subjects_count = max(1, fingers // len(positions))
    total = subjects_count * len(positions)
    flat = list(tqdm(synthesize_minutiae(total, seed), total=total, desc="synthetic gallery", unit="finger",
                     disable=not progress, leave=False))
    subjects = [
        {position: _with_position(flat[s * len(positions) + k], position) for k, position in enumerate(positions)}
        for s in range(subjects_count)
    ]
    return Population(subjects, f"enrollment.synthesis.synthesize_minutiae (seed {seed})")


def mated_probe(population: Population, subject: int, seed: int) -> dict[int, Template]:
    """A fresh impression of each finger of ``subject`` (a search that should find that subject)."""
    return {
        position: _with_position(perturb_template(template, np.random.default_rng((seed, subject, position))),
                                 position)
        for position, template in population.subjects[subject].items()
    }


def _with_position(template: Template, position: int) -> Template:
    if template.finger_position == position:
        return template
    return Template.create(
        width=template.width, height=template.height, positions=template.positions,
        directions=template.directions, kinds=template.kinds, reliability=template.reliability,
        resolution_dpi=template.resolution_dpi, quality=template.quality, finger_position=position,
    )
