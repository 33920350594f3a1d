"""Turn a file into a template for the matcher: native template, ISO/IEC 19794-2 record, or image.

Images need the extractor (``enrollment.extraction``) and the decoders (``enrollment.imaging``); templates the
codecs in ``enrollment.template``. Each is imported when needed so the matcher itself depends on none of them.
"""

from __future__ import annotations

from pathlib import Path

from enrollment.errors import EnrollmentError, MatchingError
from enrollment.template.model import Template

TEMPLATE_SUFFIXES = {".tpl", ".zft", ".template", ".bin"}
ISO_SUFFIXES = {".iso", ".dat", ".fmr", ".ist"}
IMAGE_SUFFIXES = {".png", ".bmp", ".jpg", ".jpeg", ".tif", ".tiff", ".wsq", ".pgm"}


def _from_iso(data: bytes, where: str) -> Template:
    try:
        from enrollment.template import from_iso  # type: ignore[attr-defined]
    except ImportError:
        from enrollment.matching import _iso_fallback

        return _iso_fallback.read(data, where)
    return from_iso(data)


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
        data = path.read_bytes()
    except OSError as exc:
        raise MatchingError(f"{path}: cannot read ({exc.strerror})") from exc
    suffix = path.suffix.lower()
    try:
        if data[:4] == b"FMR\0" or suffix in ISO_SUFFIXES:
            return _from_iso(data, str(path))
        if suffix in IMAGE_SUFFIXES:
            return _from_image(path, dpi, finger_position)
        from enrollment.template import deserialize

        return deserialize(data)
    except EnrollmentError:
        raise
    except (ValueError, OSError) as exc:
        raise MatchingError(f"{path}: {exc}") from exc
