"""The extraction pipeline: one line per step, from a grey image to a template and its quality."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from enrollment.errors import ExtractionError
from enrollment.extraction import (
    binarization,
    block_map,
    enhancement,
    equalization,
    finger_window,
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


def _placed(window_field: str) -> functools.cached_property:
    """A whole-frame map of :class:`Extraction`, placed from its window field the first time it is read."""

    def place(extraction: Extraction) -> np.ndarray:
        return extraction.window.place(getattr(extraction, window_field), extraction.image.shape)

    place.__doc__ = f"``{window_field}`` placed in the whole frame (computed once, when first read)."
    return functools.cached_property(place)


@dataclass(frozen=True)
class Extraction:
    """The template plus the intermediate maps that quality assessment measures (all at 500 dpi).

    The maps after segmentation are computed on the finger's ``window``; ``window_*`` holds them as computed,
    and the properties of the same names place them in whole-frame arrays (on first use)."""

    template: Template
    image: np.ndarray  # float32 grey
    mask: np.ndarray  # bool
    block_mask: np.ndarray  # bool, per block
    block_contrast: np.ndarray  # float32, per block: grey-level standard deviation
    ridge_period: np.ndarray  # float32 per block
    candidates: int  # minutiae before filtering
    window: finger_window.FingerWindow  # holds all of ``mask``
    window_equalized: np.ndarray  # float32
    window_angle: np.ndarray  # float32 ridge orientation, [0, pi), image coordinates
    window_coherence: np.ndarray  # float32 0-1
    window_ridges: np.ndarray  # uint8 0/1
    window_skeleton: np.ndarray  # uint8 0/1

    equalized = _placed("window_equalized")
    angle = _placed("window_angle")
    coherence = _placed("window_coherence")
    ridges = _placed("window_ridges")
    skeleton = _placed("window_skeleton")


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
    window = finger_window.compute(mask.pixels, blocks)
    inside, inside_blocks = window.pixels, window.blocks
    part = block_map.compute((window.bottom - window.top, window.right - window.left))
    on = mask.pixels[inside]
    equalized = equalization.apply(grey[inside], on)
    _emit_placed(debug, "equalized", window, equalized, grey.shape)
    field = orientation_field.compute(equalized, on)
    _emit_placed(debug, "orientation", window, field.angle, grey.shape)
    _emit_placed(debug, "coherence", window, field.coherence, grey.shape)
    period = ridge_frequency.compute(equalized, mask.blocks[inside_blocks], part)
    if debug is not None:
        emit(debug, "ridge_period", window.place_blocks(period, mask.blocks.shape, p.PRIOR_RIDGE_PERIOD))
    enhanced = enhancement.apply(equalized, field.angle, part.to_pixels(period), on)
    _emit_placed(debug, "enhanced", window, enhanced, grey.shape)
    ridges = binarization.apply(enhanced, on)
    _emit_placed(debug, "binarized", window, ridges, grey.shape)
    skeleton = thinning.apply(ridges)
    _emit_placed(debug, "skeleton", window, skeleton, grey.shape)
    skeleton = skeleton_cleanup.apply(skeleton)
    _emit_placed(debug, "cleaned_skeleton", window, skeleton, grey.shape)
    candidates = minutia_detection.detect(skeleton, field.angle, (window.top, window.left))
    emit(debug, "minutiae_candidates", _as_table(candidates))
    clarity = minutia_filters.clarity_map(enhanced, on, (window.top, window.left))
    kept = minutia_filters.apply(candidates, mask.pixels, clarity)
    emit(debug, "minutiae", _as_table(kept))
    template = Template.create(
        width=grey.shape[1], height=grey.shape[0], resolution_dpi=TARGET_DPI,
        positions=np.clip(np.rint(kept.xy), 0, [grey.shape[1] - 1, grey.shape[0] - 1]),
        directions=np.mod(-kept.angle, 2 * np.pi),  # image (y down) -> counter-clockwise as seen
        kinds=kept.kinds, reliability=np.rint(kept.reliability), finger_position=finger_position,
    )
    return Extraction(template, grey, mask.pixels, mask.blocks, mask.contrast,
                      window.place_blocks(period, mask.blocks.shape, p.PRIOR_RIDGE_PERIOD), len(candidates),
                      window, equalized, field.angle, field.coherence, ridges, skeleton)


def _emit_placed(debug: DebugSink | None, name: str, window: finger_window.FingerWindow, part: np.ndarray,
                shape: tuple[int, int]) -> None:
    """Hand the whole-frame version of the window's map ``part`` to ``debug`` if there is one."""
    if debug is not None:
        emit(debug, name, window.place(part, shape))


def _as_table(found: Minutiae) -> np.ndarray:
    """Minutiae as rows of x, y, image angle, kind, reliability (for the debug sink)."""
    return np.column_stack([found.xy, found.angle, found.kinds, found.reliability]).astype(np.float64)
