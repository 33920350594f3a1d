"""Image -> template: the minutiae extractor (after the SourceAFIS algorithm description and the literature).

Public surface: :func:`extract` and :class:`DebugSink`. Everything else is the private engine: one module per
pipeline step (``segmentation_mask.compute``, ``orientation_field.compute``, ``enhancement.apply``, ...),
chained by :mod:`.pipeline`, with every constant in :mod:`.parameters`.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from enrollment.errors import ExtractionError
from enrollment.extraction import pipeline
from enrollment.extraction.debug import DebugSink
from enrollment.quality import assess
from enrollment.template.model import Template

__all__ = ["DebugSink", "ExtractionError", "extract"]


def extract(image: np.ndarray, *, dpi: int = 500, finger_position: int = 0, debug: DebugSink | None = None) -> Template:
    """The minutiae template of ``image`` (2-D uint8 grey, dark ridges on a light background, ``dpi``).

    Positions are at 500 dpi (the image is resampled first). ``quality`` is the NFIQ 2-like score of
    :func:`enrollment.quality.assess`. Raises :class:`ExtractionError` when there is no usable foreground.
    """
    extraction = pipeline.run(image, dpi=dpi, finger_position=finger_position, debug=debug)
    report = assess(extraction.image, extraction)
    return replace(extraction.template, quality=report.score)
