"""A picture of a template over its image, for people checking the extractor: endings in one colour,
bifurcations in another, each with a tick along its direction; unreliable minutiae drawn thin."""

from __future__ import annotations

import math

import cv2
import numpy as np

from enrollment.template.model import KIND_BIFURCATION, Template

ENDING_COLOUR = (0, 0, 230)  # BGR: red
BIFURCATION_COLOUR = (230, 120, 0)  # BGR: blue
TICK_LENGTH = 12
SCALE = 2
UNRELIABLE = 30
"""Minutiae with reliability below this (e.g. endings where the finger's edge cut a ridge) are drawn thin."""


def render(image: np.ndarray, template: Template) -> np.ndarray:
    """A BGR image (twice the template's size) of ``image`` resized to the template with the minutiae drawn."""
    grey = cv2.resize(image, (template.width * SCALE, template.height * SCALE), interpolation=cv2.INTER_LINEAR)
    canvas = cv2.cvtColor(grey, cv2.COLOR_GRAY2BGR)
    for (x, y), direction, kind, reliability in zip(
        template.positions, template.directions, template.kinds, template.reliability, strict=True
    ):
        width = 1 if reliability < UNRELIABLE else 2
        colour = BIFURCATION_COLOUR if kind == KIND_BIFURCATION else ENDING_COLOUR
        cx, cy = int(x) * SCALE + SCALE // 2, int(y) * SCALE + SCALE // 2
        tip = (round(cx + TICK_LENGTH * SCALE * math.cos(direction)),
               round(cy - TICK_LENGTH * SCALE * math.sin(direction)))
        if kind == KIND_BIFURCATION:
            half = 2 * SCALE
            cv2.rectangle(canvas, (cx - half, cy - half), (cx + half, cy + half), colour, width)
        else:
            cv2.circle(canvas, (cx, cy), 3 * SCALE // 2 + 2, colour, width)
        cv2.line(canvas, (cx, cy), tip, colour, width, cv2.LINE_AA)
    return canvas
