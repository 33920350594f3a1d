"""``zuil bench accuracy``: every engine on the same all-pairs protocol, one table, DET + histograms + CSVs."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from enrollment.evaluation import parameters, plots
from enrollment.evaluation.engines.base import TwoStageEngine
from enrollment.evaluation.metrics import ErrorCurve, Summary, error_curve, rates_at, summarise
from enrollment.evaluation.pairs_file import format_score, write_atomically
from enrollment.evaluation.protocol import Dataset, Pair, all_pairs
from enrollment.evaluation.scoring import prepare_images, score_pairs


@dataclass(frozen=True)
class EngineResult:
    name: str
    description: str
    scores: np.ndarray  # one per pair, in protocol order
    curve: ErrorCurve
    summary: Summary
    failures: dict[int, str]  # sample index -> reason
    named: dict[str, tuple[float, float, float]]  # shipped threshold name -> (threshold, FMR, FNMR) here
    images: int
    median_extract_ms: float


@dataclass(frozen=True)
class AccuracyReport:
    dataset: Dataset
    pairs: list[Pair]
    results: list[EngineResult]


def run(
    dataset: Dataset,
    engines: Sequence[TwoStageEngine],
    *,
    limit: int | None = None,
    workers: int = parameters.WORKERS,
    progress: bool = True,
) -> AccuracyReport:
    """Score every protocol pair with every engine, extracting each image once per engine."""
    pairs = all_pairs(dataset, limit)
    used = sorted({p.a for p in pairs} | {p.b for p in pairs})
    position = {sample: k for k, sample in enumerate(used)}
    paths = [dataset.samples[i].path for i in used]
    genuine = np.array([p.genuine for p in pairs], dtype=bool)
    results = []
    for engine in engines:
        prepared = prepare_images(engine, paths, dataset.dpi, workers=workers, progress=progress)
        index_pairs = [(position[p.a], position[p.b]) for p in pairs]
        scores = np.asarray(score_pairs(engine, prepared.items, index_pairs, workers=workers, progress=progress))
        curve = error_curve(scores[genuine], scores[~genuine])
        results.append(
            EngineResult(
                name=engine.name,
                description=engine.description,
                scores=scores,
                curve=curve,
                summary=summarise(scores[genuine], scores[~genuine], parameters.FMR_TARGETS),
                failures={used[k]: reason for k, reason in prepared.failures.items()},
                images=len(paths),
                median_extract_ms=float(np.median(prepared.extract_seconds)) * 1000 if paths else math.nan,
                named={name: (t, *rates_at(scores[genuine], scores[~genuine], t))
                       for name, t in engine.named_thresholds().items()},
            )
        )
    return AccuracyReport(dataset, pairs, results)


def _fraction(target: float) -> str:
    return "0" if target == 0 else f"1/{round(1 / target):,}"


def _percent(rate: float) -> str:
    return f"{rate * 100:.2f}%"


def _threshold(value: float) -> str:
    return f"t={value:.4g}" if math.isfinite(value) else "t=inf (reject all)"


def table(report: AccuracyReport) -> list[str]:
    """The side-by-side table of every engine's figures, plus footnotes on resolution and failures."""
    rows: list[tuple[str, list[str]]] = []
    results = report.results
    first = results[0].summary
    rows.append(("pairs genuine / impostor", [f"{r.summary.genuine_count:,} / {r.summary.impostor_count:,}"
                                              for r in results]))
    rows.append(("failures to extract", [f"{len(r.failures)} of {r.images} images" for r in results]))
    rows.append(("EER", [f"{_percent(r.summary.eer.eer)} ({_threshold(r.summary.eer.threshold)})" for r in results]))
    for k, target in enumerate(parameters.FMR_TARGETS):
        rows.append((f"FNMR @ FMR {_fraction(target)}", [
            f"{_percent(r.summary.points[k].fnmr)} ({_threshold(r.summary.points[k].threshold)}, "
            f"FMR {_percent(r.summary.points[k].fmr)})" for r in results]))
    rows.append(("FNMR @ FMR 0", [f"{_percent(r.summary.zero_fmr.fnmr)} ({_threshold(r.summary.zero_fmr.threshold)})"
                                  for r in results]))
    rows.append(("median extraction ms/img", [f"{r.median_extract_ms:.1f}" for r in results]))
    header = ("", [f"{r.name}" for r in results])
    width0 = max(len(label) for label, _ in [header, *rows])
    widths = [max(len(header[1][c]), *(len(cells[c]) for _, cells in rows)) for c in range(len(results))]
    lines = []
    for label, cells in [header, *rows]:
        lines.append("  ".join([label.ljust(width0), *(cell.ljust(w) for cell, w in zip(cells, widths, strict=True))]))
    lines.insert(1, "-" * len(lines[0]))
    resolution = 1 / first.impostor_count
    for target in parameters.FMR_TARGETS:
        if target < resolution:
            lines.append(f"note: FMR {_fraction(target)} is finer than this set resolves ({first.impostor_count:,} "
                         f"impostor pairs): it is met only at FMR 0, so that row equals the FMR 0 row.")
    for r in results:
        for name, (threshold, fmr, fnmr) in r.named.items():
            lines.append(f"{r.name} at its shipped {name} ({_threshold(threshold)}): FMR {_percent(fmr)}, "
                         f"FNMR {_percent(fnmr)} on this set")
    for r in results:
        if r.failures:
            lines.append(f"note: {r.name} failed to extract {len(r.failures)} image(s); their pairs count as "
                         f"non-matches. First: {_first_failure(report, r)}")
    return lines


def _first_failure(report: AccuracyReport, result: EngineResult) -> str:
    index = min(result.failures)
    return f"{report.dataset.samples[index].path.name}: {result.failures[index]}"


def method() -> list[str]:
    return [
        "protocol: all pairs; genuine = every pair of impressions i<j of one finger; impostor = every pair of",
        "  images of different fingers; each image extracted once per engine; a failed extraction scores -inf.",
        "metrics: accept when score >= t; FMR(t) = impostors >= t; FNMR(t) = genuine < t; the threshold for a",
        "  target FMR is the smallest t with FMR(t) <= target (ties with t count as matches); EER at the linearly",
        "  interpolated crossing of the FMR and FNMR curves.",
        f"execution: {parameters.WORKERS} worker processes for extraction and scoring, results in protocol order.",
    ]


def write_outputs(report: AccuracyReport, out_dir: Path) -> list[Path]:
    """Scores CSV per engine, the DET curve and the histograms; returns the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    samples = report.dataset.samples
    written = []
    for r in report.results:
        path = out_dir / f"scores-{r.name}.csv"
        rows = [("a", "b", "genuine", "score")]
        rows += [(samples[p.a].path.name, samples[p.b].path.name, "1" if p.genuine else "0", format_score(s))
                 for p, s in zip(report.pairs, r.scores, strict=True)]
        write_atomically(path, rows)
        written.append(path)
    name = report.dataset.root.name
    det = out_dir / "det.png"
    plots.det_plot([(r.name, r.curve) for r in report.results], det, f"DET, {name}")
    genuine = np.array([p.genuine for p in report.pairs], dtype=bool)
    hist = out_dir / "histograms.png"
    plots.histograms([(r.name, r.scores[genuine], r.scores[~genuine]) for r in report.results], hist,
                     f"score distributions, {name}")
    return [*written, det, hist]
