"""The extraction pipeline: one line per step, from a grey image to a template and its quality."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from enrollment.errors import ExtractionError
from enrollment.extraction import (
    binarization,
    block_map,
    enhancement,
    equalization,
    minutia_detection,
    minutia_filters,
    orientation_field,
    resolution,
    ridge_frequency,
    segmentation_mask,
    skeleton_cleanup,
    thinning,
)
from enrollment.extraction import parameters as p
from enrollment.extraction.debug import DebugSink, emit
from enrollment.extraction.minutiae import Minutiae
from enrollment.imaging.parameters import TARGET_DPI
from enrollment.template.model import Template

STEPS = ("resampled", "block_contrast", "mask", "equalized", "orientation", "coherence", "ridge_period",
         "enhanced", "binarized", "skeleton", "cleaned_skeleton", "minutiae_candidates", "minutiae")
"""Names under which each step's intermediate image reaches a :class:`DebugSink`, in order."""


@dataclass(frozen=True)
class Extraction:
    """The template plus the intermediate maps that quality assessment measures (all at 500 dpi)."""

    template: Template
    image: np.ndarray  # float32 grey
    mask: np.ndarray  # bool
    block_mask: np.ndarray  # bool, per block
    block_contrast: np.ndarray  # float32, per block: grey-level standard deviation
    equalized: np.ndarray  # float32
    angle: np.ndarray  # float32 ridge orientation, [0, pi), image coordinates
    coherence: np.ndarray  # float32 0-1
    ridge_period: np.ndarray  # float32 per block
    ridges: np.ndarray  # uint8 0/1
    skeleton: np.ndarray  # uint8 0/1
    candidates: int  # minutiae before filtering


def run(image: np.ndarray, *, dpi: int = 500, finger_position: int = 0, debug: DebugSink | None = None) -> Extraction:
    """Every step from a 2-D uint8 grey image to its template (quality not yet set) and the maps behind it."""
    grey = resolution.resample(image, dpi)
    emit(debug, "resampled", grey)
    blocks = block_map.compute(grey.shape)
    mask = segmentation_mask.compute(grey, blocks)
    emit(debug, "block_contrast", mask.contrast)
    emit(debug, "mask", mask.pixels)
    if int(mask.pixels.sum()) < p.MIN_FOREGROUND_PIXELS:
        raise ExtractionError(f"no usable fingerprint area: {int(mask.pixels.sum())} foreground pixels at 500 dpi, "
                              f"at least {p.MIN_FOREGROUND_PIXELS} needed (blank, flat or tiny image)")
    equalized = equalization.apply(grey, mask.pixels)
    emit(debug, "equalized", equalized)
    field = orientation_field.compute(equalized, mask.pixels)
    emit(debug, "orientation", field.angle)
    emit(debug, "coherence", field.coherence)
    period = ridge_frequency.compute(equalized, mask.blocks, blocks)
    emit(debug, "ridge_period", period)
    enhanced = enhancement.apply(equalized, field.angle, blocks.to_pixels(period), mask.pixels)
    emit(debug, "enhanced", enhanced)
    ridges = binarization.apply(enhanced, mask.pixels)
    emit(debug, "binarized", ridges)
    skeleton = thinning.apply(ridges)
    emit(debug, "skeleton", skeleton)
    skeleton = skeleton_cleanup.apply(skeleton)
    emit(debug, "cleaned_skeleton", skeleton)
    candidates = minutia_detection.detect(skeleton, field.angle)
    emit(debug, "minutiae_candidates", _as_table(candidates))
    kept = minutia_filters.apply(candidates, mask.pixels, minutia_filters.clarity_map(enhanced, mask.pixels))
    emit(debug, "minutiae", _as_table(kept))
    template = Template.create(
        width=grey.shape[1], height=grey.shape[0], resolution_dpi=TARGET_DPI,
        positions=np.clip(np.rint(kept.xy), 0, [grey.shape[1] - 1, grey.shape[0] - 1]),
        directions=np.mod(-kept.angle, 2 * np.pi),  # image (y down) -> counter-clockwise as seen
        kinds=kept.kinds, reliability=np.rint(kept.reliability), finger_position=finger_position,
    )
    return Extraction(template, grey, mask.pixels, mask.blocks, mask.contrast, equalized, field.angle,
                      field.coherence, period, ridges, skeleton, len(candidates))


def _as_table(found: Minutiae) -> np.ndarray:
    """Minutiae as rows of x, y, image angle, kind, reliability (for the debug sink)."""
    return np.column_stack([found.xy, found.angle, found.kinds, found.reliability]).astype(np.float64)
