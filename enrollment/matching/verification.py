"""1:1 check of a claimed identity: do the prints on the glass belong to the prints held for a V-number?"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from enrollment.errors import MatchingError
from enrollment.matching import parameters as p
from enrollment.matching.fusion import fuse, person_threshold
from enrollment.matching.matcher import match
from enrollment.template.model import Template


@dataclass(frozen=True)
class VerificationResult:
    """``decision`` is True when the fused score reaches ``threshold``; ``per_finger`` holds matcher scores."""

    decision: bool
    fused_score: float
    per_finger: dict[int, float] = field(default_factory=dict)
    threshold: float = 0.0


def verify(live: Mapping[int, Template], held: Mapping[int, Template], *,
           fmr: float = p.VERIFY_FMR) -> VerificationResult:
    """Compare live prints with held prints position by position (position 0 on either side: with all).

    The decision threshold is the person-level fused score for one comparison at false-match rate ``fmr``
    (default ``VERIFY_FMR``, 1 in 10,000). Fingers present on one side only are left out. Raises
    :class:`MatchingError` when no finger can be compared.
    """
    scores: dict[int, float] = {}
    tried: dict[int, int] = {}
    for position, template in live.items():
        partners = [t for pos, t in held.items() if position == 0 or pos in (position, 0)]
        if partners:
            scores[position] = max(match(template, t) for t in partners)
            tried[position] = len(partners)
    if not scores:
        raise MatchingError(f"no finger position in common: live {sorted(live)}, held {sorted(held)}")
    fused = fuse(scores, tried)
    threshold = person_threshold(fmr)
    return VerificationResult(fused >= threshold, fused, scores, threshold)
