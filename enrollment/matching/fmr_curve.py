"""The score scale's meaning at run time: the false-match rate of one comparison at a score, and back.

The curve is the impostor tail in ``parameters.py`` (``IMPOSTOR_TAIL`` knots of (score, log10 FMR), linear
between knots, ``TAIL_SLOPE`` past the last); :mod:`enrollment.matching.calibration` fits it offline
(``zuil calibrate``). Fusion turns finger scores into FMRs through :func:`fmr_of`.
"""

from __future__ import annotations

import math

import numpy as np

from enrollment.matching import parameters as p


def fmr_of(score: float, knots=p.IMPOSTOR_TAIL, slope: float = p.TAIL_SLOPE) -> float:
    """The false-match rate of one comparison at ``score``: the impostor share expected to reach it."""
    s = np.array([k[0] for k in knots])
    lf = np.array([k[1] for k in knots])
    if score <= s[0]:
        return float(10.0 ** lf[0])
    if score <= s[-1]:
        return float(10.0 ** np.interp(score, s, lf))
    return float(10.0 ** (lf[-1] + slope * (score - s[-1])))


def threshold_for(fmr: float, knots=p.IMPOSTOR_TAIL, slope: float = p.TAIL_SLOPE) -> float:
    """The lowest score whose false-match rate is at most ``fmr`` (inverse of :func:`fmr_of`)."""
    s = np.array([k[0] for k in knots])
    lf = np.array([k[1] for k in knots])
    target = math.log10(fmr)
    if target >= lf[0]:
        return float(s[0])
    if target >= lf[-1]:
        return float(np.interp(-target, -lf, s))
    return float(s[-1] + (target - lf[-1]) / slope)
