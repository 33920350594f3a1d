"""Range checks shared by the template parsers, reporting the byte offset of the first bad field."""

from __future__ import annotations

import numpy as np

from enrollment.errors import TemplateFormatError
from enrollment.template.model import FINGER_POSITIONS, KIND_BIFURCATION, MAX_DIMENSION, MAX_MINUTIAE

MIN_DPI, MAX_DPI = 100, 2000


def check_header(
    width: int, height: int, dpi: int, quality: int, finger: int, count: int, *, offsets: tuple[int, ...]
) -> None:
    """Refuse out-of-range header fields; ``offsets`` gives the byte offset of each field in that order."""
    at_w, at_h, at_dpi, at_q, at_f, at_n = offsets
    if not 0 < width <= MAX_DIMENSION:
        raise TemplateFormatError(f"byte {at_w}: width {width} outside 1..{MAX_DIMENSION}")
    if not 0 < height <= MAX_DIMENSION:
        raise TemplateFormatError(f"byte {at_h}: height {height} outside 1..{MAX_DIMENSION}")
    if not MIN_DPI <= dpi <= MAX_DPI:
        raise TemplateFormatError(f"byte {at_dpi}: resolution {dpi} dpi outside {MIN_DPI}..{MAX_DPI}")
    if not 0 <= quality <= 100:
        raise TemplateFormatError(f"byte {at_q}: quality {quality} outside 0..100")
    if finger not in FINGER_POSITIONS:
        raise TemplateFormatError(f"byte {at_f}: finger position {finger} is not an ISO code 0..10")
    if count > MAX_MINUTIAE:
        raise TemplateFormatError(f"byte {at_n}: {count} minutiae, at most {MAX_MINUTIAE} allowed")


def check_minutiae(
    xs: np.ndarray,
    ys: np.ndarray,
    kinds: np.ndarray,
    reliability: np.ndarray,
    width: int,
    height: int,
    *,
    first_offset: int,
    stride: int,
    field_offsets: tuple[int, int, int, int],
) -> None:
    """Refuse the first minutia with a field out of range, naming its index and byte offset."""
    checks = (
        ("x", xs, xs >= width, f"outside the image width {width}"),
        ("y", ys, ys >= height, f"outside the image height {height}"),
        ("type", kinds, kinds > KIND_BIFURCATION, "not 0 (other), 1 (ending) or 2 (bifurcation)"),
        ("quality", reliability, reliability > 100, "outside 0..100"),
    )
    for (name, values, bad, why), field_at in zip(checks, field_offsets, strict=True):
        if np.any(bad):
            index = int(np.argmax(bad))
            raise TemplateFormatError(
                f"byte {first_offset + index * stride + field_at}: minutia {index} {name} {int(values[index])} {why}"
            )
