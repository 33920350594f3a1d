"""A fingerprint image out, as the record keeps a raw image: PNG, 8-bit grey, its resolution in the file (pHYs), so
that :func:`enrollment.imaging.decode.load_image` reads it back pixel for pixel at that resolution."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image

from enrollment.errors import ImageError


def kept_image(pixels: np.ndarray, dpi: int) -> bytes:
    """``pixels`` (2-D uint8 grey) scanned at ``dpi``, as PNG bytes."""
    array = np.asarray(pixels)
    if array.dtype != np.uint8 or array.ndim != 2:
        raise ImageError(f"a kept image is 2-D uint8 grey, got {array.dtype} {array.shape}")
    out = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(array), "L").save(out, format="PNG", dpi=(dpi, dpi))
    return out.getvalue()
