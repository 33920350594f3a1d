"""``zuil match`` (1:1) and ``zuil identify`` (1:N) for fingerprint images and template files."""

from __future__ import annotations

import re
from pathlib import Path

import click

from enrollment.commands.deferred import DeferredDefault

_NAMED = re.compile(r"^(?P<subject>.+)_(?P<position>\d{1,2})$")


def _identify_fmr() -> float:
    from enrollment.matching import parameters as p

    return p.IDENTIFY_FMR_PER_SEARCH


def fmr_band(score: float) -> str:
    """The named false-match-rate band a 1:1 score falls in."""
    from enrollment.matching import parameters as p

    if score >= p.FMR_1_IN_100000:
        return "FMR below 1/100,000"
    if score >= p.FMR_1_IN_10000:
        return "FMR between 1/100,000 and 1/10,000"
    if score >= p.FMR_1_IN_1000:
        return "FMR between 1/10,000 and 1/1,000"
    return "FMR above 1/1,000 (no match)"


def _position_of(path: Path) -> int:
    named = _NAMED.match(path.stem)
    return int(named.group("position")) if named and int(named.group("position")) <= 10 else 0


@click.command("match")
@click.argument("a", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("b", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dpi", type=int, default=None, help="Resolution of image inputs whose file doesn't state it.")
def match_command(a: Path, b: Path, dpi: int | None) -> None:
    """Compare two fingerprints A and B and print the score and its false-match-rate band.

    A and B are images (PNG, BMP, JPEG, TIFF, WSQ; minutiae are extracted), ISO/IEC 19794-2 records or native
    template files. The score lies in [0, 1]; the bands come from the calibrated thresholds FMR_1_IN_1000,
    FMR_1_IN_10000 and FMR_1_IN_100000 (see enrollment/matching/parameters.py).
    """
    from enrollment.matching.fmr_curve import fmr_of
    from enrollment.matching.matcher import match
    from enrollment.matching.sources import load_template

    score = match(load_template(a, dpi=dpi), load_template(b, dpi=dpi))
    fmr = fmr_of(score)
    estimate = f"{fmr:.2g}" if fmr >= 1e-6 else "below 1e-06 (past the calibrated range)"
    click.echo(f"score {score:.4f}  estimated FMR {estimate}  ({fmr_band(score)})")


def _gallery_files(directory: Path) -> list[Path]:
    """Every visible regular file: images by their suffix, templates by their magic bytes (see sources)."""
    return sorted(f for f in directory.iterdir() if f.is_file() and not f.name.startswith("."))


@click.command("identify")
@click.argument("probe", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--gallery", "gallery_dir", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Directory of <subject>_<position>.<ext> images or templates (position: ISO code 0-10).")
@click.option("--limit", type=int, default=10, show_default=True, help="Candidates to list at most.")
@click.option("--fmr", cls=DeferredDefault, type=float, default=_identify_fmr, show_default=True,
              help="False-match rate per search that sets the hit threshold.")
@click.option("--dpi", type=int, default=None, help="Resolution of image inputs whose file doesn't state it.")
def identify_command(probe: tuple[Path, ...], gallery_dir: Path, limit: int, fmr: float, dpi: int | None) -> None:
    """Search the fingers PROBE... (one file per finger) against a gallery; list ranked candidates.

    A probe file named <anything>_<position>.<ext> is taken as that ISO finger position (1 right thumb ..
    10 left little), otherwise as unknown (0, compared with every finger). Candidates at or above the
    threshold for the per-search FMR (fused score >= log10(gallery persons / FMR)) are marked HIT.

    For now the gallery is a plain directory of files; the encrypted gallery store replaces it later.
    """
    from enrollment.matching.fusion import person_threshold
    from enrollment.matching.gallery import GalleryIndex
    from enrollment.matching.sources import load_template

    index = GalleryIndex()
    files = _gallery_files(gallery_dir)
    if not files:
        raise click.UsageError(f"no images or templates in {gallery_dir}")
    items = []
    for f in files:
        named = _NAMED.match(f.stem)
        subject = named.group("subject") if named else f.stem
        position = _position_of(f)
        items.append((subject, position, load_template(f, dpi=dpi, finger_position=position)))
    index.rebuild(items)
    fingers: dict[int, object] = {}
    for f in probe:
        position = _position_of(f)
        if position in fingers:
            raise click.UsageError(f"two probe files for finger position {position}")
        fingers[position] = load_template(f, dpi=dpi, finger_position=position)
    threshold = person_threshold(fmr, index.subjects)
    candidates = index.search(fingers, limit=limit)  # type: ignore[arg-type]
    click.echo(f"gallery: {index.subjects} persons, {len(index)} prints; hit threshold {threshold:.2f} "
               f"(FMR {fmr:g} per search)")
    if not candidates:
        click.echo("no candidates")
    for rank, c in enumerate(candidates, 1):
        per_finger = ", ".join(f"{pos}: {s:.4f}" for pos, s in sorted(c.per_finger_scores.items()))
        mark = "HIT" if c.fused_score >= threshold else "   "
        click.echo(f"{rank:3d}. {mark} {c.subject_id}  fused {c.fused_score:.2f}  [{per_finger}]")
