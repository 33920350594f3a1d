"""Genuine and impostor scores of every pair of a labelled template set (same label: genuine), on one process
or several (each prepares the whole set once, then scores rows of the upper triangle)."""

from __future__ import annotations

import itertools

import numpy as np

from enrollment.matching.matcher import match
from enrollment.matching.prepared import Prepared, prepare


def pair_scores(labelled: list[tuple[str, Prepared]]) -> tuple[np.ndarray, np.ndarray]:
    """(genuine, impostor) scores of every pair: same label is genuine, different label impostor."""
    genuine, impostor = [], []
    for (la, a), (lb, b) in itertools.combinations(labelled, 2):
        (genuine if la == lb else impostor).append(match(a, b))
    return np.array(genuine), np.array(impostor)


_worker_set: list[Prepared] = []


def _load_worker(templates: list) -> None:
    global _worker_set
    _worker_set = [prepare(t) for t in templates]


def _score_row(i: int) -> tuple[int, np.ndarray]:
    a = _worker_set[i]
    return i, np.fromiter((match(a, b) for b in _worker_set[i + 1:]), dtype=np.float64)


def all_pair_scores(labelled: list[tuple[str, object]], *, workers: int = 1, progress: bool = False,
                    with_pairs: bool = False) -> tuple[np.ndarray, ...]:
    """(genuine, impostor) scores of every pair of ``(label, Template)`` items, on ``workers`` processes
    (each prepares the whole set once, then scores rows of the upper triangle), with a progress bar in pairs;
    ``with_pairs`` adds the (M, 2) indices into ``labelled`` of each impostor pair."""
    from tqdm import tqdm

    labels = np.array([label for label, _ in labelled])
    templates = [t for _, t in labelled]
    n = len(templates)
    bar = tqdm(total=n * (n - 1) // 2, desc="score pairs", unit="pair", unit_scale=True, disable=not progress)
    rows: dict[int, np.ndarray] = {}
    order = sorted(range(n - 1), key=lambda i: i % 2 * n + (i if i % 2 else -i))  # long and short rows mixed
    if workers > 1:
        import multiprocessing

        with multiprocessing.get_context("spawn").Pool(workers, _load_worker, (templates,)) as pool:
            for i, row in pool.imap_unordered(_score_row, order, chunksize=8):
                rows[i] = row
                bar.update(len(row))
    else:
        _load_worker(templates)
        for i in order:
            rows[i] = _score_row(i)[1]
            bar.update(len(rows[i]))
    bar.close()
    genuine, impostor, where = [], [], []
    for i in range(n - 1):
        same = labels[i + 1:] == labels[i]
        genuine.append(rows[i][same])
        impostor.append(rows[i][~same])
        where.append(np.flatnonzero(~same).astype(np.int32) + i + 1)
    result = np.concatenate(genuine), np.concatenate(impostor)
    if not with_pairs:
        return result
    first = np.concatenate([np.full(len(w), i, dtype=np.int32) for i, w in enumerate(where)])
    return (*result, np.stack([first, np.concatenate(where)], axis=1))
