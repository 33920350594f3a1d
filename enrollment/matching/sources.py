"""Turn a file into a template for the matcher: native template, ISO/IEC 19794-2 record, or image.

Images need the extractor (``enrollment.extraction``) and the decoders (``enrollment.imaging``); templates the
codecs in ``enrollment.template``. They are imported when needed so the matching core depends on none of them.
"""

from __future__ import annotations

from pathlib import Path

from enrollment.errors import EnrollmentError, MatchingError
from enrollment.template.model import Template

ISO_SUFFIXES = {".iso", ".dat", ".fmr", ".ist"}  # preferred over images of the same name by calibration
IMAGE_SUFFIXES = {".png", ".bmp", ".jpg", ".jpeg", ".tif", ".tiff", ".wsq", ".pgm"}


def _from_image(path: Path, dpi: int | None, finger_position: int) -> Template:
    try:
        from enrollment.extraction import extract  # type: ignore[import-not-found]
        from enrollment.imaging import load_image  # type: ignore[import-not-found]
    except ImportError as exc:
        raise MatchingError(f"{path}: matching images needs the extractor, which is not installed ({exc})") from exc
    image = load_image(path, dpi=dpi)
    pixels = getattr(image, "array", image)
    resolution = getattr(image, "dpi", dpi or 500)
    return extract(pixels, dpi=resolution, finger_position=finger_position)


def load_template(path: str | Path, *, dpi: int | None = None, finger_position: int = 0) -> Template:
    """The template in ``path``; raises :class:`EnrollmentError` subclasses saying which file and why."""
    path = Path(path)
    try:
        if path.suffix.lower() in IMAGE_SUFFIXES:
            return _from_image(path, dpi, finger_position)
        from enrollment.template import read_template_file

        templates = read_template_file(path)  # bounded: refuses FIFOs, devices and oversized files unread
    except EnrollmentError:
        raise
    except (ValueError, OSError) as exc:
        raise MatchingError(f"{path}: {exc}") from exc
    if len(templates) != 1:
        raise MatchingError(f"{path}: holds {len(templates)} finger views; give one finger per file")
    return templates[0]
