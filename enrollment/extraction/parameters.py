"""Every constant of the minutiae extractor, in pipeline order. Lengths are pixels at 500 dpi (the resolution
every image is resampled to first: ``enrollment.imaging.parameters.TARGET_DPI``).

Nothing else in ``enrollment.extraction`` holds a tuning number; change them here and nowhere else.
"""

from __future__ import annotations

import math

# --- wide smoothing ---------------------------------------------------------------------------------------------
DECIMATED_BLUR_MIN_SIGMA = 1.5
"""Blurs are computed on an image decimated so far that the scaled sigma stays at least this (pixels). 1.5 (was 2.0)
puts the orientation tensor (sigma 7), the clarity map and the mask outline (sigma 6) on the 4x grid instead of
the 2x one, where their Gaussians cost about an eighth; FVC2002 B EER and the synthetic sets did not move beyond
a pair or two (session 24 note)."""
DECIMATED_BLUR_MAX_FACTOR = 4

# --- block map --------------------------------------------------------------------------------------------------
BLOCK_SIZE = 16
"""Side of the square blocks on which contrast, frequency and the foreground mask are estimated."""

# --- foreground segmentation ------------------------------------------------------------------------------------
SEGMENTATION_BLUR_SIGMA = 1.0
"""Light blur before measuring block contrast, so that sensor noise does not look like ridges."""
MIN_BLOCK_CONTRAST = 6.0
"""Absolute floor of a foreground block's grey-level standard deviation (0-255 scale). Low enough for faint,
dry prints (FVC2002 DB3 has ridge blocks of 6-10); the relative threshold does most of the work."""
RELATIVE_BLOCK_CONTRAST = 0.35
"""A foreground block has at least this fraction of the contrast of the 90th-percentile block."""
CONTRAST_REFERENCE_PERCENTILE = 90.0
MIN_FOREGROUND_BLOCK_FRACTION = 0.03
"""A foreground island smaller than this fraction of all blocks is dropped as a smudge."""
MIN_FOREGROUND_PIXELS = 60 * 60
"""Below this many foreground pixels there is no usable fingerprint (ExtractionError)."""
MASK_SMOOTHING_SIGMA = 6.0
"""Block mask upscaled to pixels is blurred and re-thresholded, which rounds its staircase outline."""
FINGER_WINDOW_MARGIN = 64
"""Steps after segmentation run on the foreground's bounding box widened by this (then to whole blocks): wide
enough that the widest blur (the orientation field's second pass) reaches no window edge from the foreground.
(32 px moved minutia directions by up to 0.002 rad near the edge and two FVC2002 B FNMR-at-1/1,000 pairs.)"""
MASK_BORDER_EROSION = 0
"""The pixel mask is eroded by this much: the outermost ridges are distorted by the finger's edge."""

# --- contrast equalisation --------------------------------------------------------------------------------------
EQUALIZATION_SIGMA = 9.0
"""Window (Gaussian sigma) of the local mean and standard deviation used to normalise grey levels."""
EQUALIZATION_CLIP = 3.0
"""Normalised grey levels are clipped to +-this many local standard deviations."""

# --- orientation field ------------------------------------------------------------------------------------------
GRADIENT_SIGMA = 1.0
"""Pre-blur before the Sobel gradients."""
ORIENTATION_SIGMA = 7.0
"""Gaussian smoothing of the doubled-angle gradient tensor: the scale of the orientation field."""
ORIENTATION_SMOOTH_SIGMA = 12.0
"""Second, coarser smoothing of the doubled-angle vectors weighted by coherence (fills noisy patches)."""

# --- ridge frequency --------------------------------------------------------------------------------------------
FREQUENCY_WINDOW = 32
"""Side of the windowed patch (centred on each block) whose spectrum gives the block's ridge period."""
MIN_RIDGE_PERIOD = 5.0
MAX_RIDGE_PERIOD = 15.0
"""Plausible ridge periods at 500 dpi; spectral peaks outside are ignored."""
PRIOR_RIDGE_PERIOD = 9.0
"""Fallback period at 500 dpi where a block has no clear spectral peak (about 0.46 mm)."""
MIN_PEAK_SHARE = 0.12
"""A block's period counts only if its spectral peak holds at least this share of the band's energy."""
FREQUENCY_SMOOTHING_BLOCKS = 1.5
"""Gaussian smoothing (sigma, in blocks) of the reliable block periods, filling unreliable blocks."""

# --- contextual (Gabor) enhancement -----------------------------------------------------------------------------
GABOR_ORIENTATIONS = 16
"""Orientations in the filter bank (over pi); each pixel takes the filter nearest its ridge orientation."""
GABOR_PERIODS = (7.0, 9.0, 11.5)
"""Ridge periods in the filter bank; each pixel blends the two nearest to its local period."""
GABOR_SIGMA_FACTOR = 0.55
"""Isotropic Gaussian envelope sigma as a fraction of the filter's period (Hong et al. use ~4 px at 9 px;
~5 px gave lower bozorth3 error on FVC2002 DB2-DB3, where noise and dryness need the smoother filter)."""
GABOR_RADIUS_SIGMAS = 2.5
"""Kernel half-width in envelope sigmas."""
ENHANCEMENT_DECIMATION = 2
"""The filter bank runs on the image decimated by this factor (ridges stay above Nyquist) and the
response is upsampled: the same zero crossings for a quarter of the pixels and half the taps."""

# --- binarisation -----------------------------------------------------------------------------------------------
MAX_PORE_AREA = 20
"""Holes in a ridge (sweat pores, noise) up to this many pixels are filled."""
MIN_RIDGE_ISLAND_AREA = 20
"""Ridge islands (dots) up to this many pixels are removed."""

# --- thinning & skeleton clean-up -------------------------------------------------------------------------------
MAX_THINNING_ITERATIONS = 30
SPUR_LENGTH = 4
"""Branches ending freely within this many pixels of a junction are thinning artefacts and are pruned.
(Longer limits, 6-9 px, also pruned real short branches: higher bozorth3 EER on every FVC2002 B set.)"""
MIN_FRAGMENT_LENGTH = 15
"""Skeleton pieces shorter than this (pixels) are removed as fragments."""
MAX_GAP_LENGTH = 14
"""Two ridge endings closer than this, facing each other, are joined as one broken ridge."""
MAX_GAP_ANGLE = math.radians(35.0)
"""Tolerance between each ending's outward direction and the line joining the two endings."""

# --- minutia detection & direction ------------------------------------------------------------------------------
DIRECTION_RADIUS = 11
"""Skeleton pixels up to this distance along a branch give the branch's direction at a minutia."""
DIRECTION_MIN_RADIUS = 2
MIN_BRANCH_PIXELS = 5
"""A bifurcation needs three branches of at least this many pixels inside the direction radius."""
SNAP_TOLERANCE = math.radians(30.0)
"""A traced direction within this of the orientation field takes the field's (smoother) angle."""

# --- minutia filters --------------------------------------------------------------------------------------------
BORDER_MARGIN = 8
"""Minutiae closer than this to the edge of the (eroded) foreground mask are dropped: half a block, the
uncertainty of a mask drawn from 16-px blocks, where the mask cuts ridges into false endings. Measured with the
MCC matcher (session 23, `zuil bench accuracy`, all pairs): 2 px -> 8 px took the FVC2002 B EER from
1.07/1.79/3.57/2.14 % to 0.94/1.43/1.07/1.74 % (DB1-DB4) and, on synthetic sets the extractor was never tuned on
(20 fingers x 8, seed 4242), the partial-contact EER from 2.68 to 1.49 % and the distorted from 0.71 to 0.36 %.
(12 px and more lost again on every FVC2002 B set.)"""
BORDER_CUT_REACH = 14.0
BORDER_CUT_STEPS = 4
"""An ending whose ridge, continued outward this far (checked at this many points), leaves the foreground
is probably where the mask cut a ridge, not where a ridge ends: it is kept (bozorth3 on FVC2002 DB1 did
better with them) but its reliability is scaled by ``BORDER_CUT_RELIABILITY``."""
BORDER_CUT_RELIABILITY = 0.25
CLOUD_RADIUS = 20
CLOUD_MAX_NEIGHBOURS = 8
"""A minutia with more than this many neighbours within the cloud radius sits in a mess and is dropped."""
MIN_PAIR_DISTANCE = 5
"""Two minutiae closer than this are a spur, bridge or break artefact; both are dropped."""
BROKEN_RIDGE_DISTANCE = 20
BROKEN_RIDGE_ANGLE = math.radians(40.0)
"""Two endings this close, pointing at each other, are the two sides of a broken ridge; both are dropped."""
MAX_MINUTIAE = 50
"""At most this many minutiae, the most reliable first. On FVC2002 a cap of 50 beat 100 (bozorth3 EER on every
set): past ~50 the extra minutiae are mostly noise in unclear regions."""
MIN_RELIABILITY = 0
"""Minutiae below this reliability (0-100) are not kept. 0: the cap above does the choosing (dropping the
low-clarity ones outright cost accuracy near cores and at the print's edge)."""

# --- reliability ------------------------------------------------------------------------------------------------
CLARITY_SIGMA = 6.0
"""Window (Gaussian sigma) of the local amplitude of the enhanced image that measures ridge clarity."""
RELIABILITY_CLARITY_FLOOR = 0.3
RELIABILITY_CLARITY_FULL = 1.0
"""Clarity (local amplitude / median amplitude) maps linearly from floor (reliability 0) to full (100)."""
RELIABILITY_BORDER_FULL = 30
"""Distance from the mask edge (pixels) beyond which a minutia is no longer penalised for its position."""
