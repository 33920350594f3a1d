"""A picture of a template over its image, for people checking the extractor: endings in one colour,
bifurcations in another, each with a tick along its direction; unreliable minutiae drawn thin. A legend strip
under the image names each mark."""

from __future__ import annotations

import math

import cv2
import numpy as np

from enrollment.template.model import KIND_BIFURCATION, KIND_ENDING, Template

ENDING_COLOUR = (0, 0, 230)  # BGR: red
BIFURCATION_COLOUR = (230, 120, 0)  # BGR: blue
TICK_LENGTH = 12
SCALE = 2
UNRELIABLE = 30
"""Minutiae with reliability below this (e.g. endings where the finger's edge cut a ridge) are drawn thin."""

LEGEND = (
    (KIND_ENDING, 2, "ending"),
    (KIND_BIFURCATION, 2, "bifurcation"),
    (KIND_ENDING, 1, f"thin: reliability < {UNRELIABLE}"),
)
"""The legend's entries, left to right: (kind, line width, text); the tick shows the minutia's direction."""
_FONT = cv2.FONT_HERSHEY_SIMPLEX
_FONT_SCALE = 0.5
_TEXT_COLOUR = (0, 0, 0)
_LEGEND_LINE = 30  # pixels per legend line
_LEGEND_PAD = 8
_SYMBOL_WIDTH = 44  # the mark and its tick, before the text
_RULE_GREY = 160


def _mark(canvas: np.ndarray, cx: int, cy: int, direction: float, kind: int, width: int) -> None:
    """One minutia's mark centred on (cx, cy) of the scaled canvas, with its tick along ``direction``."""
    colour = BIFURCATION_COLOUR if kind == KIND_BIFURCATION else ENDING_COLOUR
    tip = (round(cx + TICK_LENGTH * SCALE * math.cos(direction)),
           round(cy - TICK_LENGTH * SCALE * math.sin(direction)))
    if kind == KIND_BIFURCATION:
        half = 2 * SCALE
        cv2.rectangle(canvas, (cx - half, cy - half), (cx + half, cy + half), colour, width)
    else:
        cv2.circle(canvas, (cx, cy), 3 * SCALE // 2 + 2, colour, width)
    cv2.line(canvas, (cx, cy), tip, colour, width, cv2.LINE_AA)


def legend(width: int) -> np.ndarray:
    """A white BGR strip ``width`` pixels wide with the marks of :data:`LEGEND` and their texts, wrapped onto
    as many lines as the width needs."""
    places: list[tuple[int, int]] = []  # (x, line) of each entry
    x, line = _LEGEND_PAD, 0
    for _kind, _width, text in LEGEND:
        entry = _SYMBOL_WIDTH + cv2.getTextSize(text, _FONT, _FONT_SCALE, 1)[0][0] + 2 * _LEGEND_PAD
        if x > _LEGEND_PAD and x + entry > width:
            x, line = _LEGEND_PAD, line + 1
        places.append((x, line))
        x += entry
    strip = np.full(((places[-1][1] + 1) * _LEGEND_LINE, width, 3), 255, np.uint8)
    strip[0] = _RULE_GREY  # a rule between the image and its legend
    for (kind, line_width, text), (x, line) in zip(LEGEND, places, strict=True):
        middle = line * _LEGEND_LINE + _LEGEND_LINE // 2
        _mark(strip, x + 8, middle, 0.0, kind, line_width)
        cv2.putText(strip, text, (x + _SYMBOL_WIDTH, middle + 5), _FONT, _FONT_SCALE, _TEXT_COLOUR, 1, cv2.LINE_AA)
    return strip


def render(image: np.ndarray, template: Template) -> np.ndarray:
    """A BGR image of ``image`` resized to twice the template's size with the minutiae drawn, and the
    :func:`legend` strip underneath."""
    grey = cv2.resize(image, (template.width * SCALE, template.height * SCALE), interpolation=cv2.INTER_LINEAR)
    canvas = cv2.cvtColor(grey, cv2.COLOR_GRAY2BGR)
    for (x, y), direction, kind, reliability in zip(
        template.positions, template.directions, template.kinds, template.reliability, strict=True
    ):
        width = 1 if reliability < UNRELIABLE else 2
        _mark(canvas, int(x) * SCALE + SCALE // 2, int(y) * SCALE + SCALE // 2, direction, kind, width)
    return np.vstack([canvas, legend(canvas.shape[1])])
