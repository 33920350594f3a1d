"""Quality assessment: a 0-100 score on the NFIQ 2 scale, and the one reason a capture should be retaken.

The score is a clipped linear model of :class:`~.features.QualityFeatures` (weights in :mod:`.parameters`,
fitted against NFIQ 2). The reason is rule-based, checked in order: ``low_contrast``, ``too_small_area``,
``too_dry``, ``too_wet``, ``too_few_minutiae``; a score below ``MIN_OK_SCORE`` is never ``ok`` (the weakest
feature names the reason); else ``ok``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from enrollment.errors import ExtractionError
from enrollment.quality import parameters as p
from enrollment.quality.features import QualityFeatures, measure

if TYPE_CHECKING:
    from enrollment.extraction.pipeline import Extraction

REASONS = ("ok", "too_small_area", "too_dry", "too_wet", "low_contrast", "too_few_minutiae")


@dataclass(frozen=True)
class QualityReport:
    score: int  # 0-100, NFIQ 2 scale
    reason: str  # one of REASONS
    features: dict[str, float] = field(default_factory=dict)

    @property
    def acceptable(self) -> bool:
        return self.reason == "ok"


def assess(image: np.ndarray, extraction: Extraction | None = None, *, dpi: int = 500) -> QualityReport:
    """The quality of ``image`` (2-D uint8 grey); pass the ``extraction`` of it when you have one."""
    if extraction is None:
        from enrollment.extraction import pipeline

        try:
            extraction = pipeline.run(image, dpi=dpi)
        except ExtractionError:
            spread = float(np.std(image))
            return QualityReport(0, "low_contrast" if spread < p.LOW_CONTRAST_STD else "too_small_area",
                                 {"image_std": spread})
    features = measure(extraction)
    return QualityReport(score(features), reason(features), features.as_dict())


def score(features: QualityFeatures) -> int:
    """The model's 0-100 score of ``features``."""
    values = features.as_dict()
    values["area"] = min(values["area"], p.SCORE_AREA_SATURATION)
    values["minutiae"] = min(values["minutiae"], p.SCORE_MINUTIAE_SATURATION)
    total = p.SCORE_INTERCEPT + sum(
        p.SCORE_WEIGHTS[name] * values[name] * p.FEATURE_SCALE[name] for name in p.FEATURE_NAMES
    )
    return int(np.clip(round(total), 0, 100))


def reason(features: QualityFeatures) -> str:
    """The first problem that the rules find in ``features``, or ``"ok"``."""
    if features.contrast < p.LOW_CONTRAST_BLOCK:
        return "low_contrast"
    if features.area < p.MIN_AREA:
        return "too_small_area"
    if features.clarity < p.MIN_CLARITY_FOR_MOISTURE:
        if features.ridge_fraction < p.DRY_RIDGE_FRACTION:
            return "too_dry"
        if features.ridge_fraction > p.WET_RIDGE_FRACTION:
            return "too_wet"
    if features.minutiae < p.MIN_MINUTIAE:
        return "too_few_minutiae"
    if score(features) < p.MIN_OK_SCORE:
        return _weakest(features)
    return "ok"


def _weakest(features: QualityFeatures) -> str:
    """The reason behind the feature furthest below its typical value; unclear or incoherent ridges are blamed
    on moisture (lighter-than-balanced ridges: dry; darker: wet)."""
    values = features.as_dict()
    worst = min(p.TYPICAL, key=lambda name: values[name] / p.TYPICAL[name])
    if worst == "area":
        return "too_small_area"
    if worst == "contrast":
        return "low_contrast"
    if worst == "minutiae":
        return "too_few_minutiae"
    return "too_dry" if features.ridge_fraction < 0.5 else "too_wet"
