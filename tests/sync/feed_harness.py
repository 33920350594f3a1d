"""What the gallery feed tests add to the upload harness: intake, consent and withdrawal envelopes of one
synthetic person (seeded minutiae from the matcher tests' generator) appended through the real outbox, and the
receiving kiosk's gallery built from its record store as the kiosk builds it at start-up."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import uuid4

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from enrollment.errors import TemplateFormatError
from enrollment.records.enrolled_prints import enrolled_prints
from enrollment.records.models import FeedPerson, FeedPrint
from enrollment.shared_gallery import SharedGallery
from enrollment.template import Template, serialize
from sync.kinds import EnvelopeKind
from sync.outbox import Sender, append
from sync.payloads import Report
from sync.registration import load_registration
from sync.upstream_key import load_upstream_key
from tests.enrollment.matching.conftest import _impression, _make_finger
from tests.sync.upload_harness import Kiosk

FINGERS = (2, 7)


@dataclass(frozen=True)
class Person:
    person_id: str
    intake_id: str
    consent_id: str
    prints: dict[int, Template]

    def probe(self, seed: int) -> dict[int, Template]:
        """Another impression of each finger (the next attempt when one falls outside the image)."""
        for attempt in range(20):
            try:
                rng = np.random.default_rng((seed, attempt))
                return {pos: _impression(t, rng) for pos, t in self.prints.items()}
            except TemplateFormatError:
                continue
        raise AssertionError("no impression inside the image")


def person(seed: int, name: str) -> Person:
    rng = np.random.default_rng(seed)
    return Person(name, str(uuid4()), str(uuid4()), {pos: _make_finger(rng, pos) for pos in FINGERS})


def _append(kiosk: Kiosk, *reports: Report) -> None:
    registration = load_registration(kiosk.data)
    sender = Sender(kiosk.kiosk_id, kiosk.ring, load_upstream_key(registration.sealing_key))
    for report in reports:
        with kiosk.records.transaction() as session:
            append(session, sender, report)


def enroll(kiosk: Kiosk, who: Person, location: str) -> None:
    """An intake with biometrics and templates, then the consent given for it (as the kiosk reports them)."""
    public = {"intake": who.intake_id, "location": location, "status": "completed", "biometrics": True,
              "has_v_number": False, "started": 0, "finished": 1, "captures": []}
    secret = {"v_number": None, "person": who.person_id,
              "templates": [{"capture": str(uuid4()), "finger": pos, "template": serialize(t)}
                            for pos, t in who.prints.items()]}
    _append(kiosk, Report(EnvelopeKind.INTAKE, who.intake_id, public, secret),
            Report(EnvelopeKind.CONSENT, who.consent_id, {"record": who.consent_id, "intake": who.intake_id,
                                                          "decision": "given"}, None))


def withdraw(kiosk: Kiosk, who: Person) -> None:
    record = str(uuid4())
    _append(kiosk, Report(EnvelopeKind.WITHDRAWAL, record, {"record": record, "intake": who.intake_id,
                                                            "withdraws": who.consent_id, "decided": 2}, None))


def gallery(kiosk: Kiosk) -> SharedGallery:
    with kiosk.records.transaction() as session:
        return SharedGallery(enrolled_prints(session))


def feed_rows(kiosk: Kiosk) -> tuple[int, int]:
    """(feed persons, feed prints) in the kiosk's store."""
    with Session(kiosk.records.engine) as session:
        return (session.scalar(select(func.count()).select_from(FeedPerson)) or 0,
                session.scalar(select(func.count()).select_from(FeedPrint)) or 0)
