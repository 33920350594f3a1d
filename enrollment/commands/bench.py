"""``zuil bench accuracy`` and ``zuil bench speed``: the figures every claim about the engine rests on."""

from __future__ import annotations

from pathlib import Path

import click

from enrollment.evaluation import accuracy, machine, parameters
from enrollment.evaluation.engines import AUTO, ENGINES, get_engine
from enrollment.evaluation.protocol import load_dataset

_ENGINE_HELP = "Engine under test: zuil, baseline or nbis; auto = zuil if present, else the baseline."


@click.group("bench")
def bench() -> None:
    """Benchmarks of the fingerprint engine: accuracy (EER, FNMR at FMR) and speed. They report, never fail."""


@bench.command("accuracy")
@click.option("--dataset", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder of <finger>_<impression>.<ext> images (FVC-style) or a synthetic set with manifest.json.")
@click.option("--engine", "engine_name", default=AUTO, show_default=True, type=click.Choice([AUTO, *ENGINES]),
              help=_ENGINE_HELP)
@click.option("--compare", "compare", multiple=True, type=click.Choice(list(ENGINES)),
              help="Another engine to run on the same pairs in the same run (e.g. nbis); repeatable.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder for scores CSVs, det.png and histograms.png. Default: bench-accuracy-<dataset> here.")
@click.option("--limit", type=click.IntRange(2, None), default=None,
              help="Use only the first N fingers (a quick run).")
@click.option("--workers", default=parameters.WORKERS, show_default=True, type=click.IntRange(1, 64))
@click.option("--quiet", is_flag=True, help="No progress bars.")
def accuracy_command(dataset: Path, engine_name: str, compare: tuple[str, ...], out_dir: Path | None,
                     limit: int | None, workers: int, quiet: bool) -> None:
    """EER and FNMR at FMR 1/100, 1/1,000, 1/10,000 and 0 on the all-pairs protocol of DATASET."""
    data = load_dataset(dataset)
    engines = [get_engine(engine_name)]
    engines += [get_engine(name) for name in compare if name != engines[0].name]
    out = out_dir or Path(f"bench-accuracy-{data.root.name}")
    click.echo(f"dataset: {data.root} ({len(data.samples)} images, {data.finger_count} fingers"
               f"{', synthetic' if data.synthetic else ''}{f', limited to {limit} fingers' if limit else ''})")
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
    click.echo("machine:")
    for line in machine.describe():
        click.echo(f"  {line}")
    click.echo("method:")
    for line in method:
        click.echo(f"  {line}")
