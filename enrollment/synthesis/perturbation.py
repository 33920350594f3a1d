"""A "second impression" of a population template, so genuine pairs exist at scale.

Rigid motion (rotation, translation), elastic jitter that grows away from the centre (as plastic
distortion does), some minutiae dropped and some spurious ones added near the true ones, direction noise,
and endings and bifurcations swapping now and then (pressure changes which one a ridge shows).
Like :mod:`population`, this is for speed and scale tests, not for accuracy figures.
"""

from __future__ import annotations

import numpy as np

from enrollment.synthesis import parameters as p
from enrollment.synthesis.smooth_field import SmoothField
from enrollment.template.model import KIND_BIFURCATION, KIND_ENDING, Template


def perturb_template(template: Template, rng: np.random.Generator) -> Template:
    """A "second impression" of ``template``: moved, elastically jittered, minutiae dropped/added, noisy."""
    n = len(template)
    width, height = template.width, template.height
    centre = np.array([width / 2, height / 2])
    keep = rng.random(n) >= rng.uniform(*p.PERTURB_DROP)
    pos = template.positions[keep].astype(np.float64)
    dirs = template.directions[keep].astype(np.float64)
    kinds = template.kinds[keep].copy()
    rel = template.reliability[keep].astype(np.int64)
    # spurious minutiae near the true ones, following the flow of their nearest neighbour
    extra = round(n * rng.uniform(*p.PERTURB_ADD))
    if extra and len(pos):
        anchor = rng.integers(0, len(pos), extra)
        offset = rng.normal(0.0, 25.0, (extra, 2))
        pos = np.vstack([pos, pos[anchor] + offset])
        dirs = np.concatenate([dirs, dirs[anchor] + np.pi * rng.integers(0, 2, extra) + rng.normal(0, 0.3, extra)])
        kinds = np.concatenate([kinds, rng.choice([KIND_ENDING, KIND_BIFURCATION], extra)])
        rel = np.concatenate([rel, rng.integers(*p.POPULATION_RELIABILITY, extra)])
    # elastic jitter growing with distance from the centre, then a rigid motion
    fx, fy = SmoothField.random(rng, wavelength=(80.0, 200.0)), SmoothField.random(rng, wavelength=(80.0, 200.0))
    growth = np.hypot(*(pos - centre).T) / (0.5 * max(width, height))
    pos = pos + p.PERTURB_ELASTIC * growth[:, None] * np.stack([fx.at(*pos.T), fy.at(*pos.T)], axis=1)
    pos = pos + rng.normal(0.0, p.PERTURB_POSITION_NOISE, pos.shape)
    theta = rng.uniform(-p.PERTURB_ROTATION, p.PERTURB_ROTATION)
    c, s = np.cos(theta), np.sin(theta)
    pos = (pos - centre) @ np.array([[c, s], [-s, c]]) + centre + rng.uniform(-1, 1, 2) * p.PERTURB_TRANSLATION
    dirs = dirs - theta + rng.normal(0.0, p.PERTURB_DIRECTION_NOISE, len(dirs))
    flip = rng.random(len(kinds)) < p.PERTURB_TYPE_FLIP
    kinds = np.where(flip & (kinds == KIND_ENDING), KIND_BIFURCATION,
                     np.where(flip & (kinds == KIND_BIFURCATION), KIND_ENDING, kinds))
    rel = np.clip(rel + rng.integers(-15, 16, len(rel)), 0, 100)
    inside = np.all((pos >= 0) & (pos <= np.array([width, height]) - 1), axis=1)
    return Template.create(
        width=width, height=height, positions=pos[inside], directions=dirs[inside], kinds=kinds[inside],
        reliability=rel[inside], resolution_dpi=template.resolution_dpi,
        quality=int(np.clip(template.quality + rng.integers(-10, 11), 0, 100)),
        finger_position=template.finger_position,
    )
