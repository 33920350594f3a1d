"""An intake summarised for the officer's file, inside a caller's transaction: what was done and decided, in words,
without biometric data.

The summary holds the intake id (the receipt number), its location, kiosk and times; each consent record (decision,
text version, language, time); each identification (its outcome in words, the threshold, the gallery's size); the
candidates of the latest 1:N hit with their fused scores in words and where they enrolled; each officer decision (who,
when, the reason, the second officer) and each contra-indication flag (who set and cleared it, when); and whether the
intake may proceed. It holds no template, no image, no per-finger score and no V-number: the V-number check's
outcome is named, the number itself stays in the record (the intake id links the paper to it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from enrollment.access import decisions
from enrollment.access.sessions import as_utc
from enrollment.access.views import ProceedAnswer
from enrollment.records.intake_reads import candidates_of
from enrollment.records.models import Intake, LocationRow, StaffAccount
from enrollment.records.vocabulary import IdentificationDecision

#: From this fused score on, "less than once in a billion searches" instead of a number that long.
BILLION_SEARCHES = 9.0

OUTCOME_WORDS = {
    IdentificationDecision.NO_HIT: "1:N search: nobody in the gallery above the threshold",
    IdentificationDecision.HIT: "1:N search: a possible earlier enrollment (hit)",
    IdentificationDecision.VNUMBER_CONFIRMED: "V-number check: the prints match the prints held for the V-number",
    IdentificationDecision.VNUMBER_MISMATCH: "V-number check: the prints do NOT match the prints held for the "
                                             "V-number",
    IdentificationDecision.NOT_PERFORMED: "no fingerprint check (biometrics off, refused, or no usable prints)",
}


def searches_per_false_match(fused: float) -> int:
    """N in "a false match this strong happens about once in N searches": the fused score is -log10 of the
    person-level false-match rate, so N = 10 ** fused."""
    return round(10 ** fused)


def false_match_words(fused: float) -> str:
    """What a fused score means, in words (English)."""
    if fused >= BILLION_SEARCHES:
        return "a false match this strong happens less than once in a billion searches"
    return f"a false match this strong happens about once in {searches_per_false_match(fused):,} searches"


@dataclass(frozen=True)
class ConsentLine:
    decision: str
    text_version: str | None
    language: str | None
    decided_at: datetime


@dataclass(frozen=True)
class CheckLine:
    decision: IdentificationDecision
    threshold_name: str
    gallery_size: int
    created_at: datetime

    @property
    def words(self) -> str:
        return OUTCOME_WORDS[self.decision]


@dataclass(frozen=True)
class CandidateLine:
    rank: int
    person_id: str
    fused: float
    locations: tuple[str, ...]  # where the candidate enrolled, as the search recorded it

    @property
    def words(self) -> str:
        return false_match_words(self.fused)


@dataclass(frozen=True)
class DecisionLine:
    decision: str
    officer: str
    decided_at: datetime
    reason: str | None
    needs_second_officer: bool
    confirmed_by: str | None
    in_force: bool


@dataclass(frozen=True)
class FlagLine:
    flag: str
    set_by: str
    set_at: datetime
    cleared_by: str | None
    cleared_at: datetime | None


@dataclass(frozen=True)
class IntakeSummary:
    intake_id: str
    location: str
    kiosk_id: str
    started_at: datetime
    finished_at: datetime | None
    has_v_number: bool
    consents: tuple[ConsentLine, ...]
    checks: tuple[CheckLine, ...]  # oldest first
    candidates: tuple[CandidateLine, ...]  # of the latest 1:N hit, strongest first
    decisions: tuple[DecisionLine, ...]  # oldest first
    flags: tuple[FlagLine, ...]  # oldest first
    proceed: ProceedAnswer


def summarize(session: Session, intake: Intake) -> IntakeSummary:
    def name(account_id: str | None) -> str | None:
        if account_id is None:
            return None
        row = session.get(StaffAccount, account_id)
        return row.name if row is not None else account_id

    location = session.get(LocationRow, intake.location_id)
    hits = sorted((r for r in intake.identifications if r.decision is IdentificationDecision.HIT),
                  key=lambda r: as_utc(r.created_at))
    found = candidates_of(session, hits[-1]) if hits else []
    return IntakeSummary(
        intake.id, location.name if location is not None else intake.location_id, intake.kiosk_id,
        as_utc(intake.started_at), as_utc(intake.finished_at) if intake.finished_at else None,
        bool(intake.has_v_number),
        tuple(ConsentLine(c.decision.value, c.text_version, c.language, as_utc(c.decided_at)) for c in intake.consents),
        tuple(CheckLine(r.decision, r.threshold_name, r.gallery_size, as_utc(r.created_at))
              for r in sorted(intake.identifications, key=lambda r: as_utc(r.created_at))),
        tuple(CandidateLine(rank, str(c.get("person_id")), float(c.get("fused_neg_log10_fmr", 0.0)),
                            tuple(str(loc) for loc in c.get("locations", ())))
              for rank, c in enumerate(found, start=1)),
        tuple(DecisionLine(d.decision.value, name(d.officer_id) or "", d.decided_at, d.reason, d.needs_second_officer,
                           name(d.confirmed_by), d.in_force) for d in decisions.views(session, intake)),
        tuple(FlagLine(f.flag.value, name(f.recorded_by) or "", as_utc(f.recorded_at), name(f.cleared_by),
                       as_utc(f.cleared_at) if f.cleared_at else None)
              for f in sorted(intake.flags, key=lambda f: as_utc(f.recorded_at))),
        ProceedAnswer(intake.id, decisions.proceed_reason(session, intake)))
