"""Intakes for the export tests, made of the project's seeded synthetic fingerprints: each finger's image rendered by
:mod:`enrollment.synthesis`, its template extracted from it, both stored sealed as the kiosk stores a capture."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np

from enrollment.consent import consent_text
from enrollment.extraction import extract
from enrollment.imaging.encode import kept_image
from enrollment.records import consents, intakes
from enrollment.records.locations import DEFAULT_LOCATIONS
from enrollment.records.store import RecordStore
from enrollment.synthesis.generator import render_impression, synthesize_master
from enrollment.template import Template, serialize
from enrollment.values.vnumber import parse_vnumber

SEED = 2026
STROKES = [[(0.1, 0.2), (0.3, 0.4)]]


@dataclass(frozen=True, eq=False)
class Print:
    image: np.ndarray  # 500 dpi
    template: Template


@cache
def synthetic_print(finger: int, impression: int = 0) -> Print:
    image = render_impression(synthesize_master(SEED, finger), SEED, impression).image
    return Print(image, extract(image, dpi=500, finger_position=finger))


@dataclass(frozen=True)
class Capture:
    position: int
    quality: int
    template: bytes | None
    image: bytes | None = None
    failure: str | None = None


def capture_of(position: int, *, impression: int = 0, image: bool = True, quality: int | None = None) -> Capture:
    made = synthetic_print(position, impression)
    return Capture(position, made.template.quality if quality is None else quality, serialize(made.template),
                   kept_image(made.image, 500) if image else None)


def store_intake(rs: RecordStore, captures: list[Capture], *, v_number: str | None = None,
                 location: str = "utrecht", kiosk_id: str = "zuil-utrecht-01") -> str:
    with rs.transaction() as s:
        intakes.sync_locations(s, DEFAULT_LOCATIONS)
        intake = intakes.start_intake(s, location_id=location, kiosk_id=kiosk_id,
                                      v_number=parse_vnumber(v_number) if v_number else None)
        consents.record_consent(s, intake, consent_text("en"), signature_strokes=STROKES)
        for c in captures:
            intakes.add_capture(s, intake, finger_position=c.position, quality=c.quality, template=c.template,
                                image=c.image, device_id="sim", failure_reason=c.failure)
        intakes.finish_intake(s, intake)
        return intake.id
