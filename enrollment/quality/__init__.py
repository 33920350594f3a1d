"""Quality of a fingerprint impression: a 0-100 score on the NFIQ 2 scale and the reason to retake it."""

from __future__ import annotations

from enrollment.quality.assessment import REASONS, QualityReport, assess
from enrollment.quality.features import QualityFeatures

__all__ = ["REASONS", "QualityFeatures", "QualityReport", "assess"]
