"""Sample content for the staff screens' screenshots (no record, no person): a queue of today's intakes, an
intake with a hit and two candidates, the technician's health report, and the top candidate's prints side by
side, made from two seeded
synthetic fingers (enrollment.synthesis), extracted like any capture and compared by the matcher. The first
finger's images are shown as kept, the second's are not (its minutiae alone are drawn)."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from functools import cache

from PIL import Image

from enrollment.access.match_evidence import FingerComparison, MatchEvidence, PrintEvidence
from enrollment.access.queue import IntakeState, QueueRow
from enrollment.access.views import (
    CandidateEnrollment,
    Evidence,
    IdentificationEvidence,
    ProceedAnswer,
    ProceedReason,
    TechnicianStatus,
)
from enrollment.extraction import extract
from enrollment.identification import SEARCH_THRESHOLD_NAME
from enrollment.matching import explain_match, fuse
from enrollment.records.vocabulary import IdentificationDecision
from enrollment.synthesis.generator import render_impression, synthesize_master

SEED = 2026
FINGERS = (2, 7)  # right and left index finger, as the kiosk asks
INTAKE = "4b1e9c2a-7d3f-4e81-b5a6-0c9f2d8e1a74"
PERSON = "c7a2f0d1-93b4-4e6a-8f15-2d6b9e0c4a38"
OTHER_PERSON = "e0f3b8a6-1c2d-4f7e-9a54-6b8d2c1f0e97"
TODAY = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def queue_rows() -> list[QueueRow]:
    """An officer's queue: the sample intake with its hit among others of the day."""
    rows = [("2f5d8c1e-6a4b-4c3d-9e7f-1a2b3c4d5e6f", 8, 12, IntakeState.NO_HIT, ProceedReason.NO_MATCH),
            (INTAKE, 9, 5, IntakeState.HIT, ProceedReason.AWAITING_OFFICER),
            ("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", 9, 41, IntakeState.DECLINED, ProceedReason.NOT_PERFORMED)]
    return [QueueRow(intake_id, TODAY.replace(hour=h, minute=m), ProceedAnswer(intake_id, reason), state)
            for intake_id, h, m, state, reason in rows]


def _png(image) -> bytes:  # type: ignore[no-untyped-def]
    out = io.BytesIO()
    Image.fromarray(image).save(out, format="PNG")
    return out.getvalue()


@cache
def match_evidence() -> MatchEvidence:
    """The top candidate's prints beside the intake's: impression 0 of each finger against impression 5."""
    fingers = []
    for index, position in enumerate(FINGERS):
        master = synthesize_master(SEED, index)
        shown = []
        for impression in (0, 5):
            image = render_impression(master, SEED, impression).image
            template = extract(image, dpi=500, finger_position=position)
            shown.append(PrintEvidence(f"sample-{position}-{impression}", position, template,
                                       _png(image) if index == 0 else None))
        fingers.append(FingerComparison(position, shown[0], shown[1], explain_match(shown[0].template,
                                                                                     shown[1].template), 1))
    per_finger = {f.finger_position: f.score for f in fingers}
    fused = fuse(per_finger)
    recorded = {"person_id": PERSON, "locations": ["zevenaar"], "fused_neg_log10_fmr": round(fused, 3),
                "per_finger_mcc": {str(k): round(v, 4) for k, v in per_finger.items()}}
    return MatchEvidence(INTAKE, PERSON, 1, recorded, tuple(fingers), fused)


def intake_evidence() -> Evidence:
    """The sample intake as the officer opens it: a hit with the sample candidate (enrolled in this record, with its
    date) and a weaker one (received in the gallery feed), after a V-number check that found a mismatch."""
    top = match_evidence().recorded
    weaker = {"person_id": OTHER_PERSON, "locations": ["ter-apel"], "fused_neg_log10_fmr": 5.214,
              "per_finger_mcc": {"2": 0.0412, "7": 0.0187}}
    search = IdentificationEvidence("sample-search", IdentificationDecision.HIT, SEARCH_THRESHOLD_NAME, 1000,
                                    (top, weaker), TODAY)
    check = IdentificationEvidence("sample-check", IdentificationDecision.VNUMBER_MISMATCH, "FMR_1_IN_10000", 1, (),
                                   TODAY)
    enrolled = {PERSON: CandidateEnrollment(("LVV Zevenaar",), datetime(2026, 3, 17, 10, 5, tzinfo=UTC)),
                OTHER_PERSON: CandidateEnrollment(("LVV Ter Apel",), None)}
    return Evidence(INTAKE, (check, search), (), (), enrolled)


def technician_report() -> tuple[list[str], TechnicianStatus]:
    """A healthy kiosk's report as ``zuil status`` prints it (fixed numbers, no machine read) and its key state."""
    from kiosk.status_report import report_lines

    checks = [("settings", "OK", "/etc/aanmeldzuil/zuil.toml; location utrecht, kiosk zuil-utrecht-01"),
              ("database", "OK", "sqlite:////var/lib/aanmeldzuil/zuil.sqlite3 at schema 0009"),
              ("keys", "OK", "/var/lib/aanmeldzuil/kiosk.keys: sealed by tpm2, master v1; gallery v2, signing v1"),
              ("fonts", "OK", "a font for each of 7 languages (Arab, Ethi, Latn)"),
              ("disk", "OK", "41.7 GiB free in /var/lib/aanmeldzuil")]
    report = {"kiosk_id": "zuil-utrecht-01", "location": "utrecht", "status": "OK",
              "checks": [{"name": n, "status": st, "detail": d} for n, st, d in checks],
              "sync": {"queued": 2, "oldest_queued_age_s": 40, "delivered": 1311,
                       "last_success": "2026-12-01T08:59:20+00:00", "last_error": None, "feed_cursor": 5210,
                       "upstream": "avim (https://avim.example:8443)"},
              "translations": [{"language": code, "reviewed": code in ("nl", "en")}
                               for code in ("nl", "en", "ar", "fa", "ti", "fr", "so")],
              "versions": {"aanmeldzuil": "0.1.0", "python": "3.11.2", "database_schema": "0009"}}
    keys = TechnicianStatus(False, "tpm2", 1, {"gallery": 2, "signing": 1, "vnumber-hmac": 1},
                            {"intakes": 1204, "captures": 7180, "identification_results": 1290},
                            {"officer": 3, "intake_worker": 5, "technician": 2}, 24_118)
    return report_lines(report), keys
