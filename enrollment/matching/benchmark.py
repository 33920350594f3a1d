"""Speed and pre-selection figures of the matcher (not tests; the ``zuil bench`` harness may call these).

    python -m enrollment.matching.benchmark throughput [--pairs 20000]
    python -m enrollment.matching.benchmark identify --persons 100000 [--probes 50] [--seed 11]

Both use the minutia-level population model (``enrollment.synthesis.population.synthesize_minutiae`` and
``enrollment.synthesis.perturbation.perturb_template``): fine for speed and for the pre-selection's miss rate
against full matching, NOT for accuracy (FMR/FNMR come from real prints, see :mod:`calibration`). CPU and
wall times are both printed; on a shared machine trust the CPU time more.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time

import numpy as np

from enrollment.matching.fusion import person_threshold
from enrollment.matching.gallery import GalleryIndex
from enrollment.matching.matcher import match
from enrollment.matching.prepared import build, prepare


def _population():
    try:
        from enrollment.synthesis.perturbation import perturb_template
        from enrollment.synthesis.population import synthesize_minutiae
    except ImportError as exc:  # the population model lives on another branch until it is merged
        raise SystemExit(f"needs enrollment.synthesis.population ({exc})") from exc
    return synthesize_minutiae, perturb_template


def throughput(pairs: int = 20000, seed: int = 5) -> dict[str, float]:
    """Comparisons per CPU second of prepared templates, and the cost of preparing one."""
    synthesize, _ = _population()
    templates = list(synthesize(200, seed=seed))
    t0 = time.process_time()
    prepared = [prepare(t) for t in templates]
    prepare_us = (time.process_time() - t0) / len(templates) * 1e6
    rng = np.random.default_rng(seed)
    a, b = rng.integers(0, len(prepared), pairs), rng.integers(0, len(prepared), pairs)
    match(prepared[0], prepared[1])
    t0 = time.process_time()
    for i, j in zip(a, b, strict=True):
        match(prepared[i], prepared[j])
    per_pair = (time.process_time() - t0) / pairs
    t0 = time.process_time()
    for t in templates[:100]:
        build(t)
    build_us = (time.process_time() - t0) / 100 * 1e6
    return {"comparisons_per_cpu_second": 1.0 / per_pair, "microseconds_per_comparison": per_pair * 1e6,
            "prepare_microseconds": min(prepare_us, build_us),
            "mean_minutiae": float(np.mean([len(t) for t in templates]))}


def identify(persons: int, probes: int = 50, seed: int = 11, fmr_per_search: float = 1e-3,
             fingers: int = 2) -> dict[str, float]:
    """Index ``persons`` x 2 fingers (positions 2 and 7), search ``probes`` mated probes of ``fingers`` fingers.

    Reports build time (of the index from templates already in memory), search latency, the hit rate (mate at
    rank 1 at or above the per-search threshold),
    the "exhaustive" hit rate bound (mate's own fused score at or above the threshold, as a full search would
    see it unless an impostor outranked it) and the pre-selection miss rate (mate absent from the result).
    """
    synthesize, perturb = _population()
    items = [(f"S{i // 2:07d}", 2 if i % 2 == 0 else 7, t) for i, t in enumerate(synthesize(2 * persons, seed=seed))]
    gallery = GalleryIndex()
    w0, c0 = time.perf_counter(), time.process_time()
    gallery.rebuild(items)
    build_wall, build_cpu = time.perf_counter() - w0, time.process_time() - c0
    threshold = person_threshold(fmr_per_search, persons)
    rng = np.random.default_rng(seed + 1)
    chosen = rng.choice(persons, probes, replace=False)
    wall, cpu, hits, mate_above, missed = [], [], 0, 0, 0
    for s in chosen:
        subject = f"S{s:07d}"
        held = dict(gallery.prints(subject))
        probe = {pos: perturb(t, rng) for pos, t in sorted(held.items())[:fingers]}
        w0, c0 = time.perf_counter(), time.process_time()
        result = gallery.search(probe, limit=5)
        wall.append(time.perf_counter() - w0)
        cpu.append(time.process_time() - c0)
        hits += bool(result and result[0].subject_id == subject and result[0].fused_score >= threshold)
        missed += subject not in {c.subject_id for c in result}
        mate_above += gallery.score_subject(subject, probe).fused_score >= threshold
    return {
        "persons": persons, "prints": len(gallery), "build_wall_s": build_wall, "build_cpu_s": build_cpu,
        "index_mb": gallery.nbytes / 1e6, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "search_wall_ms_median": 1e3 * float(np.median(wall)),
        "search_wall_ms_p95": 1e3 * float(np.quantile(wall, 0.95)),
        "search_cpu_ms_median": 1e3 * float(np.median(cpu)), "hit_rate": hits / probes,
        "mate_above_threshold_rate": mate_above / probes, "preselection_miss_rate": missed / probes,
        "threshold": threshold,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["throughput", "identify"])
    parser.add_argument("--pairs", type=int, default=20000)
    parser.add_argument("--persons", type=int, default=10000)
    parser.add_argument("--probes", type=int, default=50)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--fingers", type=int, default=2, choices=[1, 2], help="probe fingers (identify)")
    args = parser.parse_args(argv)
    if args.what == "throughput":
        result = throughput(args.pairs)
    else:
        result = identify(args.persons, args.probes, args.seed, fingers=args.fingers)
    for key, value in result.items():
        print(f"{key}: {value:.3f}" if isinstance(value, float) else f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
