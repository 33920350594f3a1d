"""Run ``zuil bench speed`` for a list of engines and lay its figures out as text."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from enrollment.evaluation import machine, parameters
from enrollment.evaluation.engines.base import TwoStageEngine
from enrollment.evaluation.population import Population, synthesize
from enrollment.evaluation.protocol import DatasetError
from enrollment.evaluation.speed import EngineSpeed, comparison_rate, one_core, searches_for, time_extraction
from enrollment.synthesis import synthesize_dataset


@dataclass(frozen=True)
class SpeedSettings:
    gallery_sizes: tuple[int, ...]
    rounds: int
    comparison_seconds: float
    searches: int
    loop_cap: int

    @classmethod
    def standard(cls, quick: bool, gallery_sizes: Sequence[int] | None = None) -> SpeedSettings:
        sizes = tuple(gallery_sizes or (parameters.QUICK_GALLERY_SIZES if quick else parameters.GALLERY_SIZES))
        if quick:
            return cls(sizes, parameters.QUICK_EXTRACTION_ROUNDS, parameters.QUICK_COMPARISON_SECONDS,
                       parameters.QUICK_SEARCHES, parameters.QUICK_LOOP_SEARCH_CAP)
        return cls(sizes, parameters.EXTRACTION_ROUNDS, parameters.COMPARISON_SECONDS, parameters.SEARCHES,
                   parameters.LOOP_SEARCH_CAP)


@dataclass(frozen=True)
class SpeedReport:
    engines: list[EngineSpeed]
    images: list[Path]
    population: Population
    pinning: str
    settings: SpeedSettings


def run(engines: Sequence[TwoStageEngine], images: Sequence[Path], settings: SpeedSettings,
        progress: bool = True) -> SpeedReport:
    population = synthesize(max(settings.gallery_sizes), progress=progress)
    results = []
    with one_core() as pinning:
        extractions = time_extraction(engines, images, settings.rounds, progress)
        for engine, (extraction, prepared) in zip(engines, extractions, strict=True):
            result = EngineSpeed(engine.name, engine.description, extraction)
            result.comparisons_per_second = comparison_rate(engine, prepared, settings.comparison_seconds)
            result.searches, result.notes = searches_for(
                engine, population, settings.gallery_sizes, cap=settings.loop_cap, searches=settings.searches,
                seed=parameters.SPEED_SEED, rate=result.comparisons_per_second, progress=progress,
            )
            result.peak_rss_mib = machine.peak_rss_mib()
            results.append(result)
    return SpeedReport(results, list(images), population, pinning, settings)


def sample_dir() -> Path:
    """The public sample folder in the nearest ancestor of this source tree that has one (or a path that doesn't
    exist)."""
    for ancestor in Path(__file__).resolve().parents:
        candidate = ancestor / parameters.SAMPLE_IMAGE_SUBDIR
        if candidate.is_dir():
            return candidate
    return Path(parameters.SAMPLE_IMAGE_SUBDIR)


def images_for_timing(folder: Path | None, limit: int, scratch: Path) -> list[Path]:
    """The images to time: up to ``limit`` from ``folder``, else the public samples (when found) plus synthetic
    impressions from ``enrollment.synthesis``, written to ``scratch``."""
    if folder is not None:
        if not folder.is_dir():
            raise DatasetError(f"image folder {folder} does not exist")
        found = sorted(p for p in folder.iterdir() if p.suffix.lower() in parameters.IMAGE_EXTENSIONS)
        if len(found) < 2:
            raise DatasetError(f"{folder} holds fewer than two images ({', '.join(parameters.IMAGE_EXTENSIONS)})")
        return found[:limit]
    found = [p for p in (sample_dir() / n for n in parameters.SAMPLE_IMAGE_NAMES) if p.is_file()]
    fingers, impressions = parameters.SPEED_SYNTHETIC
    for impression in synthesize_dataset(fingers, impressions, parameters.SPEED_SEED):
        path = scratch / f"synthetic_{impression.finger + 1}_{impression.impression + 1}.png"
        Image.fromarray(impression.image).save(path, dpi=(500, 500))
        found.append(path)
    return found[:limit]


def _num(value: float | None, digits: int = 1) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return f"{value:,.{digits}f}"


def table(report: SpeedReport) -> list[str]:
    rows: list[tuple[str, list[str]]] = []
    es = report.engines
    rows.append(("extraction ms/img, median", [_num(e.extraction.median_ms) if e.extraction else "-" for e in es]))
    rows.append(("extraction ms/img, p95", [_num(e.extraction.p95_ms) if e.extraction else "-" for e in es]))
    rows.append((f"extraction time / {es[0].name}'s, median", [_num(e.extraction.paired_ratio, 2)
                                                             if e.extraction else "-" for e in es]))
    rows.append(("failures to extract", [f"{e.extraction.failures} of {e.extraction.images}" if e.extraction else "-"
                                         for e in es]))
    rows.append(("1:1 comparisons/s (1 core)", [_num(e.comparisons_per_second, 0) for e in es]))
    for size in report.settings.gallery_sizes:
        cells, builds, memory = [], [], []
        for e in es:
            search = next((s for s in e.searches if s.gallery_fingers == size), None)
            if search is None:
                cells.append("-")
                builds.append("-")
                memory.append("-")
                continue
            mark = "" if search.how in ("index", "loop") else " *"
            cells.append(f"{_num(search.median_ms)}{mark}")
            builds.append(_num(search.build_seconds, 2) if search.build_seconds is not None else "-")
            memory.append(_num(search.index_mib, 0) if search.index_mib is not None else "-")
        rows.append((f"1:N {size:,} fingers: ms/search", cells))
        rows.append((f"1:N {size:,}: index build s", builds))
        rows.append((f"1:N {size:,}: index MiB (RSS growth)", memory))
    rows.append(("peak RSS MiB after engine", [_num(e.peak_rss_mib, 0) for e in es]))
    header = ("", [e.name for e in es])
    width0 = max(len(label) for label, _ in [header, *rows])
    widths = [max(len(header[1][c]), *(len(cells[c]) for _, cells in rows)) for c in range(len(es))]
    lines = ["  ".join([label.ljust(width0), *(c.rjust(w) for c, w in zip(cells, widths, strict=True))])
             for label, cells in [header, *rows]]
    lines.insert(1, "-" * len(lines[0]))
    for e in es:
        for search in e.searches:
            if search.how not in ("index", "loop"):
                lines.append(f"* {e.name}, {search.gallery_fingers:,} fingers: {search.how}")
            if search.hits is not None:
                among = " (among the fingers actually compared)" if "extrapolated" in search.how else ""
                lines.append(f"  {e.name}, {search.gallery_fingers:,} fingers: mated subject ranked first in "
                             f"{search.hits} of {search.searches} searches{among}")
        lines.extend(f"note ({e.name}): {note}" for note in e.notes)
    return lines


def method(report: SpeedReport) -> list[str]:
    s = report.settings
    return [
        f"timing: one process, {report.pinning}; perf_counter wall clock.",
        f"extraction: decode + extract + load of {len(report.images)} images x {s.rounds} round(s), engines "
        f"interleaved (turns on each image, order rotating image to image): "
        f"{', '.join(p.name for p in report.images[:6])}{' ...' if len(report.images) > 6 else ''}",
        f"extraction time / {report.engines[0].name}'s: median over images of the per-image time ratio.",
        f"1:1: all ordered pairs of the extracted images, cycled for {s.comparison_seconds:g} s.",
        f"1:N: gallery = N/2 synthetic subjects x fingers {parameters.PROBE_POSITIONS} (ISO codes); a mated "
        f"2-finger probe; median of {s.searches} searches; minutiae from {report.population.source}.",
        f"1:N without an index: a loop of 1:1 comparisons over at most {s.loop_cap:,} fingers, extrapolated "
        f"linearly beyond (marked *).",
        "memory: index = growth of the resident set while it is built (population already loaded); peak RSS =",
        "  getrusage ru_maxrss of the whole process, a running high-water mark (includes the 100k population).",
    ]
