"""The scripted headless intake behind ``zuil demo``: one synthetic person through the real stack.

It uses the same record store, consent texts, scanner driver, extractor and matcher as the kiosk, with the
simulated scanner fed by the synthetic generator, and prints one JSON summary. No Qt is imported here.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from enrollment.consent import consent_text
from enrollment.records import intakes
from enrollment.records.store import RecordStore
from enrollment.records.vnumber import parse_vnumber
from enrollment.records.vocabulary import ConsentDecision, IdentificationDecision
from enrollment.settings import Settings


@dataclass
class DemoResult:
    intake_id: str
    location: str
    v_number: str | None
    consent: dict[str, Any]
    fingers: list[dict[str, Any]] = field(default_factory=list)
    identification: dict[str, Any] = field(default_factory=dict)
    outbox: dict[str, Any] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        return {
            "intake_id": self.intake_id,
            "location": self.location,
            "v_number": self.v_number,
            "consent": self.consent,
            "fingers": self.fingers,
            "identification": self.identification,
            "outbox": self.outbox,
        }


def synthetic_vnumber(rng: random.Random) -> str:
    """A random 10-digit number for the demo person (V-numbers have no public check digit)."""
    return "".join(str(rng.randrange(10)) for _ in range(10))


def run_demo(settings: Settings, *, seed: int = 1, language: str = "en") -> DemoResult:
    rng = random.Random(seed)
    store = RecordStore(settings.database)
    try:
        with store.transaction() as session:
            intakes.sync_locations(session, settings.locations)
            v_number = parse_vnumber(synthetic_vnumber(rng))
            intake = intakes.start_intake(session, location_id=settings.location, kiosk_id=settings.kiosk_id,
                                          v_number=v_number, biometrics_enabled=settings.biometrics_enabled)
            text = consent_text(language)
            consent = intakes.record_consent(session, intake, language=text.language, text_version=text.version,
                                             text=text.text, decision=ConsentDecision.GIVEN,
                                             signature_strokes=[[(0.1, 0.5), (0.5, 0.4), (0.9, 0.6)]])
            result = DemoResult(
                intake_id=intake.id,
                location=settings.location,
                v_number=str(v_number),
                consent={"decision": consent.decision.value, "language": consent.language,
                         "text_version": consent.text_version, "text_sha256": consent.text_sha256},
            )
            result.identification = {"decision": IdentificationDecision.NOT_PERFORMED.value,
                                     "reason": "fingerprint capture is not part of this build yet"}
            result.outbox = {"queued": 0, "reason": "the signed outbox is not part of this build yet"}
            intakes.finish_intake(session, intake)
        return result
    finally:
        store.close()
