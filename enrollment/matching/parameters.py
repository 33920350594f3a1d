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
RELAXATION_ITERATIONS = 5  # n_rel
RELAXATION_WEIGHT = 0.5  # w_R
DISTANCE_MU, DISTANCE_TAU = 5.0, -8.0 / 5.0  # rho_1: pair distances should agree (pixels)
DIRECTION_MU, DIRECTION_TAU = math.pi / 12.0, -30.0  # rho_2: relative directions should agree
RADIAL_MU, RADIAL_TAU = math.pi / 12.0, -30.0  # rho_3: radial angles should agree

# --- coarse pre-selection for 1:N (our design, see gallery.py) -------------------------------------------
PAIR_MAX_DISTANCE = 130.0  # minutia pairs farther apart than this give no coarse feature (pixels)
PAIR_MIN_DISTANCE = 12.0  # ... and nearer than this neither (too unstable)
PAIR_DISTANCE_STEP = 10.0  # quantisation of the pair distance (pixels)
PAIR_ANGLE_BINS = 12  # quantisation of each of the two pair angles (relative direction, radial angle)
COARSE_BITS = 2048  # length of the per-template bit vector (power of two, multiple of 64)
SHORTLIST_PER_FINGER = 400  # candidates per probe finger kept for full matching
SHORTLIST_MIN_FRACTION = 0.004  # ... or this fraction of the gallery's templates, whichever is larger

# --- calibration (written by ``python -m enrollment.matching.calibration``; see its docstring) ------------
# Impostor score tail of this matcher (LSS-R score in [0, 1]) as (score, log10 FMR) knots, increasing score.
# Between knots log10 FMR is interpolated linearly; beyond the last knot it falls with TAIL_SLOPE per unit score.
IMPOSTOR_TAIL: tuple[tuple[float, float], ...] = (
    (0.0, 0.0),
    (1.0, -12.0),
)
TAIL_SLOPE = -12.0  # d log10(FMR) / d score past the last knot (exponential tail fit)
FMR_1_IN_1000 = 0.25
FMR_1_IN_10000 = 0.33
FMR_1_IN_100000 = 0.42
CALIBRATION_PROTOCOL = "placeholder, replaced by the calibration command"

#: Floor of the per-finger FMR used by fusion, so one finger can't carry a person-level decision alone
#: with an evidence the calibration can't support.
MIN_FINGER_FMR = 1e-9
