"""The demo gallery: synthetic people enrolled earlier at other LVVs, so ``zuil demo`` has something to search.

Two kinds of earlier enrollment are written into the demo's own intake record, through the ordinary API:
- filler people from the synthetic *population* model (minutia-level templates; realistic enough as "other
  people" for a demo, never used for accuracy figures), made once and kept from run to run;
- the demo person's own earlier visit ("shopping": enrolled at another LVV before), from other impressions of
  the same synthetic fingers (``IMPRESSIONS_PER_FINGER`` of each, as the kiosk keeps), rendered as images and
  extracted like any capture.

:func:`reset_demo_intakes` clears everything but the filler people (and the demo kiosk's outbox) at the start of a
run, so every run searches the same gallery.
"""

from __future__ import annotations

import random

from sqlalchemy import func, select

from enrollment.consent import consent_text
from enrollment.extraction import extract
from enrollment.matching.parameters import IMPRESSIONS_PER_FINGER
from enrollment.records import consents, intakes
from enrollment.records.models import Intake
from enrollment.records.store import RecordStore
from enrollment.records.vocabulary import ConsentDecision
from enrollment.settings import Settings
from enrollment.synthesis.generator import render_impression, synthesize_master
from enrollment.synthesis.population import synthesize_minutiae
from enrollment.template import serialize
from enrollment.values.vnumber import VNumber
from sync.outbox import clear_outbox

GALLERY_KIOSK = "demo-gallery"
EARLIER_VISIT_KIOSK = "demo-earlier-visit"
#: The earlier visit's first impression of each finger (then the next ones): impressions 0.. are what the simulator
#: shows at the glass today, so the earlier visit used others.
EARLIER_IMPRESSION = 6


def _other_locations(settings: Settings) -> list[str]:
    others = [loc.id for loc in settings.locations if loc.id != settings.location]
    return others or [settings.location]


def _enroll(session, settings: Settings, *, location: str, kiosk: str, v_number: VNumber | None,  # type: ignore[no-untyped-def]
            templates: dict[int, list[bytes]], quality: int) -> None:
    intake = intakes.start_intake(session, location_id=location, kiosk_id=kiosk, v_number=v_number)
    text = consent_text("en")
    intakes.record_consent(session, intake, language="en", text_version=text.version, text=text.text,
                           decision=ConsentDecision.GIVEN)
    for position, blobs in templates.items():
        for blob in blobs:
            intakes.add_capture(session, intake, finger_position=position, quality=quality, template=blob,
                                device_id=kiosk)
    intakes.finish_intake(session, intake)


def _delete_intakes(session, *, gallery: bool) -> None:  # type: ignore[no-untyped-def]
    """Delete the gallery's intakes (or all others) with their rows (foreign keys cascade), consent records
    included (through the purge the store allows), then the persons left without an intake."""
    made_by_gallery = Intake.kiosk_id == GALLERY_KIOSK
    consents.delete_intakes(session, made_by_gallery if gallery else ~made_by_gallery)
    intakes.delete_persons_without_intake(session)


def reset_demo_intakes(store: RecordStore, kiosk_id: str) -> None:
    """Delete every intake but the filler people's: earlier visits and the intakes of earlier demo runs, and
    with them the envelopes that reported the demo kiosk's (its chain starts again at 1)."""
    with store.transaction() as session:
        _delete_intakes(session, gallery=False)
        clear_outbox(session, kiosk_id)


def ensure_gallery(store: RecordStore, settings: Settings, *, persons: int, seed: int = 2026) -> int:
    """Enroll ``persons`` filler people, unless the gallery holds that many already (another number: it is
    made again); returns ``persons``."""
    with store.transaction() as session:
        have = session.scalar(select(func.count()).select_from(Intake).where(Intake.kiosk_id == GALLERY_KIOSK))
        if have == persons:
            return persons
        _delete_intakes(session, gallery=True)
        rng = random.Random(seed)
        fingers = settings.fingers
        templates = iter(synthesize_minutiae(persons * len(fingers), seed))
        others = _other_locations(settings)
        for _ in range(persons):
            prints = {pos: [serialize(next(templates))] for pos in fingers}
            _enroll(session, settings, location=rng.choice(others), kiosk=GALLERY_KIOSK, v_number=None,
                    templates=prints, quality=rng.randint(40, 90))
        return persons


def enroll_earlier_visit(store: RecordStore, settings: Settings, *, seed: int, v_number: VNumber) -> str:
    """Enroll the demo person's earlier visit at another LVV (the kiosk's ``IMPRESSIONS_PER_FINGER`` impressions
    of each finger); returns its location."""
    with store.transaction() as session:
        prints: dict[int, list[bytes]] = {}
        qualities = []
        for index, position in enumerate(settings.fingers):
            master = synthesize_master(seed, index)
            for impression_number in range(EARLIER_IMPRESSION, EARLIER_IMPRESSION + IMPRESSIONS_PER_FINGER):
                impression = render_impression(master, seed, impression_number)
                template = extract(impression.image, dpi=500, finger_position=position)
                prints.setdefault(position, []).append(serialize(template))
                qualities.append(template.quality)
        location = _other_locations(settings)[seed % len(_other_locations(settings))]
        _enroll(session, settings, location=location, kiosk=EARLIER_VISIT_KIOSK, v_number=v_number,
                templates=prints, quality=min(qualities))
        return location
