"""1:N identification: an in-memory index of gallery fingers with a two-pass coarse pre-selection.

Search of one probe finger against the gallery prints at the same position (all prints when either position
is 0, unknown):

1. first pass: coarse sketch score of every print on its ``FIRST_PASS_SKETCHES`` fullest sketches (one
   vectorised popcount kernel over the flat sketch array); keep the best ``FIRST_PASS_KEEP`` (or
   ``FIRST_PASS_FRACTION``);
2. second pass: the same score on all ``SKETCHES_PER_TEMPLATE`` sketches of those; keep the best
   ``SHORTLIST_PER_FINGER`` (or ``SHORTLIST_FRACTION``);
3. each shortlisted print's owner is matched in full (MCC, LSS-R) on that finger; the ``COMPLETED_CANDIDATES``
   persons best on that partial evidence are then matched on their other fingers too (like positions with
   like), and every person's finger scores fused (:mod:`fusion`).

The index keeps templates (a few hundred bytes each) and sketches (about 0.8 kB per print); full cylinders
(about 10 kB) are computed for shortlisted prints only and kept in a bounded LRU cache.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np

from enrollment.errors import MatchingError
from enrollment.matching import parameters as p
from enrollment.matching import sketch, sketch_form
from enrollment.matching.fusion import fuse
from enrollment.matching.matcher import match
from enrollment.matching.prepared import Prepared, build
from enrollment.matching.sketch_form import Sketches
from enrollment.template.model import Template


@dataclass(frozen=True)
class Candidate:
    """One person of the gallery: fused score (-log10 person FMR) and matcher score per probe finger."""

    subject_id: str
    fused_score: float
    per_finger_scores: dict[int, float] = field(default_factory=dict)

    def rank_key(self) -> tuple[float, float, str]:
        """Best first: fused score, then (where fusion saturates at the ``MIN_FINGER_FMR`` floor and ties) the
        sum of the raw matcher scores, then the subject id."""
        return -self.fused_score, -sum(self.per_finger_scores.values()), self.subject_id


def _candidate(subject_id: str, found: Mapping[int, tuple[float, int]]) -> Candidate:
    """A candidate from (best matcher score, prints compared) per probe finger, fused."""
    scores = {position: score for position, (score, _) in found.items()}
    return Candidate(subject_id, fuse(scores, {position: tried for position, (_, tried) in found.items()}), scores)


class _Sketches:
    """A growable flat store of sketches (words, directions, bit counts), appended to in amortised O(1)."""

    def __init__(self, capacity: int = 1024) -> None:
        self.words = np.zeros((capacity, sketch.SKETCH_WORDS), np.uint64)
        self.directions = np.zeros(capacity, np.float32)
        self.counts = np.zeros(capacity, np.int32)
        self.size = 0

    def append(self, words: np.ndarray, directions: np.ndarray, counts: np.ndarray) -> int:
        need = self.size + len(words)
        if need > len(self.words):
            grow = max(need, 2 * len(self.words))
            self.words = np.resize(self.words, (grow, sketch.SKETCH_WORDS))
            self.directions = np.resize(self.directions, grow)
            self.counts = np.resize(self.counts, grow)
        start = self.size
        self.words[start:need], self.directions[start:need], self.counts[start:need] = words, directions, counts
        self.size = need
        return start

    def trim(self) -> None:
        """Drop the spare capacity (after a bulk load)."""
        self.words = self.words[: self.size].copy()
        self.directions = self.directions[: self.size].copy()
        self.counts = self.counts[: self.size].copy()


class GalleryIndex:
    """Gallery prints by (subject, finger position); :meth:`search` ranks subjects for a multi-finger probe.

    Not thread-safe (a search writes its caches too): threads share it through
    :class:`enrollment.shared_gallery.SharedGallery`."""

    def __init__(self) -> None:
        self._clear()

    def _clear(self) -> None:
        self._store = _Sketches()
        self._subject: list[str] = []
        self._templates: list[Template | None] = []
        self._position = np.zeros(0, np.int8)
        self._start = np.zeros(0, np.int64)
        self._length = np.zeros(0, np.int64)
        self._alive = np.zeros(0, bool)
        self._rows: dict[str, list[int]] = {}
        self._cache: OrderedDict[int, Prepared] = OrderedDict()
        self._by_position: dict[int, np.ndarray] = {}
        self._dead_sketches = 0

    # --- building -------------------------------------------------------------------------------------
    def add(self, subject_id: str, finger_position: int, template: Template) -> None:
        """Index one print of a subject (a subject may have several prints, even at the same position)."""
        self._append([(subject_id, finger_position, template)])

    def extend(self, items: Iterable[tuple[str, int, Template]]) -> None:
        """Index several prints at once (subject_id, finger_position, template): all of them, or none if one is
        not valid."""
        self._append(list(items))

    def rebuild(self, items: Iterable[tuple[str, int, Template]],
                known: Iterable[Sketches | None] | None = None) -> None:
        """Replace the whole index by ``items`` (subject_id, finger_position, template), e.g. at start-up;
        ``known``, one per item, holds the item's sketches where they were kept (the same as computed: see
        :mod:`enrollment.matching.sketch_form`) and None where they are to be computed."""
        self._clear()
        batch: list[tuple[str, int, Template]] = []
        kept: list[Sketches | None] | None = None if known is None else []
        sketches = iter(()) if known is None else iter(known)
        for item in items:
            batch.append(item)
            if kept is not None:
                kept.append(next(sketches))
            if len(batch) == 4096:
                self._append(batch, kept)
                batch = []
                kept = None if kept is None else []
        self._append(batch, kept)
        self._store.trim()

    def _append(self, items: list[tuple[str, int, Template]], known: list[Sketches | None] | None = None) -> None:
        """Index a batch: all items are checked first, then their sketches computed by one kernel call
        (one print per thread; the result does not depend on the thread count), except those ``known``
        (kept from an earlier computation, :mod:`enrollment.matching.sketch_form`)."""
        if not items:
            return
        for subject_id, position, template in items:
            if not isinstance(template, Template):
                raise MatchingError(f"gallery item of subject {subject_id!r} is not a Template")
            if not 0 <= int(position) <= 10:
                raise MatchingError(f"finger position {position} of subject {subject_id!r} is not an ISO code 0..10")
        words, directions, counts, lengths = self._sketches(items, known)
        first = self._store.append(words, directions, counts)
        starts = first + np.cumsum(lengths) - lengths
        for row, (subject_id, _position, template) in enumerate(items, start=len(self._subject)):
            self._rows.setdefault(str(subject_id), []).append(row)
            self._subject.append(str(subject_id))
            self._templates.append(template)
        self._position = np.concatenate([self._position, np.array([int(q) for _, q, _ in items], np.int8)])
        self._start = np.concatenate([self._start, starts.astype(np.int64)])
        self._length = np.concatenate([self._length, lengths])
        self._alive = np.concatenate([self._alive, np.ones(len(items), bool)])
        self._by_position.clear()

    @staticmethod
    def _sketches(items: list[tuple[str, int, Template]],
                  known: list[Sketches | None] | None) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Flat sketches of a batch and each print's count: the ``known`` ones as given, the others computed."""
        templates = [t for _, _, t in items]
        if known is None or all(k is None for k in known):
            return sketch.batch_sketches(templates, p.SKETCHES_PER_TEMPLATE)
        missing = [i for i, k in enumerate(known) if k is None]
        each = list(known)
        for i, computed in zip(missing, sketch_form.compute([templates[i] for i in missing]), strict=True):
            each[i] = computed
        words, directions, counts = (np.concatenate([k[j] for k in each]) for j in range(3))  # type: ignore[index]
        return (words.reshape(-1, sketch.SKETCH_WORDS), directions, counts,
                np.array([len(k[0]) for k in each], np.int64))  # type: ignore[index]

    def remove(self, subject_id: str, finger_position: int | None = None) -> int:
        """Drop a subject's prints (only those at ``finger_position`` if given); returns how many went."""
        rows = self._rows.get(str(subject_id), [])
        gone = [r for r in rows if finger_position is None or self._position[r] == finger_position]
        for r in gone:
            self._alive[r] = False
            self._templates[r] = None
            self._dead_sketches += int(self._length[r])
            self._length[r] = 0
            self._cache.pop(r, None)
        rest = [r for r in rows if r not in gone]
        if rest:
            self._rows[str(subject_id)] = rest
        else:
            self._rows.pop(str(subject_id), None)
        self._by_position.clear()
        if self._dead_sketches > max(4096, self._store.size // 2):
            self._compact()
        return len(gone)

    def _compact(self) -> None:
        items = [(self._subject[r], int(self._position[r]), self._templates[r]) for r in np.flatnonzero(self._alive)]
        self.rebuild(items)  # type: ignore[arg-type]

    # --- reading --------------------------------------------------------------------------------------
    def __len__(self) -> int:
        return int(self._alive.sum())

    @property
    def subjects(self) -> int:
        return len(self._rows)

    def __contains__(self, subject_id: object) -> bool:
        return subject_id in self._rows

    def prints(self, subject_id: str) -> list[tuple[int, Template]]:
        """(finger position, template) of every print held for a subject."""
        return [(int(self._position[r]), self._templates[r]) for r in self._rows.get(str(subject_id), [])]

    @property
    def nbytes(self) -> int:
        """Memory of the index's arrays (sketches and per-print columns; templates and cache not counted)."""
        s = self._store
        return int(s.words.nbytes + s.directions.nbytes + s.counts.nbytes + self._position.nbytes
                   + self._start.nbytes + self._length.nbytes + self._alive.nbytes)

    def _rows_at(self, position: int) -> np.ndarray:
        if position not in self._by_position:
            match_any = position == 0
            wanted = self._alive & (match_any | (self._position == position) | (self._position == 0))
            self._by_position[position] = np.flatnonzero(wanted)
        return self._by_position[position]

    def _prepared(self, row: int) -> Prepared:
        cached = self._cache.get(row)
        if cached is not None:
            self._cache.move_to_end(row)
            return cached
        prepared = build(self._templates[row])  # type: ignore[arg-type]
        self._cache[row] = prepared
        if len(self._cache) > p.PREPARED_CACHE:
            self._cache.popitem(last=False)
        return prepared

    # --- searching ------------------------------------------------------------------------------------
    def shortlist(self, position: int, template: Template) -> np.ndarray:
        """Gallery rows kept by the two coarse passes for one probe finger."""
        rows = self._rows_at(position)
        if len(rows) == 0:
            return rows
        probe = sketch.sketches(template)
        s = self._store
        keep1 = max(p.FIRST_PASS_KEEP, int(p.FIRST_PASS_FRACTION * len(rows)))
        if len(rows) > keep1:
            first = sketch.scores(probe, s.words, s.directions, s.counts, self._start, self._length, rows,
                                  p.FIRST_PASS_SKETCHES, p.FIRST_PASS_TOP)
            rows = rows[np.argpartition(-first, keep1 - 1)[:keep1]]
        keep2 = max(p.SHORTLIST_PER_FINGER, int(p.SHORTLIST_FRACTION * len(self._rows_at(position))))
        if len(rows) > keep2:
            second = sketch.scores(probe, s.words, s.directions, s.counts, self._start, self._length, rows,
                                   p.SKETCHES_PER_TEMPLATE, p.COARSE_TOP)
            rows = rows[np.argpartition(-second, keep2 - 1)[:keep2]]
        return rows

    def _score(self, subject_id: str, position: int, template: Template) -> tuple[float, int] | None:
        """Best full-match score of one probe finger over the subject's prints at that position, and how many."""
        rows = [r for r in self._rows.get(subject_id, []) if position == 0 or self._position[r] in (position, 0)]
        if not rows:
            return None
        return max(match(template, self._prepared(r)) for r in rows), len(rows)

    def score_subject(self, subject_id: str, probe: Mapping[int, Template],
                      known: Mapping[int, tuple[float, int]] | None = None) -> Candidate:
        """Full matching of a probe against one subject's prints, fused (like positions with like)."""
        found: dict[int, tuple[float, int]] = {}
        for position, template in probe.items():
            result = (known or {}).get(position) or self._score(subject_id, position, template)
            if result is not None:
                found[position] = result
        return _candidate(subject_id, found)

    def search(self, probe: Mapping[int, Template], *, limit: int = 10, threshold: float | None = None,
               exhaustive: bool = False) -> list[Candidate]:
        """Subjects ranked by fused score (best first; ties by the sum of matcher scores, see
        :meth:`Candidate.rank_key`), at most ``limit``, only those at or above ``threshold``.

        ``probe`` maps ISO finger positions to templates (1-10 fingers). ``exhaustive`` skips the coarse passes
        and matches every subject in full (slow; for measuring the pre-selection).
        """
        if not probe:
            raise MatchingError("the probe holds no finger")
        for position, template in probe.items():
            if not isinstance(template, Template):
                raise MatchingError(f"probe finger {position} is not a Template")
        if exhaustive:
            candidates = [self.score_subject(subject, probe) for subject in self._rows]
        else:
            # full matching of each shortlisted (subject, finger) first; then the other fingers of the subjects
            # that rank best on that partial evidence
            partial: dict[str, dict[int, tuple[float, int]]] = {}
            for position, template in probe.items():
                for subject in {self._subject[r] for r in self.shortlist(position, template)}:
                    result = self._score(subject, position, template)
                    if result is not None:
                        partial.setdefault(subject, {})[position] = result
            ranked = sorted((_candidate(s, found) for s, found in partial.items()), key=Candidate.rank_key)
            complete = [c.subject_id for c in ranked[: max(limit, p.COMPLETED_CANDIDATES)]]
            candidates = [self.score_subject(s, probe, partial[s]) for s in complete]
        if threshold is not None:
            candidates = [c for c in candidates if c.fused_score >= threshold]
        candidates.sort(key=Candidate.rank_key)
        return candidates[:limit]
