"""``zuil score-pairs``: score a list of image pairs with one engine, extracting each image once."""

from __future__ import annotations

from pathlib import Path

import click

from enrollment.evaluation import parameters
from enrollment.evaluation.engines import DEFAULT_ENGINE, ENGINES, get_engine
from enrollment.evaluation.pairs_file import score_file


@click.command("score-pairs")
@click.argument("pairs_csv", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Scores CSV to write (a,b,score; written atomically).")
@click.option("--engine", "engine_name", default=DEFAULT_ENGINE, show_default=True,
              type=click.Choice(list(ENGINES)),
              help="Engine: zuil (ours), baseline (image-correlation yardstick) or nbis (NIST).")
@click.option("--workers", default=parameters.WORKERS, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes for extraction and scoring.")
@click.option("--quiet", is_flag=True, help="No progress bars.")
def score_pairs_command(pairs_csv: Path, out: Path, engine_name: str, workers: int, quiet: bool) -> None:
    """Score the image pairs of PAIRS_CSV (columns a,b: image paths relative to the CSV's folder).

    Each distinct image is decoded and extracted once; the scores (higher = more similar) are written as
    a,b,score in the input order. A pair with an image that yields no template gets an empty score.
    """
    engine = get_engine(engine_name)
    result = score_file(pairs_csv, out, engine, workers=workers, progress=not quiet)
    click.echo(f"{len(result.rows)} pairs scored by {engine.name} ({engine.description}); "
               f"{len(result.images)} distinct images, {len(result.prepared.failures)} failed to extract; wrote {out}")
    for index, reason in sorted(result.prepared.failures.items()):
        click.echo(f"  no template from {result.images[index]}: {reason}", err=True)
