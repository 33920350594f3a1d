"""The finger's window: steps after segmentation run on the foreground's box plus a margin, on the block grid."""

from __future__ import annotations

import numpy as np

from enrollment.extraction import block_map, finger_window, pipeline
from enrollment.extraction import parameters as p
from tests.enrollment.extraction.synthetic import ENDING, ridge_image


def test_window_holds_the_foreground_and_margin_on_the_block_grid():
    mask = np.zeros((480, 640), bool)
    mask[150:260, 300:420] = True
    window = finger_window.compute(mask, block_map.compute(mask.shape))
    margin = p.FINGER_WINDOW_MARGIN
    assert window.top % p.BLOCK_SIZE == 0 and window.left % p.BLOCK_SIZE == 0
    assert window.top <= 150 - margin and window.bottom >= 260 + margin
    assert window.left <= 300 - margin and window.right >= 420 + margin
    assert window.top > 150 - margin - p.BLOCK_SIZE and window.right < 420 + margin + p.BLOCK_SIZE
    rows, columns = window.blocks
    assert (rows.start, columns.start) == (window.top // p.BLOCK_SIZE, window.left // p.BLOCK_SIZE)


def test_window_is_clipped_to_the_frame():
    mask = np.zeros((100, 90), bool)
    mask[5:95, 3:88] = True
    window = finger_window.compute(mask, block_map.compute(mask.shape))
    assert (window.top, window.bottom, window.left, window.right) == (0, 100, 0, 90)
    assert window.blocks == (slice(0, 7), slice(0, 6))


def test_place_puts_a_window_map_back_into_the_frame():
    window = finger_window.FingerWindow(16, 48, 32, 64, 16)
    whole = window.place(np.ones((32, 32), np.float32), (80, 96), fill=-1)
    assert whole.shape == (80, 96) and whole[16:48, 32:64].min() == 1
    assert whole.sum() == 32 * 32 - (80 * 96 - 32 * 32)
    blocks = window.place_blocks(np.full((2, 2), 7.0, np.float32), (5, 6), fill=9)
    assert blocks[1:3, 2:4].tolist() == [[7, 7], [7, 7]] and (blocks == 9).sum() == 5 * 6 - 4


def test_maps_of_a_print_in_a_large_blank_frame_are_whole_frame_and_empty_outside_its_window():
    frame = np.full((480, 640), 200, np.uint8)
    frame[120:400, 330:610] = ridge_image((280, 280), [(140.0, 140.0)], kind=ENDING, angle=0.7)
    extraction = pipeline.run(frame)
    window = finger_window.compute(extraction.mask, block_map.compute(frame.shape))
    assert window.left > 0 and window.top > 0  # the window leaves background out
    outside = np.ones(frame.shape, bool)
    outside[window.pixels] = False
    for name in ("equalized", "angle", "coherence", "ridges", "skeleton"):
        array = getattr(extraction, name)
        assert array.shape == frame.shape, name
        assert not array[outside].any(), name
    assert extraction.ridge_period.shape == extraction.block_mask.shape
    assert len(extraction.template) > 0
    assert (extraction.template.positions[:, 0] >= window.left).all()
