"""Fingerprint matching: calibrated 1:1 comparison, 1:N identification and multi-finger fusion.

Public surface (keep these names stable; the bench harness and the kiosk call them):

- :func:`prepare` (template -> :class:`Prepared`, cached) and :func:`match` (score in [0, 1], symmetric);
  thresholds named by false-match rate in :mod:`enrollment.matching.parameters` (``FMR_1_IN_1000``,
  ``FMR_1_IN_10000``, ``FMR_1_IN_100000``), calibrated by :mod:`enrollment.matching.calibration` (``zuil calibrate``);
- :class:`GalleryIndex` (add / remove / rebuild / search) returning ranked :class:`Candidate` values;
- :func:`fuse` and :func:`person_threshold`: person-level scores (-log10 person FMR) and their thresholds;
- :func:`verify`: do the prints on the glass belong to the prints held for a V-number?
- :func:`explain_match`: the minutia pairs behind a 1:1 score (the transparency side channel, off by default).

The engine is Minutia Cylinder-Code (Cappelli, Ferrara, Maltoni, TPAMI 2010), bit-based, with relaxation.
"""

from enrollment.matching.explanation import MatchExplanation, MinutiaPair, explain_match
from enrollment.matching.fmr_curve import fmr_of, threshold_for
from enrollment.matching.fusion import fuse, person_threshold
from enrollment.matching.gallery import Candidate, GalleryIndex
from enrollment.matching.matcher import match
from enrollment.matching.parameters import FMR_1_IN_1000, FMR_1_IN_10000, FMR_1_IN_100000
from enrollment.matching.prepared import Prepared, prepare
from enrollment.matching.verification import VerificationResult, verify

__all__ = [
    "FMR_1_IN_1000",
    "FMR_1_IN_10000",
    "FMR_1_IN_100000",
    "Candidate",
    "GalleryIndex",
    "MatchExplanation",
    "MinutiaPair",
    "Prepared",
    "VerificationResult",
    "explain_match",
    "fmr_of",
    "fuse",
    "match",
    "person_threshold",
    "prepare",
    "threshold_for",
    "verify",
]
