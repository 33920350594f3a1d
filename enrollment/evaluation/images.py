"""Read a fingerprint image as 8-bit grey plus its resolution, through the project's decoders."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from enrollment.imaging import load_image


def read_grey(path: str | Path) -> tuple[np.ndarray, int]:
    """The image at ``path`` as a 2-D uint8 array and its resolution in dpi (500 when the file states none).

    Decoding (PNG, BMP, JPEG, TIFF, WSQ), grey conversion and the size guards are ``enrollment.imaging``'s;
    its typed ``ImageError`` subclasses count as failures to extract.
    """
    decoded = load_image(path)
    return np.asarray(decoded.array, dtype=np.uint8), int(decoded.dpi)
