"""The matcher's transparency side channel: which minutia pairs made a 1:1 score, and how much each gave.

Off by default: :func:`~enrollment.matching.matcher.match` and the 1:N search never call it and pay nothing for
it. :func:`explain_match` runs the same consolidation kernel as the score
(:func:`enrollment.matching.similarity.consolidated`, which the score inlines) and reports the pairs the score
counts: the score is the sum of their contributions (relaxed similarity over the number of pairs nP the score
divides by). For people checking a comparison (the officer's side-by-side evidence); biometric data, keep it in
memory and drop it.
"""

from __future__ import annotations

from dataclasses import dataclass

from enrollment.matching import similarity
from enrollment.matching.prepared import Prepared, prepare
from enrollment.template.model import Template


@dataclass(frozen=True)
class MinutiaPair:
    """One counted pair: minutia ``probe`` of the probe template with minutia ``gallery`` of the gallery template
    (indices into each template's minutiae), its local cylinder similarity, its similarity after relaxation and
    its contribution to the score (relaxed similarity / nP)."""

    probe: int
    gallery: int
    local_similarity: float
    relaxed_similarity: float
    contribution: float


@dataclass(frozen=True)
class MatchExplanation:
    """The matcher's score of one probe and one gallery template, and the pairs it counted (most efficient
    first); ``divisor`` is nP, the number of pairs the score divides by (more than ``len(pairs)`` when too few
    pairs were found)."""

    score: float
    divisor: int
    pairs: tuple[MinutiaPair, ...]


def explain_match(probe: Template | Prepared, gallery: Template | Prepared) -> MatchExplanation:
    """The pairs behind ``match(probe, gallery)`` (the order the 1:N search and the V-number check use)."""
    pa, pb = prepare(probe), prepare(gallery)
    sel_a, sel_b, initial, relaxed, counted, divisor = similarity.consolidated(
        pa.x, pa.y, pa.theta, pa.bits, pa.masks, pb.x, pb.y, pb.theta, pb.bits, pb.masks, similarity.CONSTANTS)
    pairs = tuple(MinutiaPair(int(pa.minutiae[sel_a[t]]), int(pb.minutiae[sel_b[t]]), float(initial[t]),
                              float(relaxed[t]), float(relaxed[t]) / divisor) for t in counted)
    score = 0.0
    for t in counted:  # summed as the kernel sums it, so the value is the matcher's to the last bit
        score += float(relaxed[t])
    return MatchExplanation(score / divisor, int(divisor), pairs)
