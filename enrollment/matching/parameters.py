"""Every constant of the matcher, in one place (SourceAFIS style).

The cylinder and consolidation constants are the published values of Minutia Cylinder-Code
(Cappelli, Ferrara, Maltoni, "Minutia Cylinder-Code: a new representation and matching technique for
fingerprint recognition", IEEE TPAMI 32(12), 2010), bit-based variant with LSS-R; they were NOT tuned on the
data the thresholds below are calibrated or evaluated on. Distances are pixels at 500 dpi.
"""

from __future__ import annotations

import math

# --- cylinder (MCC, section 3 and table 1 of the paper) -------------------------------------------------
CYLINDER_RADIUS = 70.0  # R
SPATIAL_CELLS = 16  # Ns: cells along each side of the cylinder base
DIRECTION_CELLS = 6  # Nd: cells along the height (direction axis)
SIGMA_SPATIAL = 28.0 / 3.0  # sigma_S of the spatial Gaussian contribution
SIGMA_DIRECTION = 2.0 * math.pi / 9.0  # sigma_D of the directional contribution
CELL_THRESHOLD = 0.01  # mu_Psi: a cell's bit is set when its contribution reaches this (bit-based MCC)
HULL_OFFSET = 50.0  # Omega: cells farther than this outside the minutiae's convex hull are invalid
MIN_VALID_CELL_FRACTION = 0.75  # minVC, as a fraction of the cells inside the cylinder's circle
MIN_CYLINDER_MINUTIAE = 2  # minM: neighbours (within R + 3 sigma_S) a cylinder needs to be valid

# --- local similarity ------------------------------------------------------------------------------------
MAX_DIRECTION_DIFFERENCE = math.pi / 2.0  # delta_theta: cylinders of minutiae turned more than this never match
MIN_MATCHABLE_FRACTION = 0.60  # minME, as a fraction of the cells inside the cylinder's circle

# --- consolidation: local similarity sort with relaxation (LSS-R) ----------------------------------------
MIN_PAIRS = 4  # min_nP
MAX_PAIRS = 12  # max_nP
PAIRS_MU = 20.0  # mu_P of the sigmoid choosing nP from the smaller minutia count
PAIRS_TAU = 2.0 / 5.0  # tau_P
MAX_RELAXATION_PAIRS = 1000  # n_R = min(nA, nB, this): pairs taken into the relaxation (paper: no cap)
RELAXATION_ITERATIONS = 5  # n_rel
RELAXATION_WEIGHT = 0.5  # w_R
DISTANCE_MU, DISTANCE_TAU = 5.0, -8.0 / 5.0  # rho_1: pair distances should agree (pixels)
DIRECTION_MU, DIRECTION_TAU = math.pi / 12.0, -30.0  # rho_2: relative directions should agree
RADIAL_MU, RADIAL_TAU = math.pi / 12.0, -30.0  # rho_3: radial angles should agree
NEGLIGIBLE_COMPATIBILITY = 1e-4  # a compatibility below this is taken as 0 (saves the angle terms)

# --- coarse pre-selection for 1:N (our design, see sketch.py and gallery.py) -----------------------------
SKETCH_SPATIAL_CELLS = 8  # a sketch is a coarse cylinder: 8 x 8 spatial cells ...
SKETCH_DIRECTION_CELLS = 3  # ... by 3 direction cells (192 bits)
SKETCHES_PER_TEMPLATE = 24  # sketches a gallery template keeps (of its fullest cylinders)
FIRST_PASS_SKETCHES = 6  # first pass: score every template on its first (fullest) few sketches only ...
FIRST_PASS_TOP = 2  # ... as the mean of its best two ...
FIRST_PASS_KEEP = 1000  # ... keep this many templates per probe finger ...
FIRST_PASS_FRACTION = 0.01  # ... or this fraction of those searched, whichever is larger
COARSE_TOP = 4  # the coarse score is the mean of this many best sketch similarities
SHORTLIST_PER_FINGER = 100  # second pass (all sketches): templates per probe finger kept for full matching ...
SHORTLIST_FRACTION = 0.001  # ... or this fraction of those searched, whichever is larger
COMPLETED_CANDIDATES = 50  # persons (best on their shortlisted fingers) then matched on all probe fingers
PREPARED_CACHE = 4096  # prepared gallery templates kept in memory between searches (about 10 kB each)

# --- calibration (written by ``zuil calibrate --write``; derivation in calibration/__init__.py) -------
# Impostor score tail of this matcher (LSS-R score in [0, 1]) as (score, log10 FMR) knots, increasing score.
# Between knots log10 FMR is interpolated linearly; beyond the last knot it falls with TAIL_SLOPE per unit score.
IMPOSTOR_TAIL: tuple[tuple[float, float], ...] = (
    (0.008166, 0.0),
    (0.014046, -0.5),
    (0.015802, -1.0),
    (0.017519, -1.5),
    (0.019573, -2.0),
    (0.021735, -2.5),
    (0.024058, -3.0),
    (0.026565, -3.5),
    (0.02927, -4.0),
    (0.032189, -4.5),
    (0.03534, -5.0),
    (0.03874, -5.5),
    (0.04241, -6.0),
)
TAIL_SLOPE = -136.258  # d log10(FMR) / d score past the last knot
FMR_1_IN_1000 = 0.02406
FMR_1_IN_10000 = 0.02927
FMR_1_IN_100000 = 0.03535
CALIBRATION_PROTOCOL = (
    '11520 real impostor pairs (every pair of different fingers within one set) of 320 '
    'templates in fvc2002, extracted by enrollment.extraction; knots empirical down to 100 '
    'impostors, then a generalised Pareto tail (top 230, shape +0.066) floored by the empirical '
    'quantile. Inputs: templates 43b76dc34f44a527, impostor scores 98bd8c9956fd31c4, extractor '
    'fadc7d6c9d91, matcher 687955090025; python 3.11.7, numpy 2.4.6, scipy 1.17.1, numba 0.68.1'
)

# --- decisions -------------------------------------------------------------------------------------------
VERIFY_FMR = 1e-4  # V-number check: person-level false-match rate of one claimed-identity comparison
#: Duplicate search (kiosk and `zuil identify`): the chance of a false hit per search. An operating-point choice, not
#: a measurement: every hit goes to an officer, who decides with the side-by-side evidence, so a false candidate costs
#: an officer minutes, while a missed duplicate is the failure the kiosk exists to prevent. 1 in 1,000 means about 2
#: false candidates a year at a kiosk doing 2,000 intakes (if the calibration holds that deep: below 1/10,000 per finger
#: it is the modelled tail). It was 1e-4 (threshold one decade higher). `zuil bench identification --fvc <FVC2002>`
#: (FVC2002 B two-finger persons, 3 impressions enrolled, 100 mated and 1,160 non-mated searches, 2026-12-02): FNIR
#: 1 % at 1,000 (threshold 6.009) and at 10,000 (7.001) background persons, no false hit; the misses of 1e-4's 8.0
#: fused 7.06..7.80, the highest non-mated search 3.44. FVC2002 B is a development set (the extractor was tuned on it).
IDENTIFY_FMR_PER_SEARCH = 1e-3
#: Good impressions of each finger the kiosk keeps at first enrollment (each one a gallery print of the person;
#: a search takes the best of them, corrected for multiplicity by fusion). Measured with `zuil bench
#: identification --enrolled-impressions 1,2,3` (FVC2002 B two-finger persons, searched with impressions 4..8, 100
#: searches): FNIR at the threshold then shipped (FPIR 1e-4) 14 % / 11 % / 7 % with 1 / 2 / 3 impressions among
#: 10,000 background persons (5 / 5 / 1 % among 1,000), no false hit in 1,120..1,160 non-mated searches at either size.
IMPRESSIONS_PER_FINGER = 3

#: Floor of the per-finger FMR used by fusion, so one finger can't carry a person-level decision alone
#: with an evidence the calibration can't support.
MIN_FINGER_FMR = 1e-9
