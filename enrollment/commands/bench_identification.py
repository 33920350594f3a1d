"""``zuil bench identification``: FNIR, FPIR and the mate's rank of the kiosk's 1:N search, per gallery size."""

from __future__ import annotations

from pathlib import Path

import click

from enrollment.commands.bench import _describe, parse_sizes
from enrollment.evaluation import parameters


def _persons(text: str | None) -> tuple[int, ...]:
    if not text:
        return parameters.IDENTIFICATION_GALLERY_SIZES
    return parse_sizes(text, 0, "numbers of background persons")


def _impressions(text: str | None) -> tuple[int, ...]:
    if not text:
        from enrollment.matching.parameters import IMPRESSIONS_PER_FINGER  # the matcher loads numba: not at import

        return (IMPRESSIONS_PER_FINGER,)
    try:
        numbers = tuple(sorted({int(part) for part in text.split(",") if part.strip()}))
    except ValueError as exc:
        raise click.BadParameter(f"{text!r} is not a comma-separated list of numbers",
                                 param_hint="--enrolled-impressions") from exc
    if not numbers or not 1 <= min(numbers) <= max(numbers) <= parameters.MAX_ENROLLED_IMPRESSIONS:
        raise click.BadParameter(f"impressions per finger are 1..{parameters.MAX_ENROLLED_IMPRESSIONS}",
                                 param_hint="--enrolled-impressions")
    return numbers


@click.command("identification")
@click.option("--fvc", "fvc", type=click.Path(file_okay=False, exists=True, path_type=Path), default=None,
              help="Folder holding FVC2002 DB1_B..DB4_B (paired into two-finger persons). Without it: synthetic "
                   "persons only (not accuracy figures).")
@click.option("--gallery-sizes", "gallery_sizes", default=None,
              help="Comma-separated background sizes in synthetic persons. Default 1000,10000 (e.g. add 100000).")
@click.option("--enrolled-impressions", "enrolled", default=None,
              help="Comma-separated numbers K of impressions enrolled per finger (impressions 1..K), compared on "
                   "the same searches (the impressions after the largest K). Default: the kiosk's "
                   "IMPRESSIONS_PER_FINGER (enrollment/matching/parameters.py).")
@click.option("--nonmated", default=parameters.NONMATED_SYNTHETIC, show_default=True, type=click.IntRange(0, None),
              help="Synthetic non-mated searches, besides the real leave-one-out ones.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder for searches.csv and fnir-fpir.png. Default: bench-identification here.")
@click.option("--workers", default=parameters.WORKERS, show_default=True, type=click.IntRange(1, 64),
              help="Processes extracting the FVC images.")
@click.option("--quiet", is_flag=True, help="No progress bars.")
def identification_command(fvc: Path | None, gallery_sizes: str | None, enrolled: str | None, nonmated: int,
                           out_dir: Path | None, workers: int, quiet: bool) -> None:
    """FNIR at the kiosk's threshold, FPIR and mate ranks of two-finger searches in background galleries."""
    from enrollment.evaluation import identification

    sizes = _persons(gallery_sizes)
    impressions = _impressions(enrolled)
    if fvc is None:
        click.echo("no --fvc: synthetic persons only; these figures check the machinery, they are not accuracy")
        cohorts = [identification.synthetic_cohort(impressions=k) for k in impressions]
    else:
        cohorts = identification.fvc_cohorts(fvc, impressions, workers=workers, progress=not quiet)
    for cohort in cohorts:
        click.echo(f"mated persons: {len(cohort.persons)} ({cohort.source}), {cohort.mated_searches} mated searches")
    results = identification.run(cohorts, sizes, nonmated, progress=not quiet)
    click.echo("")
    for line in identification.table(results):
        click.echo(line)
    click.echo("")
    for line in identification.comparison(results):
        click.echo(line)
    click.echo("")
    last = cohorts[-1]  # the method as for the largest K (the comparison's other rows differ only in what is enrolled)
    _describe(identification.method(last, [r for r in results if r.impressions == last.impressions]))
    title = "1:N, two fingers: " + ("FVC2002 B persons" if cohort.real else "synthetic persons only")
    written = identification.write_outputs(results, out_dir or Path("bench-identification"), title)
    click.echo("wrote: " + ", ".join(str(p) for p in written))
