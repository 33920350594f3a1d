"""What the kiosk asks of the gallery after capture: is this person enrolled already (1:N), and do the prints
on the glass belong to the V-number given (1:1)? Both answers are for the officer, never the participant.

The gallery index is built from the consented prints of the record (:mod:`enrollment.records.enrolled_prints`).
The 1:N threshold is the person-level fused score for a false match at most ``SEARCH_FMR`` per search of the
whole gallery (:func:`enrollment.matching.person_threshold`), so it grows with the gallery size.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from enrollment.matching import GalleryIndex, person_threshold, verify
from enrollment.records.enrolled_prints import EnrolledPrint
from enrollment.records.vocabulary import IdentificationDecision
from enrollment.template import Template

SEARCH_FMR = 1e-4
SEARCH_THRESHOLD_NAME = "FMR_1_IN_10000_PER_SEARCH"
VERIFY_THRESHOLD_NAME = "FMR_1_IN_10000"
MAX_CANDIDATES = 5


@dataclass(frozen=True)
class SearchOutcome:
    decision: IdentificationDecision
    threshold: float
    gallery_persons: int
    candidates: list[dict] = field(default_factory=list)  # person_id, locations, fused_score, per_finger


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
        for p in prints:
            locations.setdefault(p.person_id, set()).add(p.location_id)
            yield p.person_id, p.finger_position, p.template

    index = GalleryIndex()
    index.rebuild(items())
    return index, locations


def search(index: GalleryIndex, locations: Mapping[str, set[str]], probe: Mapping[int, Template]) -> SearchOutcome:
    persons = max(1, index.subjects)
    threshold = person_threshold(SEARCH_FMR, persons)
    if not probe or len(index) == 0:
        return SearchOutcome(IdentificationDecision.NO_HIT, threshold, index.subjects if len(index) else 0)
    found = index.search(probe, limit=MAX_CANDIDATES, threshold=threshold)
    candidates = [
        {"person_id": c.subject_id, "locations": sorted(locations.get(c.subject_id, ())),
         "fused_score": round(c.fused_score, 3),
         "per_finger": {str(k): round(v, 4) for k, v in sorted(c.per_finger_scores.items())}}
        for c in found
    ]
    decision = IdentificationDecision.HIT if candidates else IdentificationDecision.NO_HIT
    return SearchOutcome(decision, threshold, index.subjects, candidates)


def check_vnumber(live: Mapping[int, Template], held: Mapping[int, list[Template]]) -> VNumberOutcome | None:
    """1:1 check of the live prints against every print held for the V-number; None when none are held."""
    if not held or not live:
        return None
    best = None
    for impression in range(max(len(v) for v in held.values())):
        claimed = {pos: prints[impression] for pos, prints in held.items() if impression < len(prints)}
        if not set(claimed) & (set(live) | {0}):
            continue
        result = verify(live, claimed)
        if best is None or result.fused_score > best.fused_score:
            best = result
    if best is None:
        return VNumberOutcome(IdentificationDecision.NOT_PERFORMED, held_fingers=sum(map(len, held.values())))
    decision = IdentificationDecision.VNUMBER_CONFIRMED if best.decision else IdentificationDecision.VNUMBER_MISMATCH
    return VNumberOutcome(decision, round(best.fused_score, 3),
                          {k: round(v, 4) for k, v in best.per_finger.items()}, sum(map(len, held.values())))
