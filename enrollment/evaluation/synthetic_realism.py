"""Synthetic prints against real ones, figure by figure: the statistics of :mod:`.print_statistics` and the
impostor score distribution of the matcher, for a synthetic population and for folders of real images.

    python -m enrollment.evaluation.synthetic_realism --seed 900000 --fingers 300 \\
        --real <FVC2002>/DB1_B <FVC2002>/DB2_B <FVC2002>/DB3_B <FVC2002>/DB4_B [--condition dry] [--save out.npz]

Real folders hold ``<finger>_<impression>.<ext>`` images; FVC2002 B sets get the resolution of
``parameters.FVC_SET_DPI`` (DB2 is 569 dpi although its files say 500). Every impression is extracted and
measured the same way; impostors are all pairs of different fingers within each set.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from enrollment.evaluation import parameters
from enrollment.evaluation.print_statistics import PrintStatistics

_NAME = re.compile(r"^(\d+)_(\d+)$")
_IMAGES = {".tif", ".tiff", ".png", ".bmp", ".pgm", ".wsq", ".jpg", ".jpeg"}


@dataclass(frozen=True)
class MeasuredSet:
    """Per impression: the label of its finger, its template and its statistics."""

    name: str
    labels: list[str]
    templates: list
    statistics: list[PrintStatistics]


def _measure_file(task: tuple[str, str, int]) -> tuple[str, object, PrintStatistics] | None:
    from enrollment.errors import ExtractionError
    from enrollment.evaluation.images import read_grey
    from enrollment.evaluation.print_statistics import measure

    label, path, dpi = task
    try:
        template, stats = measure(read_grey(path)[0], dpi)
    except ExtractionError:
        return None
    return label, template, stats


def _measure_synthetic(task: tuple[int, int, int, str | None]) -> list[tuple[str, object, PrintStatistics]]:
    from enrollment.errors import ExtractionError
    from enrollment.evaluation.print_statistics import measure
    from enrollment.synthesis.generator import render_impression, synthesize_master

    seed, index, impressions, condition = task
    master = synthesize_master(seed, index)
    out = []
    for k in range(impressions):
        try:
            template, stats = measure(render_impression(master, seed, k, condition=condition).image)
        except ExtractionError:
            continue
        out.append((f"synthetic-{seed}/{index}", template, stats))
    return out


def _pool_map(function: Callable, tasks: list, workers: int) -> list:
    if workers <= 1:
        return [function(t) for t in tasks]
    import multiprocessing

    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        return pool.map(function, tasks, chunksize=4)


def _collect(name: str, results: list) -> MeasuredSet:
    kept = [r for r in results if r is not None]
    return MeasuredSet(name, [r[0] for r in kept], [r[1] for r in kept], [r[2] for r in kept])


def measure_real(folders: list[Path], workers: int) -> MeasuredSet:
    """Every ``<finger>_<impression>`` image of ``folders``, labelled ``folder/finger``."""
    tasks = [(f"{folder.name}/{_NAME.match(f.stem).group(1)}", str(f), parameters.FVC_SET_DPI.get(folder.name, 500))
             for folder in folders for f in sorted(folder.iterdir())
             if f.suffix.lower() in _IMAGES and _NAME.match(f.stem)]
    return _collect("+".join(f.name for f in folders), _pool_map(_measure_file, tasks, workers))


def measure_synthetic(seed: int, fingers: int, impressions: int, workers: int,
                      condition: str | None = None) -> MeasuredSet:
    """Impressions ``0..impressions-1`` of masters ``0..fingers-1`` of population ``seed``."""
    tasks = [(seed, i, impressions, condition) for i in range(fingers)]
    results = [r for batch in _pool_map(_measure_synthetic, tasks, workers) for r in batch]
    return _collect(f"synthetic {seed}" + (f" ({condition})" if condition else ""), results)


def impostor_scores(measured: MeasuredSet, workers: int, *, within_sets: bool = True) -> np.ndarray:
    """Scores of every pair of different fingers of the same set (the folder part of the label), or of every
    pair of different fingers when not ``within_sets``."""
    from enrollment.matching.calibration.pair_scores import all_pair_scores

    labelled = list(zip(measured.labels, measured.templates, strict=True))
    groups: dict[str, list] = {}
    for label, template in labelled:
        groups.setdefault(label.rsplit("/", 1)[0] if within_sets else "", []).append((label, template))
    return np.concatenate([all_pair_scores(group, workers=workers)[1] for group in groups.values()])


def score_summary(impostor: np.ndarray) -> dict[str, float]:
    """Median, the empirical 1/1,000 and 1/10,000 thresholds and the highest impostor score."""
    from enrollment.matching.calibration.fit import empirical_threshold

    descending = np.sort(impostor)[::-1]
    return {"pairs": float(len(impostor)), "median": float(np.median(impostor)),
            "1/1000": empirical_threshold(descending, 1e-3), "1/10000": empirical_threshold(descending, 1e-4),
            "max": float(descending[0])}


def _spread(values: list[float]) -> str:
    v = np.asarray(values, dtype=np.float64)
    v = v[np.isfinite(v)]
    q = np.percentile(v, [10, 50, 90])
    return f"{q[1]:7.2f} [{q[0]:.2f}..{q[2]:.2f}] sd {v.std():.2f}"


def _shares(counts: list[int]) -> str:
    c = np.asarray(counts)
    return " ".join(f"{k}:{(c == k).mean():.2f}" for k in (0, 1, 2)) + f" 3+:{(c >= 3).mean():.2f}"


def _offsets(points: list[tuple[float, float]]) -> str:
    if not points:
        return "none"
    xy = np.asarray(points)
    return f"x {xy[:, 0].mean():+.0f} sd {xy[:, 0].std():.0f}, y {xy[:, 1].mean():+.0f} sd {xy[:, 1].std():.0f}"


def figure_lines(measured: MeasuredSet) -> list[tuple[str, str]]:
    """(figure, value) rows of one set's statistics."""
    s = measured.statistics
    cores = [c for x in s for c in x.cores]
    deltas = [d for x in s for d in x.deltas]
    directions = np.sum([x.minutia_directions for x in s], axis=0)
    orientations = np.mean([x.ridge_orientations for x in s], axis=0)
    rows = [
        ("impressions / fingers", f"{len(s)} / {len(set(measured.labels))}"),
        ("minutiae (capped at 50)", _spread([x.minutiae for x in s])),
        ("  share at the cap", f"{np.mean([x.minutiae >= 50 for x in s]):.2f}"),
        ("foreground px", _spread([x.foreground / 1000 for x in s]) + " (thousands)"),
        ("foreground height x width", f"{np.median([x.foreground_height for x in s]):.0f} x "
                                      f"{np.median([x.foreground_width for x in s]):.0f}"),
        ("minutiae / 10^4 fg px", _spread([x.density for x in s])),
        ("ridge period px", _spread([x.ridge_period for x in s])),
        ("bifurcation share", _spread([x.bifurcation_share for x in s])),
        ("cores per impression", _shares([len(x.cores) for x in s])),
        ("deltas per impression", _shares([len(x.deltas) for x in s])),
        ("core offset from fg centre", _offsets(cores)),
        ("delta offset from fg centre", f"|x| {np.mean([abs(d[0]) for d in deltas]):.0f}, y "
                                        f"{np.mean([d[1] for d in deltas]):+.0f}" if deltas else "none"),
        ("minutia directions (8 bins)", " ".join(f"{v:.3f}" for v in directions / directions.sum())),
        ("ridge orientations (8 bins)", " ".join(f"{v:.3f}" for v in orientations)),
    ]
    return rows


def report(sets: list[MeasuredSet], scores: list[np.ndarray], echo: Callable[[str], None] = print) -> None:
    """The figures of every set side by side, then the impostor score summary."""
    width = 28
    lines = [figure_lines(m) for m in sets]
    echo(f"{'':{width}} " + " | ".join(m.name for m in sets))
    for k, (figure, _) in enumerate(lines[0]):
        echo(f"{figure:{width}} " + " | ".join(rows[k][1] for rows in lines))
    for m, impostor in zip(sets, scores, strict=True):
        summary = score_summary(impostor)
        echo(f"impostors {m.name}: {int(summary['pairs'])} pairs, median {summary['median']:.4f}, "
             f"1/1000 {summary['1/1000']:.4f}, 1/10000 {summary['1/10000']:.4f}, max {summary['max']:.4f}")


def save(path: Path, measured: MeasuredSet, impostor: np.ndarray) -> None:
    """Per-impression figures and the impostor scores of one set, as a compressed ``.npz`` (atomically)."""
    import io

    from enrollment.atomic_files import write_bytes_atomically

    s = measured.statistics
    buffer = io.BytesIO()
    np.savez_compressed(
        buffer, labels=np.array(measured.labels), impostor=impostor,
        minutiae=np.array([x.minutiae for x in s]), foreground=np.array([x.foreground for x in s]),
        ridge_period=np.array([x.ridge_period for x in s]), cores=np.array([len(x.cores) for x in s]),
        deltas=np.array([len(x.deltas) for x in s]), bifurcation_share=np.array([x.bifurcation_share for x in s]))
    write_bytes_atomically(path, buffer.getvalue())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=900_000, help="synthetic population seed")
    parser.add_argument("--fingers", type=int, default=300, help="synthetic fingers (masters 0..N-1)")
    parser.add_argument("--impressions", type=int, default=2, help="impressions per synthetic finger")
    parser.add_argument("--condition", default=None, help="synthetic skin/contact condition (default: none)")
    parser.add_argument("--real", type=Path, nargs="*", default=[], help="folders of real images")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--save", type=Path, default=None, help="prefix for <prefix>-synthetic.npz, -real.npz")
    a = parser.parse_args(argv)
    sets = [measure_synthetic(a.seed, a.fingers, a.impressions, a.workers, a.condition)]
    if a.real:
        sets.append(measure_real(a.real, a.workers))
    scores = [impostor_scores(m, a.workers) for m in sets]
    report(sets, scores)
    if a.real and len(a.real) > 1:
        summary = score_summary(impostor_scores(sets[1], a.workers, within_sets=False))
        print(f"impostors {sets[1].name}, across sets too: {int(summary['pairs'])} pairs, median "
              f"{summary['median']:.4f}, 1/1000 {summary['1/1000']:.4f}, 1/10000 {summary['1/10000']:.4f}, "
              f"max {summary['max']:.4f}")
    if a.save is not None:
        for m, impostor, suffix in zip(sets, scores, ("synthetic", "real"), strict=False):
            save(a.save.with_name(f"{a.save.name}-{suffix}.npz"), m, impostor)
    return 0


if __name__ == "__main__":
    sys.exit(main())
