"""``zuil bench accuracy`` and ``zuil bench speed``: the figures every claim about the engine rests on."""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import click

from enrollment.commands.deferred import DeferredChoice, DeferredDefault
from enrollment.evaluation import parameters

if TYPE_CHECKING:
    from enrollment.evaluation.engines import TwoStageEngine

_ENGINE_HELP = "Engine under test: zuil (ours), baseline (image-correlation yardstick) or nbis (NIST)."


def engine_names() -> list[str]:
    from enrollment.evaluation.engines import ENGINES

    return list(ENGINES)


def default_engine() -> str:
    from enrollment.evaluation.engines import DEFAULT_ENGINE

    return DEFAULT_ENGINE


def _engines(names: list[str]) -> list[TwoStageEngine]:
    """The engines called ``names`` in that order, each once."""
    from enrollment.evaluation.engines import get_engine

    return [get_engine(name) for name in dict.fromkeys(names)]


@click.group("bench")
def bench() -> None:
    """Benchmarks of the fingerprint engine: accuracy (EER, FNMR at FMR) and speed. They report, never fail."""


@bench.command("accuracy")
@click.option("--dataset", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder of <finger>_<impression>.<ext> images (FVC-style) or a synthetic set with manifest.json.")
@click.option("--engine", "engine_name", cls=DeferredDefault, default=default_engine, show_default=True,
              type=DeferredChoice(engine_names), help=_ENGINE_HELP)
@click.option("--compare", "compare", multiple=True, type=DeferredChoice(engine_names),
              help="Another engine to run on the same pairs in the same run (e.g. nbis); repeatable.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder for scores CSVs, det.png and histograms.png. Default: bench-accuracy-<dataset> here.")
@click.option("--limit", type=click.IntRange(2, None), default=None,
              help="Use only the first N fingers (a quick run).")
@click.option("--dpi", type=click.IntRange(100, 2000), default=None,
              help="Resolution of every image, overriding the files and the manifest (FVC2002 DB2 is 569 dpi).")
@click.option("--workers", default=parameters.WORKERS, show_default=True, type=click.IntRange(1, 64))
@click.option("--quiet", is_flag=True, help="No progress bars.")
def accuracy_command(dataset: Path, engine_name: str, compare: tuple[str, ...], out_dir: Path | None,
                     limit: int | None, dpi: int | None, workers: int, quiet: bool) -> None:
    """EER and FNMR at FMR 1/100, 1/1,000, 1/10,000 and 0 on the all-pairs protocol of DATASET."""
    from enrollment.evaluation import accuracy
    from enrollment.evaluation.protocol import load_dataset

    data = load_dataset(dataset)
    if dpi is not None:
        data = dataclasses.replace(data, dpi=dpi)
    engines = _engines([engine_name, *compare])
    out = out_dir or Path(f"bench-accuracy-{data.root.name}")
    click.echo(f"dataset: {data.root} ({len(data.samples)} images, {data.finger_count} fingers"
               f"{', synthetic' if data.synthetic else ''}{f', limited to {limit} fingers' if limit else ''}"
               f"{f', {data.dpi} dpi' if data.dpi else ', resolution from each file (500 if unstated)'})")
    for engine in engines:
        click.echo(f"engine {engine.name}: {engine.description}")
    report = accuracy.run(data, engines, limit=limit, workers=workers, progress=not quiet)
    click.echo("")
    for line in accuracy.table(report):
        click.echo(line)
    click.echo("")
    _describe(accuracy.method())
    written = accuracy.write_outputs(report, out)
    click.echo("wrote: " + ", ".join(str(p) for p in written))


def _describe(method: list[str]) -> None:
    from enrollment.evaluation import machine

    click.echo("machine:")
    for line in machine.describe():
        click.echo(f"  {line}")
    click.echo("method:")
    for line in method:
        click.echo(f"  {line}")


def parse_sizes(text: str, minimum: int, meaning: str) -> tuple[int, ...]:
    """``--gallery-sizes`` of the benches: comma-separated whole numbers (``_`` allowed), each ``minimum`` or more;
    ``meaning`` says what a size counts, for the message."""
    try:
        sizes = tuple(int(part.replace("_", "")) for part in text.split(",") if part.strip())
    except ValueError as exc:
        raise click.BadParameter(f"{text!r} is not a comma-separated list of numbers") from exc
    if not sizes or min(sizes) < minimum:
        raise click.BadParameter(f"gallery sizes are {meaning}, {minimum} or more")
    return sizes


def _sizes(text: str | None) -> tuple[int, ...] | None:
    return parse_sizes(text, 2, "numbers of fingers") if text else None


@bench.command("speed")
@click.option("--engine", "engine_name", cls=DeferredDefault, default=default_engine, show_default=True,
              type=DeferredChoice(engine_names), help=_ENGINE_HELP)
@click.option("--compare", "compare", multiple=True, type=DeferredChoice(engine_names),
              help="Another engine to time in the same run (e.g. nbis); repeatable.")
@click.option("--gallery-sizes", "gallery_sizes", default=None,
              help="Comma-separated 1:N gallery sizes in fingers. Default 1000,10000,100000 (200,1000 with --quick).")
@click.option("--images", "images", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of images to time extraction on. Default: the public sample images plus synthetic "
                   "impressions.")
@click.option("--max-images", default=parameters.SPEED_IMAGES, show_default=True, type=click.IntRange(2, None),
              help="At most this many images from --images.")
@click.option("--quick", is_flag=True, help="Fewer rounds, shorter timings and small galleries (a smoke run).")
@click.option("--quiet", is_flag=True, help="No progress bars.")
def speed_command(engine_name: str, compare: tuple[str, ...], gallery_sizes: str | None, images: Path | None,
                  max_images: int, quick: bool, quiet: bool) -> None:
    """Extraction ms per image, 1:1 comparisons per second and 1:N search latency, on one core."""
    from enrollment.evaluation import speed_report

    engines = _engines([engine_name, *compare])
    settings = speed_report.SpeedSettings.standard(quick, _sizes(gallery_sizes))
    for engine in engines:
        click.echo(f"engine {engine.name}: {engine.description}")
    with tempfile.TemporaryDirectory(prefix="zuil-bench-speed-") as scratch:
        timed = speed_report.images_for_timing(images, max_images, Path(scratch))
        report = speed_report.run(engines, timed, settings, progress=not quiet)
    click.echo("")
    for line in speed_report.table(report):
        click.echo(line)
    click.echo("")
    _describe(speed_report.method(report))
