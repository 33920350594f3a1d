"""``zuil score-pairs``: score a list of image pairs with one engine, extracting each image once."""

from __future__ import annotations

from pathlib import Path

import click

from enrollment.commands.bench import default_engine, engine_names
from enrollment.commands.deferred import DeferredChoice, DeferredDefault
from enrollment.evaluation import parameters


@click.command("score-pairs")
@click.argument("pairs_csv", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Scores CSV to write (a,b,score; written atomically).")
@click.option("--engine", "engine_name", cls=DeferredDefault, default=default_engine, show_default=True,
              type=DeferredChoice(engine_names),
              help="Engine: zuil (ours), baseline (image-correlation yardstick) or nbis (NIST).")
@click.option("--workers", default=parameters.WORKERS, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes for extraction and scoring.")
@click.option("--quiet", is_flag=True, help="No progress bars.")
def score_pairs_command(pairs_csv: Path, out: Path, engine_name: str, workers: int, quiet: bool) -> None:
    """Score the image pairs of PAIRS_CSV (columns a,b: image paths relative to the CSV's folder).

    Each distinct image is decoded and extracted once; the scores (higher = more similar) are written as
    a,b,score in the input order. A pair with an image that yields no template gets an empty score.
    """
    from enrollment.evaluation.engines import get_engine
    from enrollment.evaluation.pairs_file import score_file

    engine = get_engine(engine_name)
    result = score_file(pairs_csv, out, engine, workers=workers, progress=not quiet)
    click.echo(f"{len(result.rows)} pairs scored by {engine.name} ({engine.description}); "
               f"{len(result.images)} distinct images, {len(result.prepared.failures)} failed to extract; wrote {out}")
    for index, reason in sorted(result.prepared.failures.items()):
        click.echo(f"  no template from {result.images[index]}: {reason}", err=True)
