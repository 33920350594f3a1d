"""Every constant of the synthetic fingerprint generator, in one place (the SourceAFIS habit).

Lengths are pixels at 500 dpi, angles radians. The values follow the published descriptions of SFinGe
(Cappelli, Maio, Maltoni, "Synthetic fingerprint generation", Handbook of Fingerprint Recognition, ch. 6)
where those give numbers, and were tuned by eye against the public SourceAFIS samples otherwise.
"""

from __future__ import annotations

#: Version of the ``manifest.json`` written by ``zuil synth``.
MANIFEST_VERSION = 1

# --- fingerprint classes -------------------------------------------------------------------------------------
ARCH = "arch"
TENTED_ARCH = "tented_arch"
LEFT_LOOP = "left_loop"
RIGHT_LOOP = "right_loop"
WHORL = "whorl"
#: Class names and their natural frequencies (Wilson et al., as quoted by Cappelli et al.).
CLASS_FREQUENCIES: dict[str, float] = {
    ARCH: 0.037,
    TENTED_ARCH: 0.029,
    LEFT_LOOP: 0.338,
    RIGHT_LOOP: 0.317,
    WHORL: 0.279,
}

# --- master canvas and finger silhouette ---------------------------------------------------------------------
MASTER_WIDTH = 416
MASTER_HEIGHT = 512
#: Finger width (px) range; ~13-16 mm at 500 dpi.
FINGER_WIDTH = (225, 275)
#: Height of the upper (fingertip) half-ellipse and of the lower, flatter part, px.
FINGER_TOP_HEIGHT = (165, 215)
FINGER_BOTTOM_HEIGHT = (230, 280)
#: Margin (px) between the fingertip and the top of the master canvas.
FINGER_TOP_MARGIN = (12, 30)
#: Soft edge of the silhouette, px (Gaussian sigma).
FINGER_EDGE_SIGMA = 4.0

# --- singular points (master coordinates relative to the silhouette centre, px) ------------------------------
#: Loop core: horizontal offset range and vertical offset range (y down).
LOOP_CORE_X = (-25, 25)
LOOP_CORE_Y = (-20, 40)
#: Loop delta relative to the core (x is mirrored for the other loop direction).
LOOP_DELTA_DX = (90, 140)
LOOP_DELTA_DY = (110, 160)
#: Whorl: two cores stacked (distance range), two deltas left and right below.
WHORL_CORE_GAP = (22, 44)
WHORL_DELTA_DX = (95, 140)
WHORL_DELTA_DY = (100, 150)
#: Tented arch: core above a delta on (nearly) the same vertical line.
TENTED_CORE_Y = (-10, 40)
TENTED_DELTA_DY = (50, 90)
#: Arch ridge model: height (px) and width (px) of the central bump of the arch ridges.
ARCH_BUMP_HEIGHT = (60, 110)
ARCH_BUMP_WIDTH = (70, 110)

# --- correction of the zero-pole model (after Vizcaya and Gerhardt) -------------------------------------------
#: Each singular point's angle arg(z - s) goes through g(a) = a - k sin(a - axis) + small harmonics before use.
#: Loop cores: k (flattening towards the loop's axis, which makes the loop's ridges parallel instead of a fan)
#: and the axis' tilt from straight down, away from the delta (radians).
LOOP_CORE_FLATTEN = (0.45, 0.7)
LOOP_AXIS_TILT = (0.15, 0.45)
#: Other singular points: flattening range, and amplitude of two random harmonics (keeps g monotone).
OTHER_FLATTEN = (0.0, 0.25)
ARG_HARMONIC = 0.07

# --- orientation perturbation --------------------------------------------------------------------------------
#: Number of random cosine waves in a smooth random field, and their wavelength range (px).
SMOOTH_WAVES = 6
SMOOTH_WAVELENGTH = (180.0, 420.0)
#: Peak amplitude (radians) of the smooth perturbation added to the model's orientation.
ORIENTATION_PERTURBATION = 0.16

# --- ridge frequency -----------------------------------------------------------------------------------------
#: Mean ridge period at 500 dpi (px) and its per-finger spread; local variation is +-RIDGE_PERIOD_VARIATION.
RIDGE_PERIOD = 8.7
RIDGE_PERIOD_FINGER_SPREAD = 0.6
RIDGE_PERIOD_VARIATION = 0.15

# --- ridge growth (iterative contextual Gabor filtering) -----------------------------------------------------
#: Growth runs on a canvas downscaled by this factor (the pattern is smooth, so upscaling is lossless enough).
GROWTH_SCALE = 2
#: Orientation bins of the Gabor bank (outputs blended linearly between neighbouring bins).
GABOR_ORIENTATIONS = 16
#: Ridge periods (px at 500 dpi) of the bank's frequency levels; outputs blended linearly by the local period.
GABOR_PERIODS = (7.5, 11.0)
#: Gaussian envelope sigma across and along the ridges, in ridge periods.
GABOR_SIGMA_ACROSS = 0.45
GABOR_SIGMA_ALONG = 0.55
#: Number of growth iterations and the density of the initial random seeds (per px of the growth canvas).
GROWTH_ITERATIONS = 10
SEED_DENSITY = 0.004
#: Gain of the saturating non-linearity applied after each filtering step.
GROWTH_GAIN = 5.0

# --- impressions ---------------------------------------------------------------------------------------------
IMPRESSION_WIDTH = 388
IMPRESSION_HEIGHT = 374
#: Global rotation (radians) and displacement (px) of the finger on the sensor.
ROTATION_MAX = 0.35
DISPLACEMENT_MAX = (40, 45)
#: How far below the silhouette centre (px, master) the point under the image centre lies.
PLACEMENT_ANCHOR_Y = (10, 50)
#: Contact ellipse: semi-axes as fractions of the silhouette's, and the offset of its centre (px).
CONTACT_SEMI_AXES = (0.85, 1.05)
#: The contact ellipse's vertical semi-axis, as a fraction of the silhouette's mean top/bottom height.
CONTACT_HEIGHT_RATIO = 0.85
CONTACT_OFFSET = 30
#: Ragged contact border: amplitude (fraction of the radius) and sigma (px) of the border noise.
CONTACT_BORDER_NOISE = 0.06
CONTACT_BORDER_SIGMA = 5.0
#: Cappelli's distortion model: inside radius r0 no distortion, beyond r0 + r1 the full displacement.
DISTORTION_R0 = (40.0, 70.0)
DISTORTION_R1 = (90.0, 140.0)
#: Magnitude of the extra translation (px) and rotation (radians) of the outer, non-contact region.
DISTORTION_SHIFT = 9.0
DISTORTION_ROTATION = 0.06
#: Brake exponent k of the transition function (Cappelli et al. use a power of the normalised distance).
DISTORTION_BRAKE = 1.6

#: Pressure: -1 (very dry, thin broken ridges) .. +1 (very wet, thick merged ridges); normal, clipped to -1..1.
PRESSURE_MEAN = -0.35
PRESSURE_SPREAD = 0.4
#: Threshold shift of the ridge pattern per unit pressure (pattern values lie in -1..1).
PRESSURE_THRESHOLD_SHIFT = 0.45
#: Threshold at normal pressure: a little above 0, so ridges are slightly narrower than valleys.
RIDGE_THRESHOLD = 0.12
#: Sharpness of the ridge/valley transition (logistic gain applied to the pattern).
RIDGE_SHARPNESS = 5.0
#: Dry prints: density of ridge breaks and of pores (per foreground px), pore radius px.
DRY_BREAK_DENSITY = 0.0025
PORE_DENSITY = 0.004
#: Wet prints: number of dark blotches per unit wetness, blotch radius range px.
WET_BLOTCHES = 4
WET_BLOTCH_RADIUS = (8, 22)
#: Texture: sigma (px) and amplitude of the mid-frequency noise that makes ridge edges ragged.
TEXTURE_SIGMA = 1.4
TEXTURE_AMPLITUDE = 0.3
#: Low-frequency pressure variation over the contact area (amplitude of ridge darkness variation).
DARKNESS_VARIATION = 0.25
#: Named conditions (``synthesis.conditions``): dry pressure range and how much lighter its ridges print, wet
#: pressure range, heavy distortion strength (normal impressions draw 0..1), partial contact scale and the shift
#: (px) that moves part of the finger off the sensor.
DRY_PRESSURE = (-1.0, -0.75)
DRY_RIDGE_GREY_LIFT = (20, 50)
WET_PRESSURE = (0.7, 1.0)
HEAVY_DISTORTION = (2.5, 3.5)
PARTIAL_CONTACT = (0.5, 0.65)
PARTIAL_SHIFT = (40.0, 80.0)
#: Dry finish: sigma (px) of the patchy contact field and of the field that breaks ridges into segments, the
#: gain and level range of the break (higher level: more broken), the weight of the contact patches in it, and
#: how much ink the worst-touching patches lose; the ink gain that darkens the thin dry ridges first.
DRY_PATCH_SIGMA = 28.0
DRY_SEGMENT_SIGMA = 2.2
DRY_BREAK_GAIN = 5.0
DRY_BREAK_LEVEL = (-0.8, -0.4)
DRY_PATCH_WEIGHT = 0.9
DRY_FADE = 0.2
DRY_INK_GAIN = 1.3
#: Wet finish: sigma (px) of the blotch field, gain and level range of its threshold (lower level: larger
#: blotches), swelling of the ridges (px, odd) and how much of the valleys the blotches fill.
WET_FLOOD_SIGMA = 22.0
WET_FLOOD_GAIN = 4.0
WET_FLOOD_LEVEL = (0.7, 1.2)
WET_SWELL = 5
WET_FILL = (0.45, 0.75)
#: The optical sensor of the dry and wet conditions (like FVC2002 DB3): background and ridge grey ranges, low
#: frequency background variation, smudges (sigma px, threshold, ink), column banding and noise sigma.
SENSOR_BACKGROUND = (125.0, 160.0)
SENSOR_BACKGROUND_VARIATION = 8.0
SENSOR_RIDGE = (25.0, 55.0)
SMUDGE_SIGMA = 10.0
SMUDGE_LEVEL = 1.6
SMUDGE_INK = 0.4
SENSOR_BANDING = 2.0
SENSOR_NOISE_OPTICAL = (5.0, 8.0)
#: Background grey (0-255) range, ridge grey range, sensor noise sigma range, blur sigma range.
BACKGROUND_GREY = (246, 256)
RIDGE_GREY = (0, 40)
SENSOR_NOISE = (1.0, 4.0)
BLUR_SIGMA = (0.4, 0.9)

# --- minutia-level population model --------------------------------------------------------------------------
#: Typical minutia count of a full 388x374 impression, and the hard-core spacing (px).
POPULATION_MINUTIAE = (30, 60)
POPULATION_MIN_SPACING = 12.0
#: Share of bifurcations, direction noise (radians) around the orientation field.
POPULATION_BIFURCATION_SHARE = 0.5
POPULATION_DIRECTION_NOISE = 0.12
#: Reliability range (ISO minutia quality) drawn per minutia.
POPULATION_RELIABILITY = (30, 100)
#: Second impressions: rotation (radians), translation (px), elastic jitter amplitude (px),
#: share of minutiae dropped and added, direction noise (radians), share of type flips.
PERTURB_ROTATION = 0.26
PERTURB_TRANSLATION = 25.0
PERTURB_ELASTIC = 5.0
PERTURB_POSITION_NOISE = 1.5
PERTURB_DROP = (0.15, 0.25)
PERTURB_ADD = (0.15, 0.25)
PERTURB_DIRECTION_NOISE = 0.1
PERTURB_TYPE_FLIP = 0.1
