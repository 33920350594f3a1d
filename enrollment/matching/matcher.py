"""1:1 comparison of two templates: the public ``match`` over the prepared form and the LSS-R kernel."""

from __future__ import annotations

from enrollment.matching import similarity
from enrollment.matching.prepared import Prepared, prepare
from enrollment.template.model import Template


def match(a: Template | Prepared, b: Template | Prepared) -> float:
    """Similarity of two fingerprints in [0, 1] (higher: more alike); compare to the ``FMR_*`` thresholds.

    Accepts templates (prepared once and cached) or :class:`Prepared` values; symmetric in its arguments.
    """
    pa, pb = prepare(a), prepare(b)
    return similarity.score(
        pa.x, pa.y, pa.theta, pa.bits, pa.masks, pb.x, pb.y, pb.theta, pb.bits, pb.masks, similarity.CONSTANTS
    )
