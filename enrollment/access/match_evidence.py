"""The officer's side-by-side evidence of one candidate of an intake's 1:N hit, inside a caller's transaction.

Per finger position the search compared: the intake's probe print (the best-quality kept impression, the first of
equal quality, as the kiosk searched with), the candidate's gallery print that scored best against it (the
candidate's consented prints at that position, or all of them where either position is 0, unknown, as the search
compares them; the viewed intake's own prints left out), the matcher's explanation of that score (the minutia
pairs it counted: :func:`enrollment.matching.explain_match`) and the images where they were kept (opened with the
record's keys, as stored). The fused score is recomputed from those scores as the search fuses them; the
candidate as the search recorded it is given alongside.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from enrollment.access.errors import NotFound
from enrollment.access.sessions import as_utc
from enrollment.matching import MatchExplanation, explain_match, fuse
from enrollment.records.consents import consents_in_force
from enrollment.records.intake_reads import candidates_of, capture_image, capture_template, intakes_of_person
from enrollment.records.models import CaptureRow, Intake
from enrollment.records.vocabulary import IdentificationDecision
from enrollment.template import Template, deserialize


@dataclass(frozen=True)
class PrintEvidence:
    capture_id: str
    finger_position: int
    template: Template
    image: bytes | None  # as stored, where one was kept


@dataclass(frozen=True)
class FingerComparison:
    """One probe finger against the candidate's best print there; ``compared`` gallery prints were tried."""

    finger_position: int
    probe: PrintEvidence
    gallery: PrintEvidence
    explanation: MatchExplanation
    compared: int

    @property
    def score(self) -> float:
        return self.explanation.score


@dataclass(frozen=True)
class MatchEvidence:
    """A candidate's prints beside the intake's, finger by finger (positions in increasing order)."""

    intake_id: str
    person_id: str
    rank: int  # 1: the strongest candidate of the intake's latest hit
    recorded: dict  # the candidate as the search stored it (person id, fused and per-finger scores)
    fingers: tuple[FingerComparison, ...]
    fused_score: float  # -log10 person FMR of the fingers' scores, fused as the search fuses them


def _print(session: Session, row: CaptureRow) -> PrintEvidence:
    return PrintEvidence(row.id, row.finger_position, deserialize(capture_template(session, row)),
                         capture_image(session, row))


def probe_prints(session: Session, intake: Intake) -> dict[int, CaptureRow]:
    """Per finger position, the capture the kiosk searched with: the best quality, the first of equal quality."""
    kept = sorted((c for c in intake.captures if c.template_sealed is not None), key=lambda c: as_utc(c.captured_at))
    by_position: dict[int, list[CaptureRow]] = {}
    for row in kept:
        by_position.setdefault(row.finger_position, []).append(row)
    return {pos: max(rows, key=lambda c: c.quality) for pos, rows in sorted(by_position.items())}


def gallery_prints(session: Session, person_id: str, *, exclude_intake: str) -> list[CaptureRow]:
    """The person's consented prints with a template (the gallery the search saw), other intakes only."""
    intakes = [i for i in intakes_of_person(session, person_id) if i.id != exclude_intake]
    consented = {record.intake_id for record in consents_in_force(session, [i.id for i in intakes])}
    return [c for i in intakes if i.id in consented for c in i.captures if c.template_sealed is not None]


def latest_candidates(session: Session, intake: Intake) -> list[dict]:
    """The candidates of the intake's latest 1:N hit, strongest first ([] when it has none)."""
    hits = sorted((r for r in intake.identifications if r.decision is IdentificationDecision.HIT),
                  key=lambda r: as_utc(r.created_at))
    return candidates_of(session, hits[-1]) if hits else []


def match_evidence(session: Session, intake: Intake, person_id: str) -> MatchEvidence:
    """The side-by-side evidence of candidate ``person_id`` of ``intake``'s latest hit; :class:`NotFound` for a
    person who is not one of its candidates (the officer sees the prints of candidates only)."""
    candidates = latest_candidates(session, intake)
    rank = next((n for n, c in enumerate(candidates, start=1) if c.get("person_id") == person_id), None)
    if rank is None:
        raise NotFound(f"no candidate {person_id!r} in the latest hit of intake {intake.id}")
    gallery = gallery_prints(session, person_id, exclude_intake=intake.id)
    fingers = []
    for position, row in probe_prints(session, intake).items():
        partners = [g for g in gallery if position == 0 or g.finger_position in (position, 0)]
        if not partners:
            continue
        probe = _print(session, row)
        compared = [(explain_match(probe.template, held.template), held)
                    for held in (_print(session, g) for g in partners)]
        best, held = max(compared, key=lambda pair: pair[0].score)  # the first of equal scores, as max() keeps
        fingers.append(FingerComparison(position, probe, held, best, len(partners)))
    fused = fuse({f.finger_position: f.score for f in fingers}, {f.finger_position: f.compared for f in fingers})
    return MatchEvidence(intake.id, person_id, rank, candidates[rank - 1], tuple(fingers), fused)
