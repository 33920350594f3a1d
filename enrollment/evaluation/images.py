"""Read a fingerprint image as 8-bit grey plus its resolution, through the project's decoders when present."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from enrollment.errors import ImageError
from enrollment.evaluation import parameters


def read_grey(path: str | Path) -> tuple[np.ndarray, int]:
    """The image at ``path`` as a 2-D uint8 array and its resolution in dpi (500 when the file states none).

    Uses ``enrollment.imaging.load_image`` (WSQ, TIFF, PNG, ... with DPI handling) when that part is installed;
    otherwise Pillow, which covers the PNG/TIFF/BMP/JPEG images of the public sets.
    """
    try:
        from enrollment.imaging import load_image
    except ImportError:
        return _read_with_pillow(Path(path))
    decoded = load_image(path)
    dpi = getattr(decoded, "dpi", None) or parameters.DEFAULT_DPI
    return np.asarray(decoded.array, dtype=np.uint8), round(float(dpi))


def _read_with_pillow(path: Path) -> tuple[np.ndarray, int]:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            array = np.asarray(image.convert("L"), dtype=np.uint8)
            dpi = image.info.get("dpi")
    except FileNotFoundError as exc:
        raise ImageError(f"{path}: no such file") from exc
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise ImageError(f"{path}: not a readable image ({exc})") from exc
    if array.ndim != 2 or min(array.shape) < 16:
        raise ImageError(f"{path}: image of shape {array.shape} is too small to hold a fingerprint")
    resolution = parameters.DEFAULT_DPI
    if isinstance(dpi, tuple) and dpi and 100 <= float(dpi[0]) <= 2000:
        resolution = round(float(dpi[0]))
    return array, resolution
