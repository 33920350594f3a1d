"""Every constant of quality assessment: feature thresholds for the reasons and the score model's weights.

The score is a clipped linear model of the measured features (see :mod:`.assessment`), fitted by least
squares against NFIQ 2 (nbis-py) on the FVC2002 B sets and the SourceAFIS samples; the fit's figures are in
the docstring of :data:`SCORE_WEIGHTS`.
"""

from __future__ import annotations

# --- reasons (checked in this order; the first that fires is the reason) ----------------------------------------
LOW_CONTRAST_STD = 6.0
"""Grey-level standard deviation of the whole image below which it is blank or washed out."""
LOW_CONTRAST_BLOCK = 10.0
"""Median grey-level standard deviation of the foreground blocks below which ridges are too faint."""
MIN_AREA = 25_000
"""Foreground pixels at 500 dpi (about 10 x 10 mm) below which too little finger touched the scanner."""
DRY_RIDGE_FRACTION = 0.30
"""Share of foreground pixels darker than their surroundings below which ridges are thin and broken: too dry.
(FVC2002 B sets: median 0.42, 1st percentile 0.29.)"""
WET_RIDGE_FRACTION = 0.52
"""... above which ridges swell into the valleys: too wet. (FVC2002 B sets: 95th percentile 0.53.)"""
MIN_CLARITY_FOR_MOISTURE = 1.5
"""Dry/wet are reported only when ridge/valley clarity is also below this (a clear print is not blamed)."""
MIN_MINUTIAE = 12
"""Fewer minutiae than this cannot support a reliable comparison."""

MIN_OK_SCORE = 12
"""Below this score (about the worst 5 % of FVC2002 B images) a capture is never "ok": when no rule above
fired, the reason is taken from the feature furthest below its typical value."""
TYPICAL = {"area": 65_800, "contrast": 26.6, "clarity": 1.7, "coherence": 0.63, "minutiae": 45}
"""Median feature values on the FVC2002 B sets, the yardstick for "furthest below typical"."""

# --- score model -------------------------------------------------------------------------------------------------
FEATURE_NAMES = ("area", "coherence", "clarity", "frequency_spread", "contrast", "minutiae")
"""Order of the features in the model (see :class:`~enrollment.quality.features.QualityFeatures`)."""
FEATURE_SCALE = {"area": 1e-4, "coherence": 1.0, "clarity": 1.0, "frequency_spread": 1.0, "contrast": 0.01,
                 "minutiae": 0.01}
"""Each feature is multiplied by its scale before the weights apply (keeps the weights of similar size)."""
SCORE_INTERCEPT = -65.957
SCORE_WEIGHTS = {"area": 5.502, "coherence": 52.541, "clarity": 7.867, "frequency_spread": -0.0, "contrast": 62.908,
                 "minutiae": 21.162}
"""Fitted by non-negative least squares (each weight constrained to its expected sign) against NFIQ 2 of
nbis-py on 322 images: FVC2002 DB1_B-DB4_B (320) and the SourceAFIS probe/matching/nonmatching samples.
Fit: mean absolute difference 8.6 points, 67 % within +-10, Pearson r 0.86 (per set MAE: DB1 11.8, DB2 8.6,
DB3 7.1, DB4 7.2, samples 3.7). Frequency spread got weight 0: on these sets it adds nothing once area,
coherence, clarity and contrast are known; it stays in the model so that a refit can use it.
Refit whenever the extractor's parameters change (the features, minutiae above all, depend on them)."""
SCORE_AREA_SATURATION = 70_000
"""Foreground area counts in the model up to this many pixels (a larger print is not better)."""
SCORE_MINUTIAE_SATURATION = 60
"""Minutiae count in the model up to this many."""
