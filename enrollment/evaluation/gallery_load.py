"""``zuil bench gallery``: how long the kiosk takes to load its 1:N index from the encrypted record store, by
phase, and the memory it holds.

Each size is loaded from a bench store (:mod:`enrollment.evaluation.gallery_store`) along the kiosk's own path
(:func:`enrollment.records.enrolled_prints.enrolled_prints` and :func:`enrollment.identification.build_index`),
timed in three phases: read and decrypt (:func:`~enrollment.records.enrolled_prints.keep_sketches`, which finds
none missing, and :func:`~enrollment.records.enrolled_prints.open_enrolled`: templates and their kept sketches),
decode (:func:`~enrollment.records.enrolled_prints.decoded`: templates and sketches), and index (the kept sketches
put in the index's arrays; sketches computed only where none are kept).
"""

from __future__ import annotations

import gc
import time
from dataclasses import dataclass
from pathlib import Path

from enrollment.evaluation import machine, parameters
from enrollment.evaluation.gallery_store import open_store
from enrollment.identification import build_index
from enrollment.records.enrolled_prints import decoded, keep_sketches, open_enrolled


@dataclass(frozen=True)
class LoadResult:
    persons: int
    prints: int
    store_made_s: float | None  # None: a complete store was there already
    read_decrypt_s: float
    decode_s: float
    index_s: float
    cpu_s: tuple[float, float, float]  # CPU seconds of the process (every thread) in each phase
    rss_before_mib: float | None
    rss_after_mib: float | None
    peak_rss_mib: float
    index_mib: float
    load: tuple[float, float, float]

    @property
    def total_s(self) -> float:
        return self.read_decrypt_s + self.decode_s + self.index_s


def run_size(root: Path, persons: int, *, seed: int = parameters.GALLERY_LOAD_SEED,
             workers: int = parameters.WORKERS, progress: bool = False) -> LoadResult:
    """Load the index of ``persons`` persons once, timing each phase."""
    start = time.perf_counter()
    store, made = open_store(root, persons, seed, workers=workers, progress=progress)
    made_s = time.perf_counter() - start if made else None
    try:
        gc.collect()
        rss_before = machine.current_rss_mib()
        load = _loadavg()
        t0, c0 = time.perf_counter(), time.process_time()
        with store.transaction() as session:
            keep_sketches(session)  # as the kiosk does before it builds the index (here: none missing)
            opened = open_enrolled(session)
        t1, c1 = time.perf_counter(), time.process_time()
        prints = list(decoded(opened))
        t2, c2 = time.perf_counter(), time.process_time()
        index, _locations = build_index(prints)
        t3, c3 = time.perf_counter(), time.process_time()
        del opened, prints  # what the kiosk keeps: the index
        gc.collect()
        result = LoadResult(persons, len(index), made_s, t1 - t0, t2 - t1, t3 - t2, (c1 - c0, c2 - c1, c3 - c2),
                            rss_before, machine.current_rss_mib(), machine.peak_rss_mib(), index.nbytes / 2**20, load)
    finally:
        store.close()
    return result


def _loadavg() -> tuple[float, float, float]:
    import os

    try:
        return os.getloadavg()
    except OSError:
        return (float("nan"),) * 3


def _mib(value: float | None) -> str:
    return "?" if value is None else f"{value:.0f}"


def table(results: list[LoadResult]) -> list[str]:
    header = (f"{'persons':>8} {'prints':>8} {'read+decrypt s':>15} {'decode s':>9} {'index s':>8} {'total s':>8} "
              f"{'CPU s r+d/dec/idx':>18} {'RSS before/after MiB':>21} {'peak RSS MiB':>13} "
              f"{'index arrays MiB':>17} {'load (1 min)':>13}")
    lines = [header]
    for r in results:
        cpu = "/".join(f"{c:.1f}" for c in r.cpu_s)
        rss = f"{_mib(r.rss_before_mib)} / {_mib(r.rss_after_mib)}"
        lines.append(f"{r.persons:>8} {r.prints:>8} {r.read_decrypt_s:>15.2f} {r.decode_s:>9.2f} {r.index_s:>8.2f} "
                     f"{r.total_s:>8.2f} {cpu:>18} {rss:>21} {r.peak_rss_mib:>13.0f} {r.index_mib:>17.1f} "
                     f"{r.load[0]:>13.2f}")
    return lines


def method(results: list[LoadResult], root: Path) -> list[str]:
    made = [f"{r.persons} persons in {r.store_made_s:.0f} s" for r in results if r.store_made_s is not None]
    return [
        f"stores: {root}/persons-<N>-seed-{parameters.GALLERY_LOAD_SEED}, SQLite, the kiosk's schema, every "
        "template and person link sealed with AES-256-GCM under demo keys; two synthetic minutia-level prints "
        "(enrollment.synthesis.synthesize_minutiae) per consented intake",
        "made this run: " + (", ".join(made) if made else "none (reused)"),
        "read+decrypt: keep_sketches (finds none missing) and open_enrolled (one SELECT, every sealed template, "
        "its sealed sketches and person link opened, one thread); decode: deserialize_many (vectorised) and the "
        "kept sketches checked and read (sketch_form.read); index: build_index -> GalleryIndex.rebuild (kept "
        "sketches copied in; the numba kernel, on every core, only for prints with none kept)",
        "CPU s: time.process_time of the process (all its threads) in each phase: on an idle machine a phase's "
        "wall time is about its CPU time divided by the cores it keeps busy (one, unless sketches are computed)",
        "each size loaded once (no warm-up round; numba kernels come from the on-disk cache); time.perf_counter",
        "RSS: /proc/self/statm before the load and after it with only the index held; peak: "
        "getrusage ru_maxrss of this process since it started (includes every earlier size)",
    ]
