"""Fingerprint matching: calibrated 1:1 comparison, 1:N identification and multi-finger fusion.

Public surface (keep these names stable; the bench harness and the kiosk call them):

- :func:`prepare` (template -> :class:`Prepared`, cached) and :func:`match` (score in [0, 1], symmetric);
- thresholds named by false-match rate in :mod:`enrollment.matching.parameters` (``FMR_1_IN_1000`` ...),
  calibrated by :mod:`enrollment.matching.calibration`;
- :class:`GalleryIndex` (add / remove / rebuild / search) returning ranked :class:`Candidate` values;
- :func:`fuse` and :func:`person_threshold` (person-level scores with a calibrated meaning);
- :func:`verify` (is this V-number's stored set of prints the person at the glass?).

The engine is Minutia Cylinder-Code (Cappelli, Ferrara, Maltoni, TPAMI 2010), bit-based, with relaxation.
"""

from enrollment.matching.matcher import match
from enrollment.matching.prepared import Prepared, prepare

__all__ = ["Prepared", "match", "prepare"]
