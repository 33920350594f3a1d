"""Every constant of quality assessment: feature thresholds for the reasons and the score model's weights.

The score is a clipped linear model of the measured features (see :mod:`.assessment`), fitted by least
squares against NFIQ 2 (nbis-py) on the FVC2002 B sets and the SourceAFIS samples; the fit's figures are in
the docstring of :data:`SCORE_WEIGHTS`.
"""

from __future__ import annotations

# --- reasons (checked in this order; the first that fires is the reason) ----------------------------------------
LOW_CONTRAST_STD = 6.0
"""Grey-level standard deviation of the whole image below which it is blank or washed out."""
LOW_CONTRAST_BLOCK = 12.0
"""Median grey-level standard deviation of the foreground blocks below which ridges are too faint."""
MIN_AREA = 25_000
"""Foreground pixels at 500 dpi (about 10 x 10 mm) below which too little finger touched the scanner."""
DRY_RIDGE_FRACTION = 0.36
"""Ridge pixels per foreground pixel below which ridges are thin and broken: the finger is too dry."""
WET_RIDGE_FRACTION = 0.64
"""Ridge pixels per foreground pixel above which valleys are filled in: the finger is too wet."""
MIN_CLARITY_FOR_MOISTURE = 1.2
"""Dry/wet are reported only when ridge/valley clarity is also below this (a clear print is not blamed)."""
MIN_MINUTIAE = 12
"""Fewer minutiae than this cannot support a reliable comparison."""

# --- score model -------------------------------------------------------------------------------------------------
FEATURE_NAMES = ("area", "coherence", "clarity", "frequency_spread", "contrast", "minutiae")
"""Order of the features in the model (see :class:`~enrollment.quality.features.QualityFeatures`)."""
FEATURE_SCALE = {"area": 1e-4, "coherence": 1.0, "clarity": 1.0, "frequency_spread": 1.0, "contrast": 0.01,
                 "minutiae": 0.01}
"""Each feature is multiplied by its scale before the weights apply (keeps the weights of similar size)."""
SCORE_INTERCEPT = -20.0
SCORE_WEIGHTS = {"area": 4.0, "coherence": 60.0, "clarity": 12.0, "frequency_spread": -40.0, "contrast": 10.0,
                 "minutiae": 15.0}
"""Initial hand-set weights, replaced by the calibration fit."""
SCORE_AREA_SATURATION = 70_000
"""Foreground area counts in the model up to this many pixels (a larger print is not better)."""
SCORE_MINUTIAE_SATURATION = 60
"""Minutiae count in the model up to this many."""
