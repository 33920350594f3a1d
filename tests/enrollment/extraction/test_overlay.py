"""The extractor's overlay: minutiae marks over the image and a legend strip under it naming each mark."""

from __future__ import annotations

import numpy as np

from enrollment.extraction import overlay
from enrollment.template.model import KIND_BIFURCATION, KIND_ENDING, Template


def _colour_pixels(picture: np.ndarray, colour: tuple[int, int, int]) -> int:
    return int(np.all(picture == np.array(colour, np.uint8), axis=-1).sum())


def _template() -> Template:
    return Template.create(width=200, height=150, positions=[[40, 40], [120, 90], [160, 30]],
                           directions=[0.0, 1.0, 2.0], kinds=[KIND_ENDING, KIND_BIFURCATION, KIND_ENDING],
                           reliability=[90, 90, 10])


def test_the_overlay_carries_its_legend_under_the_image():
    template = _template()
    picture = overlay.render(np.full((150, 200), 200, np.uint8), template)
    image_height = template.height * overlay.SCALE
    strip = picture[image_height:]
    assert picture.shape[1] == template.width * overlay.SCALE and strip.shape[0] > 0
    assert np.array_equal(strip, overlay.legend(picture.shape[1]))
    assert _colour_pixels(strip, overlay.ENDING_COLOUR) > 20  # the ending mark and the thin one
    assert _colour_pixels(strip, overlay.BIFURCATION_COLOUR) > 20
    assert (strip.max(axis=-1) < 60).sum() > 200  # black text


def test_each_legend_entry_is_drawn_and_a_narrow_legend_wraps():
    wide, narrow = overlay.legend(800), overlay.legend(150)
    assert narrow.shape[0] == len(overlay.LEGEND) * wide.shape[0]  # one line wide, one entry a line narrow
    lines = np.array_split(narrow, len(overlay.LEGEND))  # one entry per line at this width
    for (kind, _width, _text), line in zip(overlay.LEGEND, lines, strict=True):
        colour = overlay.BIFURCATION_COLOUR if kind == KIND_BIFURCATION else overlay.ENDING_COLOUR
        assert _colour_pixels(line, colour) > 5
        assert (line.max(axis=-1) < 60).sum() > 50  # its text
    texts = [text for _kind, _width, text in overlay.LEGEND]
    assert texts[:2] == ["ending", "bifurcation"] and str(overlay.UNRELIABLE) in texts[2]
