"""A contact sheet: a grid of impressions (one row per finger) under an optional row of reference images,
each image captioned underneath ("finger 3, impression 2", numbered from 1 as in the FVC file names; "3_2"
when the images are too narrow for the long form).

For looking at the generator's output next to real prints; numpy and OpenCV, no plotting library.
"""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np

_GAP = 6
_GAP_GREY = 128
CAPTION_HEIGHT = 28
"""Pixels of the white band under each image that holds its caption."""
_FONT = cv2.FONT_HERSHEY_SIMPLEX
_FONT_SCALE = 0.6
_MIN_FONT_SCALE = 0.4  # below this the long captions are hard to read: the short ones are used
_TEXT_MARGIN = 6


def _fit(image: np.ndarray, width: int, height: int) -> np.ndarray:
    """Pad (white) or crop ``image`` to ``height`` x ``width``, centred."""
    out = np.full((height, width), 255, dtype=np.uint8)
    h, w = min(height, image.shape[0]), min(width, image.shape[1])
    sy, sx = (image.shape[0] - h) // 2, (image.shape[1] - w) // 2
    dy, dx = (height - h) // 2, (width - w) // 2
    out[dy : dy + h, dx : dx + w] = image[sy : sy + h, sx : sx + w]
    return out


def captions(rows: Sequence[Sequence[np.ndarray]], reference: Sequence[np.ndarray] = (), *,
             short: bool = False) -> list[list[str]]:
    """The caption of every image, row by row as :func:`compose` lays them out: "reference N" for the reference
    row, "finger I, impression K" (from 1) for the rows of impressions; ``short``: "ref N" and "I_K"."""
    top = [[f"ref {k + 1}" if short else f"reference {k + 1}" for k in range(len(reference))]] if reference else []
    return top + [[f"{i + 1}_{k + 1}" if short else f"finger {i + 1}, impression {k + 1}" for k in range(len(row))]
                  for i, row in enumerate(rows)]


def _scale(texts: list[list[str]], width: int) -> float:
    """The font scale at which the widest of ``texts`` fits ``width`` (at most the normal scale)."""
    widest = max(cv2.getTextSize(t, _FONT, _FONT_SCALE, 1)[0][0] for row in texts for t in row)
    return _FONT_SCALE * min(1.0, (width - 2 * _TEXT_MARGIN) / max(widest, 1))


def _caption(text: str, width: int, scale: float) -> np.ndarray:
    """A white band ``width`` wide with ``text`` in black."""
    band = np.full((CAPTION_HEIGHT, width), 255, np.uint8)
    cv2.putText(band, text, (_TEXT_MARGIN, CAPTION_HEIGHT - 9), _FONT, scale, 0, 1, cv2.LINE_AA)
    return band


def compose(rows: Sequence[Sequence[np.ndarray]], reference: Sequence[np.ndarray] = ()) -> np.ndarray:
    """One uint8 image: ``reference`` images (if any) on top, then each row of ``rows``, every image with its
    caption (:func:`captions`) underneath, with grey gaps."""
    all_rows = [list(reference)] if reference else []
    all_rows += [list(r) for r in rows]
    images = [im for r in all_rows for im in r]
    if not images:
        raise ValueError("a contact sheet needs at least one image")
    cell_h = max(im.shape[0] for im in images)
    cell_w = max(im.shape[1] for im in images)
    texts = captions(rows, reference)
    scale = _scale(texts, cell_w)
    if scale < _MIN_FONT_SCALE:
        texts = captions(rows, reference, short=True)
        scale = _scale(texts, cell_w)
    step_y = cell_h + CAPTION_HEIGHT + _GAP
    columns = max(len(r) for r in all_rows)
    sheet = np.full((len(all_rows) * step_y - _GAP, columns * (cell_w + _GAP) - _GAP), _GAP_GREY, np.uint8)
    for i, row in enumerate(all_rows):
        for j in range(columns):
            y, x = i * step_y, j * (cell_w + _GAP)
            cell = _fit(row[j], cell_w, cell_h) if j < len(row) else np.full((cell_h, cell_w), 255, np.uint8)
            sheet[y : y + cell_h, x : x + cell_w] = cell
            caption = _caption(texts[i][j], cell_w, scale) if j < len(row) else np.full((CAPTION_HEIGHT, cell_w), 255)
            sheet[y + cell_h : y + cell_h + CAPTION_HEIGHT, x : x + cell_w] = caption
    return sheet


def encode_png(image: np.ndarray) -> bytes:
    ok, data = cv2.imencode(".png", image)
    if not ok:
        raise ValueError("PNG encoding failed")
    return data.tobytes()
