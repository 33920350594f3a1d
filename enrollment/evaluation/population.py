"""Synthetic minutia-level galleries for the 1:N speed benchmark, and mated two-finger probes.

The population comes from ``enrollment.synthesis.population`` (``synthesize_minutiae`` / ``perturb_template``)
when that part is present: minutia sets with realistic counts and spatial structure. Without it, a plain
fallback is used and reported as such: uniformly scattered minutiae in a 388x374 frame, and probes made by a
small rotation, translation and jitter with a few minutiae dropped. Fine for timing, not for accuracy.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from tqdm import tqdm

from enrollment.evaluation import parameters
from enrollment.template.model import Template

_WIDTH, _HEIGHT = 388, 374


@dataclass(frozen=True)
class Population:
    subjects: list[dict[int, Template]]  # one dict per subject: ISO finger position -> template
    source: str  # where the minutiae came from, for the report

    @property
    def finger_count(self) -> int:
        return sum(len(s) for s in self.subjects)


def _generator():
    try:
        from enrollment.synthesis import population
    except ImportError:
        return None
    if hasattr(population, "synthesize_minutiae") and hasattr(population, "perturb_template"):
        return population
    return None


def _fallback_finger(rng: np.random.Generator, position: int) -> Template:
    n = parameters.FALLBACK_MINUTIAE
    return Template.create(
        width=_WIDTH, height=_HEIGHT,
        positions=np.column_stack([rng.uniform(20, _WIDTH - 20, n), rng.uniform(20, _HEIGHT - 20, n)]),
        directions=rng.uniform(0, 2 * math.pi, n), kinds=rng.integers(1, 3, n), reliability=rng.integers(30, 90, n),
        quality=60, finger_position=position,
    )


def _fallback_perturb(template: Template, rng: np.random.Generator) -> Template:
    angle = rng.normal(0, 0.15)
    shift = rng.normal(0, 10, 2)
    centre = np.array([_WIDTH / 2, _HEIGHT / 2])
    rotation = np.array([[math.cos(angle), math.sin(angle)], [-math.sin(angle), math.cos(angle)]])
    points = (template.positions.astype(float) - centre) @ rotation.T + centre + shift
    points += rng.normal(0, 2, (len(template), 2))
    keep = (rng.random(len(template)) > 0.15) & (points[:, 0] >= 0) & (points[:, 0] < _WIDTH)
    keep &= (points[:, 1] >= 0) & (points[:, 1] < _HEIGHT)
    return Template.create(
        width=_WIDTH, height=_HEIGHT, positions=points[keep],
        directions=(template.directions.astype(float) + angle + rng.normal(0, 0.1, len(template)))[keep],
        kinds=template.kinds[keep], reliability=template.reliability[keep], quality=template.quality,
        finger_position=template.finger_position,
    )


def synthesize(fingers: int, seed: int = parameters.SPEED_SEED, progress: bool = False) -> Population:
    """``fingers`` synthetic fingers as fingers/2 subjects with the two probe positions each."""
    positions = parameters.PROBE_POSITIONS
    subjects_count = max(1, fingers // len(positions))
    generator = _generator()
    if generator is not None:
        total = subjects_count * len(positions)
        flat = list(tqdm(generator.synthesize_minutiae(total, seed), total=total, desc="synthetic gallery",
                         unit="finger", disable=not progress, leave=False))
        source = "enrollment.synthesis.population.synthesize_minutiae"
    else:
        rng = np.random.default_rng(seed)
        flat = [_fallback_finger(rng, 0) for _ in range(subjects_count * len(positions))]
        source = f"fallback: {parameters.FALLBACK_MINUTIAE} uniformly scattered minutiae per finger"
    subjects = []
    for s in range(subjects_count):
        fingers_of = {}
        for k, position in enumerate(positions):
            template = flat[s * len(positions) + k]
            fingers_of[position] = _with_position(template, position)
        subjects.append(fingers_of)
    return Population(subjects, source)


def mated_probe(population: Population, subject: int, seed: int) -> dict[int, Template]:
    """A fresh impression of each finger of ``subject`` (a search that should find that subject)."""
    generator = _generator()
    rng = np.random.default_rng(seed)
    probe = {}
    for position, template in population.subjects[subject].items():
        if generator is not None:
            impression = generator.perturb_template(template, np.random.default_rng((seed, subject, position)))
            probe[position] = _with_position(impression, position)
        else:
            probe[position] = _fallback_perturb(template, rng)
    return probe


def _with_position(template: Template, position: int) -> Template:
    if template.finger_position == position:
        return template
    return Template.create(
        width=template.width, height=template.height, positions=template.positions,
        directions=template.directions, kinds=template.kinds, reliability=template.reliability,
        resolution_dpi=template.resolution_dpi, quality=template.quality, finger_position=position,
    )
