"""Prepare every distinct image once, then score pairs: in worker processes, in a deterministic order.

Workers are forked after the engine (and, for scoring, the prepared items) exist, so they inherit them
instead of receiving them by pickle; results come back through ``imap`` in submission order, so the output
order never depends on timing. An image that cannot be read or yields no template is a *failure to extract*:
it is recorded with its reason, and every pair involving it gets :data:`parameters.FAILURE_SCORE`.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqdm import tqdm

from enrollment.errors import EnrollmentError
from enrollment.evaluation import parameters
from enrollment.evaluation.engines.base import TwoStageEngine


@dataclass
class PreparedImages:
    """One comparable item per image (None where extraction failed), the failures and the time spent."""

    items: list[Any]
    failures: dict[int, str] = field(default_factory=dict)
    extract_seconds: list[float] = field(default_factory=list)  # per image, measured in the worker
    wall_seconds: float = 0.0


_ENGINE: TwoStageEngine | None = None
_ITEMS: list[Any] = []


def _extract_one(task: tuple[int, Path, int | None]) -> tuple[int, Any, str | None, float]:
    index, path, dpi = task
    assert _ENGINE is not None
    start = time.perf_counter()
    try:
        extracted = _ENGINE.extract(path, dpi)
    except EnrollmentError as exc:
        return index, None, f"{type(exc).__name__}: {exc}", time.perf_counter() - start
    except Exception as exc:  # an engine bug on one image must not end a benchmark; it is reported instead
        return index, None, f"unexpected {type(exc).__name__}: {exc}", time.perf_counter() - start
    return index, extracted, None, time.perf_counter() - start


def _pool(workers: int) -> multiprocessing.pool.Pool:
    return multiprocessing.get_context("fork").Pool(workers)


def prepare_images(
    engine: TwoStageEngine,
    paths: Sequence[Path],
    dpi: int | None = None,
    *,
    workers: int = parameters.WORKERS,
    progress: bool = True,
) -> PreparedImages:
    """Extract each of ``paths`` exactly once (``dpi`` overrides the images' own) and load the results."""
    global _ENGINE
    tasks = [(i, Path(p), dpi) for i, p in enumerate(paths)]
    result = PreparedImages(items=[None] * len(tasks), extract_seconds=[0.0] * len(tasks))
    start = time.perf_counter()
    bar = tqdm(total=len(tasks), desc=f"extract ({engine.name})", unit="img", disable=not progress, leave=False)
    _ENGINE = engine
    try:
        if workers > 1 and len(tasks) >= parameters.MIN_ITEMS_FOR_POOL:
            with _pool(workers) as pool:
                outcomes = list(_tracked(pool.imap(_extract_one, tasks, chunksize=1), bar))
        else:
            outcomes = list(_tracked(map(_extract_one, tasks), bar))
    finally:
        _ENGINE = None
        bar.close()
    for index, extracted, error, seconds in outcomes:
        result.extract_seconds[index] = seconds
        if error is not None:
            result.failures[index] = error
            continue
        try:
            result.items[index] = engine.load(extracted)
        except EnrollmentError as exc:
            result.failures[index] = f"{type(exc).__name__}: {exc}"
    result.wall_seconds = time.perf_counter() - start
    return result


def _tracked(iterable, bar: tqdm):
    for item in iterable:
        bar.update(1)
        yield item


def _score_chunk(chunk: Sequence[tuple[int, int]]) -> list[float]:
    assert _ENGINE is not None
    out = []
    for i, j in chunk:
        a, b = _ITEMS[i], _ITEMS[j]
        out.append(parameters.FAILURE_SCORE if a is None or b is None else float(_ENGINE.score(a, b)))
    return out


def score_pairs(
    engine: TwoStageEngine,
    items: list[Any],
    pairs: Sequence[tuple[int, int]],
    *,
    workers: int = parameters.WORKERS,
    progress: bool = True,
) -> list[float]:
    """The score of each pair of item indices, in the order given (failures score FAILURE_SCORE)."""
    global _ENGINE, _ITEMS
    size = parameters.SCORE_CHUNK
    chunks = [list(pairs[k : k + size]) for k in range(0, len(pairs), size)]
    bar = tqdm(total=len(pairs), desc=f"score ({engine.name})", unit="pair", disable=not progress, leave=False)
    _ENGINE, _ITEMS = engine, items
    scores: list[float] = []
    try:
        if workers > 1 and len(chunks) > 1:
            with _pool(workers) as pool:
                for part in pool.imap(_score_chunk, chunks):
                    scores.extend(part)
                    bar.update(len(part))
        else:
            for chunk in chunks:
                part = _score_chunk(chunk)
                scores.extend(part)
                bar.update(len(part))
    finally:
        _ENGINE, _ITEMS = None, []
        bar.close()
    return scores
