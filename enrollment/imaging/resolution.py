"""Choose an image's resolution (caller, file, default) and check its size against the limits."""

from __future__ import annotations

import math

from enrollment.imaging import parameters as p
from enrollment.imaging.errors import ImageTooLargeError, ImageTooSmallError, ResolutionError


def choose_dpi(given: int | None, in_file: float | tuple[float, float] | None, where: str) -> tuple[int, str]:
    """The resolution to use and where it came from ("argument", "file" or "default")."""
    if given is not None:
        if isinstance(given, bool) or not isinstance(given, int | float) or not math.isfinite(given):
            raise ResolutionError(f"{where}: resolution {given!r} is not a number of dots per inch")
        return _in_range(round(given), where, "given"), "argument"
    measured = _file_dpi(in_file, where)
    if measured is None:
        return p.DEFAULT_DPI, "default"
    return _in_range(measured, where, "in the file"), "file"


def _file_dpi(in_file: float | tuple[float, float] | None, where: str) -> int | None:
    if in_file is None:
        return None
    pair = in_file if isinstance(in_file, tuple) else (in_file, in_file)
    try:
        x_dpi, y_dpi = (float(v) for v in pair)
    except (TypeError, ValueError):
        return None
    if not (math.isfinite(x_dpi) and math.isfinite(y_dpi)):
        return None
    if max(x_dpi, y_dpi) < p.PLACEHOLDER_DPI_BELOW:
        return None  # 0, 1 (aspect ratio only), 72 or 96 "screen" dpi: says nothing about the scan
    if abs(x_dpi - y_dpi) > p.DPI_ASPECT_TOLERANCE * max(x_dpi, y_dpi):
        raise ResolutionError(f"{where}: pixels are not square ({x_dpi:.0f} x {y_dpi:.0f} dpi)")
    return round((x_dpi + y_dpi) / 2)


def _in_range(dpi: int, where: str, origin: str) -> int:
    if not p.MIN_DPI <= dpi <= p.MAX_DPI:
        raise ResolutionError(f"{where}: resolution {dpi} dpi {origin} is outside {p.MIN_DPI}..{p.MAX_DPI}")
    return dpi


def size_at_target(width: int, height: int, dpi: int) -> tuple[int, int]:
    """(width, height) in pixels once rescaled to the target resolution."""
    scale = p.TARGET_DPI / dpi
    return max(1, round(width * scale)), max(1, round(height * scale))


def check_size(width: int, height: int, where: str, *, dpi: int | None) -> None:
    """Refuse absurd sizes (``dpi`` None: as stored) or sizes unusable at the target resolution."""
    if dpi is None:
        if width <= 0 or height <= 0:
            raise ImageTooSmallError(f"{where}: image has no pixels ({width}x{height})")
        if width > p.MAX_SIDE or height > p.MAX_SIDE or width * height > p.MAX_PIXELS:
            raise ImageTooLargeError(
                f"{where}: {width}x{height} pixels exceeds {p.MAX_SIDE} a side or {p.MAX_PIXELS} pixels"
            )
        return
    target_w, target_h = size_at_target(width, height, dpi)
    if min(target_w, target_h) < p.MIN_SIDE:
        raise ImageTooSmallError(
            f"{where}: {width}x{height} pixels at {dpi} dpi is {target_w}x{target_h} at {p.TARGET_DPI} dpi; "
            f"at least {p.MIN_SIDE} a side is needed"
        )
    if target_w > p.MAX_SIDE or target_h > p.MAX_SIDE or target_w * target_h > p.MAX_PIXELS:
        raise ImageTooLargeError(
            f"{where}: {width}x{height} pixels at {dpi} dpi is {target_w}x{target_h} at {p.TARGET_DPI} dpi, "
            f"more than {p.MAX_SIDE} a side or {p.MAX_PIXELS} pixels"
        )
