"""What the kiosk asks of the gallery after capture: is this person enrolled already (1:N), and do the prints
on the glass belong to the V-number given (1:1)? Both answers are for the officer, never the participant.

The gallery index is built from the consented prints of the record (:mod:`enrollment.records.enrolled_prints`).
Each decision has one operating point, set in :mod:`enrollment.matching.parameters` and named here for the record:
the 1:N threshold is the person-level fused score (-log10 person FMR) for a false match at most
``IDENTIFY_FMR_PER_SEARCH`` per search of the whole gallery (:func:`enrollment.matching.person_threshold`), so it
grows with the gallery size; the 1:1 V-number check decides at ``VERIFY_FMR`` per comparison.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from enrollment.matching import GalleryIndex, VerificationResult, person_threshold, verify
from enrollment.matching.parameters import IDENTIFY_FMR_PER_SEARCH, VERIFY_FMR
from enrollment.records.enrolled_prints import EnrolledPrint
from enrollment.records.vocabulary import IdentificationDecision
from enrollment.template import Template


def operating_point_name(fmr: float, *, per_search: bool = False) -> str:
    """The recorded name of a false-match rate, e.g. ``FMR_1_IN_10000`` (``_PER_SEARCH`` for a 1:N search)."""
    return f"FMR_1_IN_{round(1 / fmr)}" + ("_PER_SEARCH" if per_search else "")


SEARCH_THRESHOLD_NAME = operating_point_name(IDENTIFY_FMR_PER_SEARCH, per_search=True)
VERIFY_THRESHOLD_NAME = operating_point_name(VERIFY_FMR)
MAX_CANDIDATES = 5


@dataclass(frozen=True)
class SearchOutcome:
    """``threshold`` is a fused score (-log10 person FMR); each candidate dict holds person_id, locations,
    ``fused_neg_log10_fmr`` and ``per_finger_mcc`` (matcher score in [0, 1] by finger position), best first."""

    decision: IdentificationDecision
    threshold: float
    gallery_persons: int
    candidates: list[dict] = field(default_factory=list)


@dataclass(frozen=True)
class VNumberOutcome:
    decision: IdentificationDecision
    fused_score: float | None = None
    per_finger: dict[int, float] = field(default_factory=dict)
    held_fingers: int = 0


def build_index(prints: Iterable[EnrolledPrint]) -> tuple[GalleryIndex, dict[str, set[str]]]:
    """The 1:N index over enrolled prints and, per person, the locations they were enrolled at."""
    locations: dict[str, set[str]] = {}

    def items():  # type: ignore[no-untyped-def]
        for p in held:
            locations.setdefault(p.person_id, set()).add(p.location_id)
            yield p.person_id, p.finger_position, p.template

    held = list(prints)
    index = GalleryIndex()
    index.rebuild(items(), [p.sketches for p in held])
    return index, locations


def drop_person(index: GalleryIndex, locations: dict[str, set[str]], person_id: str) -> int:
    """Take a person's prints out of a built index at once (their consent was withdrawn); returns how many went."""
    locations.pop(person_id, None)
    return index.remove(person_id)


def search(index: GalleryIndex, locations: Mapping[str, set[str]], probe: Mapping[int, Template]) -> SearchOutcome:
    persons = max(1, index.subjects)
    threshold = person_threshold(IDENTIFY_FMR_PER_SEARCH, persons)
    if not probe or len(index) == 0:
        return SearchOutcome(IdentificationDecision.NO_HIT, threshold, index.subjects if len(index) else 0)
    found = index.search(probe, limit=MAX_CANDIDATES, threshold=threshold)
    candidates = [
        {"person_id": c.subject_id, "locations": sorted(locations.get(c.subject_id, ())),
         "fused_neg_log10_fmr": round(c.fused_score, 3),
         "per_finger_mcc": {str(k): round(v, 4) for k, v in sorted(c.per_finger_scores.items())}}
        for c in found
    ]
    decision = IdentificationDecision.HIT if candidates else IdentificationDecision.NO_HIT
    return SearchOutcome(decision, threshold, index.subjects, candidates)


def _strength(result: VerificationResult) -> tuple[float, float]:
    """Fused score, then (where it saturates) the summed matcher scores, as the 1:N ranking does."""
    return result.fused_score, sum(result.per_finger.values())


def check_vnumber(live: Mapping[int, Template], held: Mapping[int, list[Template]]) -> VNumberOutcome | None:
    """1:1 check of the live prints against every print held for the V-number; None when none are held."""
    if not held or not live:
        return None
    best = None
    for impression in range(max(len(v) for v in held.values())):
        claimed = {pos: prints[impression] for pos, prints in held.items() if impression < len(prints)}
        if not set(claimed) & (set(live) | {0}):
            continue
        result = verify(live, claimed, fmr=VERIFY_FMR)
        if best is None or _strength(result) > _strength(best):
            best = result
    if best is None:
        return VNumberOutcome(IdentificationDecision.NOT_PERFORMED, held_fingers=sum(map(len, held.values())))
    decision = IdentificationDecision.VNUMBER_CONFIRMED if best.decision else IdentificationDecision.VNUMBER_MISMATCH
    return VNumberOutcome(decision, round(best.fused_score, 3),
                          {k: round(v, 4) for k, v in best.per_finger.items()}, sum(map(len, held.values())))
