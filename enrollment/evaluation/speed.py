"""``zuil bench speed``: extraction time, 1:1 comparison rate and 1:N search latency, on one core.

Method (printed with the figures):
- every timing runs in this process pinned to one CPU (``sched_setaffinity``), so library threads cannot
  borrow the second core, with OpenCV's pool set to one thread; wall-clock ``perf_counter``;
- extraction: ``prepare`` (decode + extract + load) of each image, ``rounds`` times, the engines taking turns on
  each image in an order that rotates from image to image; median and p95 in ms, and the median of the
  per-image time ratios to the first engine;
- 1:1: prepared images compared in a cycle of all ordered pairs for a fixed time; comparisons per second;
- 1:N: a gallery of N synthetic fingers (N/2 subjects x 2 finger positions) and a mated 2-finger probe, so a
  search costs N finger comparisons. An engine with an index (``enrollment.matching.GalleryIndex``) is timed
  with it, index build time included. Engines without one are timed as a loop of 1:1 comparisons over at most
  ``cap`` gallery fingers; the latency for a larger gallery is extrapolated linearly and marked so. Image-only
  engines (the baseline) get N / (1:1 rate) as an estimate;
- memory: the growth of the resident set while an index is built (``/proc/self/statm`` before and after,
  the synthetic population already in memory), and the peak resident set size of the process
  (``getrusage``), a high-water mark over the whole run.
"""

from __future__ import annotations

import gc
import inspect
import os
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from tqdm import tqdm

from enrollment.errors import EnrollmentError
from enrollment.evaluation import machine
from enrollment.evaluation.engines.base import EngineUnavailable, TwoStageEngine
from enrollment.evaluation.population import Population, mated_probe


@dataclass(frozen=True)
class Extraction:
    images: int
    failures: int
    median_ms: float
    p95_ms: float
    paired_ratio: float = float("nan")  # median of per-image time ratios to the first engine of the run


@dataclass(frozen=True)
class Search:
    gallery_fingers: int
    median_ms: float
    how: str  # "index", "loop", "loop, extrapolated from K", "estimate from 1:1 rate"
    build_seconds: float | None = None
    peak_rss_mib: float | None = None
    index_mib: float | None = None  # growth of the resident set while the index was built and held
    hits: int | None = None  # searches whose top candidate was the mated subject (within the subjects searched)
    searches: int = 0


@dataclass
class EngineSpeed:
    name: str
    description: str
    extraction: Extraction | None = None
    comparisons_per_second: float | None = None
    searches: list[Search] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    peak_rss_mib: float = 0.0


@contextmanager
def one_core() -> Iterator[str]:
    """Pin this process (all its threads) to one CPU for the duration, and OpenCV to one thread (its pool was sized
    for every core when it was imported: two threads on one core only take turns); says which."""
    threads = cv2.getNumThreads()
    cv2.setNumThreads(1)
    try:
        if not hasattr(os, "sched_setaffinity"):
            yield "not pinned (no sched_setaffinity here); OpenCV on 1 thread"
            return
        before = os.sched_getaffinity(0)
        cpu = min(before)
        os.sched_setaffinity(0, {cpu})
        try:
            yield f"pinned to CPU {cpu}; OpenCV on 1 thread"
        finally:
            os.sched_setaffinity(0, before)
    finally:
        cv2.setNumThreads(threads)


def time_extraction(
    engines: Sequence[TwoStageEngine], images: Sequence[Path], rounds: int, progress: bool
) -> list[tuple[Extraction, list[Any]]]:
    """Time ``prepare`` of every engine on every image ``rounds`` times, interleaved; per engine, in the order
    given: the timing and the items prepared in the first round.

    The engines take turns on each image, and the turn order rotates from one image to the next (A then B, then
    B then A, ...), so that all of them see the same load on the machine. ``Extraction.paired_ratio`` is the
    median, over the (round, image) pairs that both extracted, of the engine's time over the first engine's.
    One untimed ``prepare`` per engine comes first, so that lazy set-up (libraries, tables) is not charged to
    an image.
    """
    for engine in engines:
        with suppress(EnrollmentError):
            engine.prepare(images[0])
    count = len(engines)
    times: list[list[float | None]] = [[] for _ in engines]
    prepared: list[list[Any]] = [[] for _ in engines]
    failures = [0] * count
    bar = tqdm(total=rounds * len(images) * count, desc="extraction (" + ", ".join(e.name for e in engines) + ")",
               disable=not progress, leave=False)
    for turn, (round_, path) in enumerate((r, p) for r in range(rounds) for p in images):
        for k in range(count):
            which = (turn + k) % count
            bar.update(1)
            start = time.perf_counter()
            try:
                item = engines[which].prepare(path)
            except EnrollmentError:
                failures[which] += round_ == 0
                times[which].append(None)
                continue
            times[which].append(time.perf_counter() - start)
            if round_ == 0:
                prepared[which].append(item)
    bar.close()
    return [(_summary(len(images), failures[k], times[k], times[0]), prepared[k]) for k in range(count)]


def _summary(images: int, failures: int, times: Sequence[float | None], reference: Sequence[float | None]
             ) -> Extraction:
    """Median and p95 in ms of the times that are not None, and the median ratio to ``reference``, pair by pair."""
    ms = np.asarray([t for t in times if t is not None]) * 1000
    median = float(np.median(ms)) if ms.size else float("nan")
    p95 = float(np.percentile(ms, 95)) if ms.size else float("nan")
    ratios = [t / r for t, r in zip(times, reference, strict=True) if t is not None and r]
    return Extraction(images, failures, median, p95, float(np.median(ratios)) if ratios else float("nan"))


def comparison_rate(engine: TwoStageEngine, items: Sequence[Any], seconds: float) -> float | None:
    """1:1 comparisons per second over a cycle of all ordered pairs of distinct items, for ``seconds``."""
    pairs = [(a, b) for i, a in enumerate(items) for j, b in enumerate(items) if i != j]
    if not pairs:
        return None
    done, start = 0, time.perf_counter()
    while True:
        for a, b in pairs[:64]:
            engine.score(a, b)
        done += min(64, len(pairs))
        pairs = pairs[64:] + pairs[:64]
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return done / elapsed


def _probes(population: Population, subjects: int, count: int, seed: int) -> list[tuple[int, dict]]:
    """``count`` mated probes of random subjects among the first ``subjects``: (subject index, probe)."""
    rng = np.random.default_rng(seed)
    chosen = [int(rng.integers(subjects)) for _ in range(count)]
    return [(subject, mated_probe(population, subject, seed + k)) for k, subject in enumerate(chosen)]


def loop_search(
    engine: TwoStageEngine, population: Population, sizes: Sequence[int], cap: int, searches: int, seed: int,
    progress: bool,
) -> list[Search]:
    """1:N by a loop of 1:1 comparisons over at most ``cap`` gallery fingers, extrapolated beyond."""
    limit = min(cap, max(sizes)) // 2
    gallery = [
        {pos: engine.from_template(t) for pos, t in subject.items()}
        for subject in tqdm(population.subjects[:limit], desc=f"gallery ({engine.name})", disable=not progress,
                            leave=False)
    ]
    results = []
    for size in sizes:
        subjects = min(size // 2, len(gallery))
        probes = [(subject, {pos: engine.from_template(t) for pos, t in p.items()})
                  for subject, p in _probes(population, subjects, searches, seed)]
        latencies, hits = [], 0
        for subject, probe in probes:
            start = time.perf_counter()
            fused = [sum(engine.score(probe[pos], g[pos]) for pos in probe if pos in g) for g in gallery[:subjects]]
            best = int(np.argmax(fused))
            latencies.append(time.perf_counter() - start)
            hits += best == subject
        compared = subjects * 2
        scale = size / compared
        how = "loop" if scale == 1 else f"loop over {compared:,} fingers, extrapolated x{scale:.0f}"
        results.append(Search(size, float(np.median(latencies)) * 1000 * scale, how,
                              peak_rss_mib=machine.peak_rss_mib(), hits=hits, searches=len(probes)))
    return results


def index_search(
    index_class: type, population: Population, sizes: Sequence[int], searches: int, seed: int, progress: bool
) -> list[Search]:
    """1:N through the engine's gallery index, per gallery size; build time = filling it from scratch.

    The index is filled with ``rebuild(items)`` when it takes the items ((subject_id, position, template)
    triples) at once, else by ``add(subject_id, position, template)`` per print and a final ``rebuild()``.
    """
    results = []
    for size in sizes:
        subjects = size // 2
        items = [(str(sid), pos, template) for sid, fingers in enumerate(population.subjects[:subjects])
                 for pos, template in fingers.items()]
        gc.collect()
        before = machine.current_rss_mib()
        start = time.perf_counter()
        index = index_class()
        if inspect.signature(index.rebuild).parameters:
            index.rebuild(tqdm(items, desc=f"index {size:,}", disable=not progress, leave=False))
        else:
            for item in tqdm(items, desc=f"index {size:,}", disable=not progress, leave=False):
                index.add(*item)
            index.rebuild()
        build = time.perf_counter() - start
        after = machine.current_rss_mib()
        grown = after - before if after is not None and before is not None else None
        latencies, hits = [], 0
        for subject, probe in _probes(population, subjects, searches, seed):
            start = time.perf_counter()
            candidates = index.search(probe)
            latencies.append(time.perf_counter() - start)
            hits += _top_subject(candidates) == str(subject)
        del index  # so that the next, larger index is not built while this one is still held
        results.append(Search(size, float(np.median(latencies)) * 1000, "index", build, machine.peak_rss_mib(),
                              grown, hits, searches))
    return results


def _top_subject(candidates: Any) -> str | None:
    """The subject id of the first candidate, whatever shape the candidate list has."""
    try:
        first = candidates[0]
    except (IndexError, TypeError, KeyError):
        return None
    for attribute in ("subject_id", "subject", "person_id", "id"):
        if hasattr(first, attribute):
            return str(getattr(first, attribute))
    if isinstance(first, tuple):
        return str(first[0])
    return str(first)


def estimate_searches(engine_rate: float | None, sizes: Sequence[int]) -> list[Search]:
    if not engine_rate:
        return []
    return [Search(size, size / engine_rate * 1000, "estimate from 1:1 rate (no minutia gallery)") for size in sizes]


def searches_for(
    engine: TwoStageEngine, population: Population, sizes: Sequence[int], *, cap: int, searches: int, seed: int,
    rate: float | None, progress: bool,
) -> tuple[list[Search], list[str]]:
    """The 1:N figures of one engine by the best method it supports, and notes on how they were obtained."""
    index_class = engine.gallery_index_class()
    if index_class is not None:
        try:
            return index_search(index_class, population, sizes, searches, seed, progress), []
        except (TypeError, AttributeError) as exc:  # the index's API differs from what this harness expects
            note = f"GalleryIndex could not be driven ({type(exc).__name__}: {exc}); timed as a loop instead"
            return loop_search(engine, population, sizes, cap, searches, seed, progress), [note]
    try:
        engine.from_template(population.subjects[0][next(iter(population.subjects[0]))])
    except EngineUnavailable as exc:
        return estimate_searches(rate, sizes), [str(exc)]
    return loop_search(engine, population, sizes, cap, searches, seed, progress), []
