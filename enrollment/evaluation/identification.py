"""The 1:N duplicate search measured as the kiosk makes it: two-finger persons in a synthetic background gallery.

Persons and searches:

- **mated persons** are enrolled with impressions 1..K of each finger (K = ``IMPRESSIONS_PER_FINGER``, what the
  kiosk keeps, or each K asked for) and searched with each impression after the largest K compared, so that
  every K is measured on the same searches. Real ones come from FVC2002 B: finger k of DB1_B with finger k of
  DB3_B, finger k of DB2_B with finger k of DB4_B (10 persons per pair of sets, 8 impressions per finger).
  Without FVC data, synthetic persons of the population model with perturbed "impressions" stand in (fine for
  checking the machinery, not for accuracy figures);
- **non-mated searches**: every impression of each mated person searched with that person left out of the
  gallery (leave-one-out), plus fresh synthetic persons never enrolled;
- **background**: synthetic population persons (minutia-level templates, :mod:`enrollment.evaluation.population`)
  at the two probe positions.

Each search is :meth:`GalleryIndex.search` over the whole gallery, decided at the kiosk's threshold
``person_threshold(IDENTIFY_FMR_PER_SEARCH, persons in the gallery)``: a hit is a candidate at or above it among
the kiosk's ``MAX_CANDIDATES`` best. FNIR is the share of mated searches whose mate is not such a hit, FPIR the
share of non-mated searches with any hit. The search asks for ``COMPLETED_CANDIDATES`` candidates (the persons
the index matches in full anyway) so that the mate's rank is known beyond the kiosk's list.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from tqdm import tqdm

from enrollment.evaluation import parameters
from enrollment.evaluation.fvc_templates import set_templates
from enrollment.evaluation.population import synthesize
from enrollment.evaluation.protocol import DatasetError
from enrollment.identification import MAX_CANDIDATES
from enrollment.matching import GalleryIndex, person_threshold
from enrollment.matching.parameters import COMPLETED_CANDIDATES, IDENTIFY_FMR_PER_SEARCH, IMPRESSIONS_PER_FINGER
from enrollment.synthesis import perturb_template, synthesize_minutiae
from enrollment.template.model import Template

Probe = dict[int, Template]  # ISO finger position -> template; empty when no finger could be extracted


@dataclass(frozen=True)
class Person:
    person_id: str
    enrolled: Probe
    searches: tuple[Probe, ...]
    enrolled_more: tuple[Probe, ...] = ()  # the further impressions enrolled (impressions 2..K)

    def enrolled_prints(self) -> list[tuple[int, Template]]:
        """(position, template) of every enrolled print: each kept impression of each finger."""
        return [(pos, t) for probe in (self.enrolled, *self.enrolled_more) for pos, t in probe.items()]


@dataclass(frozen=True)
class Cohort:
    """The mated persons, where they came from, and the images that yielded no template."""

    persons: tuple[Person, ...]
    source: str
    real: bool
    failures: tuple[str, ...] = ()
    impressions: int = 1  # enrolled per finger

    @property
    def mated_searches(self) -> int:
        return sum(len(p.searches) for p in self.persons)


@dataclass(frozen=True)
class MatedSearch:
    person_id: str
    rank: int | None  # of the mate among the candidates (1 = best); None when not among them
    score: float  # the mate's fused score; -inf when not among the candidates


@dataclass(frozen=True)
class SizeResult:
    """Every search of one gallery size. Non-mated entries are the best candidate's fused score (-inf: none)."""

    background: int
    gallery_persons: int
    threshold: float
    mated: tuple[MatedSearch, ...]
    nonmated_real: np.ndarray
    nonmated_synthetic: np.ndarray
    seconds: float = 0.0
    impressions: int = 1  # enrolled per finger

    @property
    def nonmated(self) -> np.ndarray:
        return np.concatenate([self.nonmated_real, self.nonmated_synthetic])

    def returned_scores(self) -> np.ndarray:
        """Per mated search, the mate's score where the kiosk would list the mate (rank <= MAX_CANDIDATES)."""
        return np.array([m.score if m.rank is not None and m.rank <= MAX_CANDIDATES else -math.inf
                         for m in self.mated], float)

    def fnir(self, threshold: float | None = None) -> float:
        t = self.threshold if threshold is None else threshold
        return float(np.mean(self.returned_scores() < t)) if self.mated else math.nan

    def fpir(self, scores: np.ndarray | None = None, threshold: float | None = None) -> float:
        t = self.threshold if threshold is None else threshold
        s = self.nonmated if scores is None else scores
        return float(np.mean(s >= t)) if s.size else math.nan

    def rank_counts(self) -> list[tuple[str, int]]:
        """How many mated searches found the mate at rank 1, 2, 3..5, 6..50 and not among the candidates."""
        counts, low = [], 1
        for high in parameters.RANK_BUCKETS:
            label = str(high) if low == high else f"{low}-{high}"
            counts.append((label, sum(1 for m in self.mated if m.rank is not None and low <= m.rank <= high)))
            low = high + 1
        counts.append((f">{parameters.RANK_BUCKETS[-1]}", sum(1 for m in self.mated if m.rank is None
                                                               or m.rank > parameters.RANK_BUCKETS[-1])))
        return counts


# --- cohorts -------------------------------------------------------------------------------------------------
def fvc_cohorts(root: Path, impressions: Sequence[int] = (IMPRESSIONS_PER_FINGER,), *,
                workers: int = parameters.WORKERS, progress: bool = False) -> list[Cohort]:
    """The 20 two-finger persons of the FVC2002 B sets under ``root``, one cohort per number of enrolled
    impressions K (impressions 1..K enrolled), all searched with the impressions after the largest K."""
    first, second = parameters.PROBE_POSITIONS
    last = max(impressions)
    persons: dict[int, list[Person]] = {k: [] for k in impressions}
    failures: list[str] = []
    for set_a, set_b in parameters.FVC_SET_PAIRS:
        templates: dict[int, dict[tuple[str, int], Template]] = {}
        for position, name in ((first, set_a), (second, set_b)):
            loaded = set_templates(root / name, workers=workers, progress=progress)
            failures += loaded.failures
            templates[position] = {(s.finger, s.impression): t for s, t in loaded.templates}
        keys = {k for t in templates.values() for k in t}
        for finger in sorted({f for f, _ in keys}, key=lambda f: (len(f), f)):
            probes = {i: {pos: t[(finger, i)] for pos, t in templates.items() if (finger, i) in t}
                      for i in range(1, 1 + max(i for f, i in keys if f == finger))}
            searches = tuple(p for i, p in probes.items() if i > last)
            for k in impressions:
                persons[k].append(Person(f"{set_a}+{set_b}/{finger}", probes.get(1, {}), searches,
                                         tuple(probes.get(i, {}) for i in range(2, k + 1))))
    if not persons[last]:
        raise DatasetError(f"no FVC2002 B fingers under {root}")
    pairs = " and ".join("+".join(p) for p in parameters.FVC_SET_PAIRS)
    return [Cohort(tuple(persons[k]), f"FVC2002 B under {root}: {pairs}, finger k with finger k, impressions "
                   f"1..{k} enrolled, impressions from {last + 1} searched", real=True, failures=tuple(failures),
                   impressions=k) for k in impressions]


def fvc_cohort(root: Path, *, workers: int = parameters.WORKERS, progress: bool = False) -> Cohort:
    """The FVC2002 B persons enrolled with the kiosk's ``IMPRESSIONS_PER_FINGER`` impressions of each finger."""
    return fvc_cohorts(root, workers=workers, progress=progress)[0]


def synthetic_cohort(persons: int = parameters.SYNTHETIC_MATED_PERSONS,
                     searches: int = parameters.SYNTHETIC_SEARCHES_PER_PERSON,
                     seed: int = parameters.MATED_SEED, impressions: int = 1) -> Cohort:
    """Synthetic two-finger persons enrolled with a population template (and ``impressions - 1`` perturbed
    copies of it), searched with other perturbed copies (the same ones whatever ``impressions``)."""
    positions = parameters.PROBE_POSITIONS
    flat = list(synthesize_minutiae(persons * len(positions), seed))
    cohort = []
    for n in range(persons):
        enrolled = {pos: flat[n * len(positions) + k] for k, pos in enumerate(positions)}
        later = tuple({pos: perturb_template(t, np.random.default_rng((seed, n, s, pos)))
                       for pos, t in enrolled.items()} for s in range(searches))
        more = tuple({pos: perturb_template(t, np.random.default_rng((seed, n, 1000 + i, pos)))
                      for pos, t in enrolled.items()} for i in range(2, impressions + 1))
        cohort.append(Person(f"synthetic-{n:04d}", enrolled, later, more))
    return Cohort(tuple(cohort), f"synthetic population (seed {seed}), perturbed impressions, {impressions} "
                  "enrolled", real=False, impressions=impressions)


def nonmated_probes(count: int, seed: int = parameters.NONMATED_SEED) -> list[Probe]:
    """``count`` two-finger searches of synthetic persons who are never enrolled (perturbed impressions)."""
    positions = parameters.PROBE_POSITIONS
    flat = list(synthesize_minutiae(count * len(positions), seed))
    return [{pos: perturb_template(flat[n * len(positions) + k], np.random.default_rng((seed, n, pos)))
             for k, pos in enumerate(positions)} for n in range(count)]


# --- searching -----------------------------------------------------------------------------------------------
def _search(index: GalleryIndex, probe: Probe) -> list:
    return index.search(probe, limit=COMPLETED_CANDIDATES) if probe else []


def _top(candidates: list) -> float:
    return candidates[0].fused_score if candidates else -math.inf


def background_index(background: int, *, seed: int = parameters.BACKGROUND_SEED,
                     progress: bool = False) -> GalleryIndex:
    """The index of ``background`` synthetic persons (two fingers each)."""
    filler = synthesize(background * len(parameters.PROBE_POSITIONS), seed, progress=progress).subjects[:background]
    index = GalleryIndex()
    index.rebuild((f"background-{n:06d}", pos, t) for n, subject in enumerate(filler) for pos, t in subject.items())
    return index


def _enrol(index: GalleryIndex, person: Person) -> None:
    for pos, t in person.enrolled_prints():
        index.add(person.person_id, pos, t)


def gallery(cohort: Cohort, background: int, *, seed: int = parameters.BACKGROUND_SEED,
            progress: bool = False) -> GalleryIndex:
    """The index of ``background`` synthetic persons and the cohort's enrolled prints."""
    index = background_index(background, seed=seed, progress=progress)
    for person in cohort.persons:
        _enrol(index, person)
    return index


def run_size(cohort: Cohort, background: int | GalleryIndex, nonmated: Sequence[Probe], *,
             seed: int = parameters.BACKGROUND_SEED, progress: bool = False) -> SizeResult:
    """All searches against a gallery of ``background`` synthetic persons (or that background index, left as it
    was found) plus the cohort."""
    start = time.perf_counter()
    index = background if isinstance(background, GalleryIndex) else background_index(background, seed=seed,
                                                                                      progress=progress)
    filler = index.subjects
    for person in cohort.persons:
        _enrol(index, person)
    persons = index.subjects
    threshold = person_threshold(IDENTIFY_FMR_PER_SEARCH, persons)
    total = cohort.mated_searches + sum(1 + len(p.enrolled_more) + len(p.searches) for p in cohort.persons)
    bar = tqdm(total=total + len(nonmated), desc=f"searches, {filler} background, {cohort.impressions} enrolled",
               unit="search", disable=not progress, leave=False)
    mated = []
    for person in cohort.persons:
        for probe in person.searches:
            candidates = _search(index, probe)
            rank = next((k + 1 for k, c in enumerate(candidates) if c.subject_id == person.person_id), None)
            mated.append(MatedSearch(person.person_id, rank, candidates[rank - 1].fused_score if rank else -math.inf))
            bar.update(1)
    real = []
    for person in cohort.persons:  # leave-one-out: the person's own impressions, the person out of the gallery
        index.remove(person.person_id)
        for probe in (person.enrolled, *person.enrolled_more, *person.searches):
            real.append(_top(_search(index, probe)))
            bar.update(1)
        _enrol(index, person)
    synthetic = []
    for probe in nonmated:
        synthetic.append(_top(_search(index, probe)))
        bar.update(1)
    bar.close()
    for person in cohort.persons:
        index.remove(person.person_id)
    return SizeResult(filler, persons, threshold, tuple(mated), np.array(real, float),
                      np.array(synthetic, float), time.perf_counter() - start, cohort.impressions)


def run(cohorts: Cohort | Sequence[Cohort], sizes: Sequence[int], nonmated: int = parameters.NONMATED_SYNTHETIC, *,
        progress: bool = False) -> list[SizeResult]:
    """:func:`run_size` for each background size and each cohort (one background index per size, shared by the
    cohorts), with the same ``nonmated`` synthetic non-mated searches."""
    probes = nonmated_probes(nonmated)
    cohorts = [cohorts] if isinstance(cohorts, Cohort) else list(cohorts)
    results = []
    for size in sizes:
        index = background_index(size, progress=progress)
        results += [run_size(cohort, index, probes, progress=progress) for cohort in cohorts]
    return results


# --- report --------------------------------------------------------------------------------------------------
def _percent(numerator: int, denominator: int) -> str:
    return f"{100 * numerator / denominator:6.2f} % ({numerator}/{denominator})" if denominator else "n/a"


def table(results: Sequence[SizeResult]) -> list[str]:
    """One block per gallery size: threshold, FNIR, FPIR (real, synthetic, all), rank-1 rate, mate ranks."""
    lines = []
    for r in results:
        misses = int(np.sum(r.returned_scores() < r.threshold))
        real_hits = int(np.sum(r.nonmated_real >= r.threshold))
        synthetic_hits = int(np.sum(r.nonmated_synthetic >= r.threshold))
        rank1 = sum(1 for m in r.mated if m.rank == 1)
        lines += [
            f"gallery: {r.background} background persons + mated persons = {r.gallery_persons} persons, "
            f"{r.impressions} impression(s) per finger enrolled ({r.seconds:.0f} s)",
            f"  threshold (fused, FPIR {IDENTIFY_FMR_PER_SEARCH:g} per search): {r.threshold:.3f}",
            f"  FNIR at threshold:          {_percent(misses, len(r.mated))}",
            f"  FPIR, mated left out:      {_percent(real_hits, r.nonmated_real.size)}",
            f"  FPIR, synthetic persons:    {_percent(synthetic_hits, r.nonmated_synthetic.size)}",
            f"  FPIR, all non-mated:        {_percent(real_hits + synthetic_hits, r.nonmated.size)}",
            f"  rank-1 rate (any score):    {_percent(rank1, len(r.mated))}",
            "  mate rank: " + ", ".join(f"{label}: {count}" for label, count in r.rank_counts()),
        ]
    return lines


def comparison(results: Sequence[SizeResult]) -> list[str]:
    """One row per gallery size and number of enrolled impressions, on the same searches: FNIR at the kiosk's
    threshold, FPIR over all non-mated searches, mate ranks."""
    lines = ["background  enrolled  threshold  FNIR                 FPIR                  mate rank"]
    for r in results:
        misses = int(np.sum(r.returned_scores() < r.threshold))
        hits = int(np.sum(r.nonmated >= r.threshold))
        ranks = ", ".join(f"{label}: {count}" for label, count in r.rank_counts())
        lines.append(f"{r.background:>10}  {r.impressions:>8}  {r.threshold:9.3f}  {_percent(misses, len(r.mated)):19}"
                     f"  {_percent(hits, r.nonmated.size):20}  {ranks}")
    return lines


def method(cohort: Cohort, results: Sequence[SizeResult]) -> list[str]:
    lines = [
        f"mated persons: {len(cohort.persons)} two-finger persons (positions {parameters.PROBE_POSITIONS}) from "
        f"{cohort.source}; {cohort.mated_searches} mated searches (every impression after the enrolled ones)",
    ]
    if cohort.real:
        lines.append("  a tiny development set: the extractor was tuned on FVC2002 B, so these figures flatter it")
    else:
        lines.append("  SYNTHETIC ONLY (no --fvc): perturbed population templates are not valid for accuracy "
                     "figures; this run checks the machinery")
    if cohort.failures:
        lines.append(f"  {len(cohort.failures)} images yielded no template (their finger is left out of the "
                     f"search; a search with no finger is a miss): " + "; ".join(cohort.failures[:5]))
    if results:
        r = results[0]
        lines.append(f"non-mated searches: {r.nonmated_real.size} {'real' if cohort.real else 'synthetic'} "
                     f"(every impression of each mated person, "
                     f"that person left out of the gallery) + {r.nonmated_synthetic.size} synthetic persons never "
                     "enrolled (perturbed population templates, seed "
                     f"{parameters.NONMATED_SEED})")
    lines += [
        f"background: synthetic population persons (enrollment.synthesis.synthesize_minutiae, seed "
        f"{parameters.BACKGROUND_SEED}), two fingers each; fillers only",
        f"search: GalleryIndex.search as the kiosk's, {COMPLETED_CANDIDATES} candidates asked for the mate's "
        f"rank; hit = a candidate among the best {MAX_CANDIDATES} at or above person_threshold("
        f"{IDENTIFY_FMR_PER_SEARCH:g}, persons in the gallery)",
        "FNIR = mated searches whose mate is not a hit; FPIR = non-mated searches with any hit",
    ]
    return lines


def write_outputs(results: Sequence[SizeResult], out: Path, title: str) -> list[Path]:
    """``searches.csv`` (one row per search and gallery size) and ``fnir-fpir.png``."""
    from enrollment.atomic_files import write_text_atomically
    from enrollment.evaluation.identification_plot import fnir_fpir_plot

    out.mkdir(parents=True, exist_ok=True)
    rows = ["background,impressions,gallery_persons,threshold,kind,person,mate_rank,score"]
    for r in results:
        head = f"{r.background},{r.impressions},{r.gallery_persons},{r.threshold:.4f}"
        rows += [f"{head},mated,{m.person_id},{m.rank or ''},{m.score:.4f}" for m in r.mated]
        rows += [f"{head},nonmated_real,,,{s:.4f}" for s in r.nonmated_real]
        rows += [f"{head},nonmated_synthetic,,,{s:.4f}" for s in r.nonmated_synthetic]
    csv, png = out / "searches.csv", out / "fnir-fpir.png"
    write_text_atomically(csv, "\n".join(rows) + "\n")
    fnir_fpir_plot(results, png, title)
    return [csv, png]
