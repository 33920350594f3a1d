"""A contact sheet: a grid of impressions (one row per finger) under an optional row of reference images.

For looking at the generator's output next to real prints; pure numpy, no plotting library.
"""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np

_GAP = 6
_GAP_GREY = 128


def _fit(image: np.ndarray, width: int, height: int) -> np.ndarray:
    """Pad (white) or crop ``image`` to ``height`` x ``width``, centred."""
    out = np.full((height, width), 255, dtype=np.uint8)
    h, w = min(height, image.shape[0]), min(width, image.shape[1])
    sy, sx = (image.shape[0] - h) // 2, (image.shape[1] - w) // 2
    dy, dx = (height - h) // 2, (width - w) // 2
    out[dy : dy + h, dx : dx + w] = image[sy : sy + h, sx : sx + w]
    return out


def compose(rows: Sequence[Sequence[np.ndarray]], reference: Sequence[np.ndarray] = ()) -> np.ndarray:
    """One uint8 image: ``reference`` images (if any) on top, then each row of ``rows``, with grey gaps."""
    all_rows = [list(reference)] if reference else []
    all_rows += [list(r) for r in rows]
    images = [im for r in all_rows for im in r]
    if not images:
        raise ValueError("a contact sheet needs at least one image")
    cell_h = max(im.shape[0] for im in images)
    cell_w = max(im.shape[1] for im in images)
    columns = max(len(r) for r in all_rows)
    sheet = np.full((len(all_rows) * (cell_h + _GAP) - _GAP, columns * (cell_w + _GAP) - _GAP), _GAP_GREY, np.uint8)
    for i, row in enumerate(all_rows):
        for j in range(columns):
            y, x = i * (cell_h + _GAP), j * (cell_w + _GAP)
            cell = _fit(row[j], cell_w, cell_h) if j < len(row) else np.full((cell_h, cell_w), 255, np.uint8)
            sheet[y : y + cell_h, x : x + cell_w] = cell
    return sheet


def encode_png(image: np.ndarray) -> bytes:
    ok, data = cv2.imencode(".png", image)
    if not ok:
        raise ValueError("PNG encoding failed")
    return data.tobytes()
