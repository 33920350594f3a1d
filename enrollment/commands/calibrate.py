"""``zuil calibrate``: derive the matcher's FMR thresholds from real (or synthetic) impostor scores, and check them."""

from __future__ import annotations

from pathlib import Path

import click

from enrollment.commands import current_settings
from enrollment.commands.deferred import DeferredDefault


def _default_seed() -> int:
    from enrollment.matching.calibration.run import DEFAULT_SEED

    return DEFAULT_SEED


def _default_cache() -> Path:
    from enrollment.matching.calibration.run import cache_folder

    return cache_folder(current_settings().data_dir)


@click.command("calibrate")
@click.option("--fit-on", type=click.Choice(["real", "synthetic"]), default="real", show_default=True,
              help="The impostors fitted on: every pair of different fingers within one set of the sets under "
                   "--fvc (what ships), or a synthetic population.")
@click.option("--fvc", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Folder of sets (one folder of <finger>_<impression> images per sensor, e.g. <DIR> holding "
                   "FVC2002 DB1_B .. DB4_B): fitted on with --fit-on real; a held-out check with --fit-on synthetic.")
@click.option("--fingers", default=None, type=click.IntRange(0, None),
              help="Synthetic fingers (masters 0..N-1 of the population): fitted on with --fit-on synthetic "
                   "(default 1000), a check of the real fit otherwise (default: none).")
@click.option("--impressions", default=2, show_default=True, type=click.IntRange(1, 16),
              help="Impressions rendered per finger (pairs of the same finger are the genuine sanity set).")
@click.option("--seed", cls=DeferredDefault, default=_default_seed, show_default=True, type=click.IntRange(0, None),
              help="Synthetic population seed (keep it apart from the seeds the tests use).")
@click.option("--cache", type=click.Path(file_okay=False, path_type=Path), default=_default_cache,
              show_default="<data dir>/calibration-cache",  # the folder name is calibration.run.CACHE_FOLDER (tested)
              help="Folder (outside the repo) caching the extracted templates per seed and per version of the "
                   "generator and extractor source.")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64))
@click.option("--write", is_flag=True, help="Rewrite the calibration block of enrollment/matching/parameters.py "
              "and the run's report (enrollment/matching/calibration/RESULTS.md).")
@click.option("--verify", is_flag=True, help="Exit 2 unless the run reproduces the block in parameters.py exactly.")
@click.option("--quiet", is_flag=True, help="No progress bars.")
def calibrate_command(fit_on: str, fvc: Path | None, fingers: int | None, impressions: int, seed: int, cache: Path,
                      workers: int, write: bool, verify: bool, quiet: bool) -> None:
    """Fit FMR_1_IN_1000 / 1_IN_10000 / 1_IN_100000 and the score->FMR curve on impostor scores.

    Extracts every image of the sets under --fvc with the real extractor (or renders and extracts FINGERS x
    IMPRESSIONS synthetic images), scores every pair, fits the impostor tail (empirical quantiles, generalised
    Pareto beyond), reports the observed FMR at the thresholds on the checks and prints the parameters block.
    """
    from enrollment.matching.calibration.run import run

    try:
        run(fit_on=fit_on, fingers=fingers, impressions=impressions, seed=seed, cache=cache, fvc=fvc, workers=workers,
            write=write, verify=verify, progress=not quiet, echo=click.echo)
    except ValueError as exc:  # too few impostor pairs, or a degenerate score set
        raise click.ClickException(str(exc)) from exc
