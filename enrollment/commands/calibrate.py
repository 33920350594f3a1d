"""``zuil calibrate``: derive the matcher's FMR thresholds from a large synthetic impostor set, check them held-out."""

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
@click.option("--fingers", default=1000, show_default=True, type=click.IntRange(80, None),
              help="Synthetic fingers (masters 0..N-1 of the population); all pairs of different fingers are scored.")
@click.option("--impressions", default=2, show_default=True, type=click.IntRange(1, 16),
              help="Impressions rendered per finger (pairs of the same finger are the genuine sanity set).")
@click.option("--seed", cls=DeferredDefault, default=_default_seed, show_default=True, type=click.IntRange(0, None),
              help="Synthetic population seed (keep it apart from the seeds the tests use).")
@click.option("--cache", type=click.Path(file_okay=False, path_type=Path), default=_default_cache,
              show_default="<data dir>/calibration-cache",  # the folder name is calibration.run.CACHE_FOLDER (tested)
              help="Folder (outside the repo) caching the extracted templates per seed and per version of the "
                   "generator and extractor source.")
@click.option("--fvc", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Held-out check: folder of folders of <finger>_<impression> templates or images (e.g. "
                   "<DIR> holding DB1_B .. DB4_B); only reported, never fitted on.")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64))
@click.option("--write", is_flag=True, help="Rewrite the calibration block of enrollment/matching/parameters.py.")
@click.option("--quiet", is_flag=True, help="No progress bars.")
def calibrate_command(fingers: int, impressions: int, seed: int, cache: Path, fvc: Path | None, workers: int,
                      write: bool, quiet: bool) -> None:
    """Fit FMR_1_IN_1000 / 1_IN_10000 / 1_IN_100000 and the score->FMR curve on synthetic impostors.

    Renders and extracts FINGERS x IMPRESSIONS synthetic images through the real extractor, scores every
    pair, fits the impostor tail (empirical quantiles, generalised Pareto beyond) and prints the parameters
    block; --fvc reports the observed FMR/FNMR at the fitted thresholds on real prints.
    """
    from enrollment.matching.calibration.run import run

    try:
        run(fingers=fingers, impressions=impressions, seed=seed, cache=cache, fvc=fvc, workers=workers, write=write,
            progress=not quiet, echo=click.echo)
    except ValueError as exc:  # too few impostor pairs, or a degenerate score set
        raise click.ClickException(str(exc)) from exc
