"""The contact sheet: images laid out row by row, each captioned with its finger and impression."""

from __future__ import annotations

import numpy as np

from enrollment.synthesis import contact_sheet
from enrollment.synthesis.contact_sheet import CAPTION_HEIGHT, captions, compose

GAP = 6


def _cells(sheet: np.ndarray, height: int, width: int, rows: int, columns: int):
    """(image, caption band) of each cell, row by row."""
    for i in range(rows):
        for j in range(columns):
            y, x = i * (height + CAPTION_HEIGHT + GAP), j * (width + GAP)
            yield sheet[y : y + height, x : x + width], sheet[y + height : y + height + CAPTION_HEIGHT, x : x + width]


def test_captions_name_finger_and_impression_from_one():
    rows = [[np.zeros((4, 4), np.uint8)] * 3] * 2
    assert captions(rows, [np.zeros((4, 4), np.uint8)]) == [
        ["reference 1"],
        ["finger 1, impression 1", "finger 1, impression 2", "finger 1, impression 3"],
        ["finger 2, impression 1", "finger 2, impression 2", "finger 2, impression 3"],
    ]


def test_every_image_carries_its_own_caption_underneath():
    height, width = 120, 260
    rows = [[np.full((height, width), 100 + 10 * (3 * i + k), np.uint8) for k in range(3)] for i in range(2)]
    reference = [np.full((height, width), 50, np.uint8)]
    sheet = compose(rows, reference)
    assert sheet.shape == (3 * (height + CAPTION_HEIGHT + GAP) - GAP, 3 * (width + GAP) - GAP)
    cells = list(_cells(sheet, height, width, 3, 3))
    images = [reference[0], None, None, *rows[0], *rows[1]]
    bands = []
    for (image, band), expected in zip(cells, images, strict=True):
        if expected is None:  # the reference row has one image: the rest of its row is blank
            assert (image == 255).all() and (band == 255).all()
            continue
        assert np.array_equal(image, expected)  # the caption does not cover the image
        assert (band < 100).sum() > 100  # dark text on the white band
        bands.append(band)
    assert len({band.tobytes() for band in bands}) == len(bands)  # each caption differs from every other


def test_narrow_images_get_the_short_captions_that_fit():
    assert captions([[np.zeros((4, 4), np.uint8)] * 2], [np.zeros((4, 4), np.uint8)], short=True) == [
        ["ref 1"], ["1_1", "1_2"]]
    sheet = compose([[np.full((80, 64), 200, np.uint8)] * 2])
    for _image, band in _cells(sheet, 80, 64, 1, 2):
        assert (band < 100).sum() > 20
        assert (band[:, -3:] == 255).all()  # the text stops inside the band


def test_encode_png_round_trips():
    import cv2

    sheet = compose([[np.full((50, 70), 90, np.uint8)]])
    assert np.array_equal(cv2.imdecode(np.frombuffer(contact_sheet.encode_png(sheet), np.uint8), 0), sheet)
