"""Fuse per-finger scores into one person-level score whose value says how rare it is among impostors.

Rule (Fisher's method over calibrated finger scores):

1. Each compared finger's matcher score ``s`` becomes its per-comparison false-match rate ``f = FMR(s)`` from
   the impostor calibration (:func:`enrollment.matching.fmr_curve.fmr_of`), floored at ``MIN_FINGER_FMR``
   (the calibration can't vouch for rarer events). When a probe finger was compared with ``k`` gallery prints
   of the person (unknown finger position, several impressions) and the best one kept, ``f`` becomes
   ``1 - (1 - f)^k`` (the chance that any of the k reaches the score). Impressions of one finger are not
   independent, but measured on real impostor pairs their best reaches a rare score about as often as k
   independent comparisons: on FVC2002 B (each print against each other finger of its set, 2,880 such pairs,
   every choice of k of the finger's 8 impressions) the best of 3 reached the calibrated 1/100 score 2.7 times
   and the 1/1,000 score 3.0 times as often as one comparison (k' = 2.76 and 2.97 independent comparisons;
   the best of 2: 1.91 and 1.99), so k is kept
   (``python -m enrollment.matching.calibration.multiplicity --fvc <FVC2002>/``, 2026-12-02).
2. For an impostor, each ``f`` is uniform on [0, 1] and different fingers are (taken as) independent, so
   ``E = sum(-ln f)`` over the F compared fingers follows a Gamma(F, 1) law and the person-level FMR is
   ``P(Gamma(F) >= E) = exp(-E) * sum_{i<F} E^i / i!``.
3. The fused score is ``-log10`` of that person-level FMR: 4.0 means "an impostor person reaches this in one
   comparison of these fingers once in 10,000", whatever the number of fingers.

Missing fingers simply aren't counted (F is the number of positions present on both sides); a finger that
doesn't match lowers the fused score (it adds a degree of freedom but little evidence). Like positions are
compared with like; position 0 (unknown) is compared with every print and the multiplicity corrected as above.

Thresholds: one person comparison at FMR ``q`` needs ``fused >= -log10(q)``; a search of a gallery of N persons
at a per-search FMR ``Q`` (the chance that any of the N impostors reaches the threshold, union bound
``Q ~= N * q``) needs ``fused >= log10(N / Q)`` (:func:`person_threshold`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from enrollment.matching import parameters as p
from enrollment.matching.fmr_curve import fmr_of


def finger_fmr(score: float, comparisons: int = 1) -> float:
    """The calibrated false-match rate of one probe finger's best score over ``comparisons`` gallery prints."""
    f = max(fmr_of(score), p.MIN_FINGER_FMR)
    if comparisons > 1:
        f = -math.expm1(comparisons * math.log1p(-f)) if f < 1.0 else 1.0
    return min(f, 1.0)


def fuse(scores: Mapping[int, float], comparisons: Mapping[int, int] | None = None) -> float:
    """Fused person-level score (-log10 person FMR) of per-finger matcher scores keyed by finger position."""
    if not scores:
        return 0.0
    evidence = sum(-math.log(finger_fmr(s, (comparisons or {}).get(pos, 1))) for pos, s in scores.items())
    fingers = len(scores)
    # log of exp(-E) * sum_{i<F} E^i / i!, summed in log space to stay finite for large E
    terms = [i * math.log(evidence) - math.lgamma(i + 1) if evidence > 0 else (0.0 if i == 0 else -math.inf)
             for i in range(fingers)]
    top = max(terms)
    log_tail = -evidence + top + math.log(sum(math.exp(t - top) for t in terms))
    return max(0.0, -log_tail / math.log(10.0))


def person_threshold(fmr: float, gallery_size: int = 1) -> float:
    """Fused-score threshold for a false match at most ``fmr`` per search of ``gallery_size`` persons."""
    if not 0.0 < fmr < 1.0 or gallery_size < 1:
        raise ValueError(f"need 0 < fmr < 1 and gallery_size >= 1, got {fmr}, {gallery_size}")
    return math.log10(gallery_size / fmr)
