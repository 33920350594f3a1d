"""``zuil bench gallery``: load and index time of the 1:N gallery from the encrypted record store, and memory."""

from __future__ import annotations

import tempfile
from pathlib import Path

import click

from enrollment.commands.bench import _describe, parse_sizes
from enrollment.evaluation import parameters


@click.command("gallery")
@click.option("--sizes", "sizes_text", default=",".join(map(str, parameters.GALLERY_LOAD_SIZES)), show_default=True,
              help="Comma-separated gallery sizes in persons (two prints each).")
@click.option("--store-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder the bench stores are made in and reused from (one per size and seed). "
                   "Default: zuil-bench-gallery in the system's temporary folder.")
@click.option("--workers", default=parameters.WORKERS, show_default=True, type=click.IntRange(1, 64),
              help="Processes synthesising the templates of a store that is not there yet.")
@click.option("--quiet", is_flag=True, help="No progress bars.")
def gallery_command(sizes_text: str, store_dir: Path | None, workers: int, quiet: bool) -> None:
    """Read+decrypt, decode and index time of the kiosk's gallery, per size, with resident memory."""
    from enrollment.evaluation import gallery_load

    sizes = parse_sizes(sizes_text, 1, "numbers of persons")
    root = store_dir or Path(tempfile.gettempdir()) / "zuil-bench-gallery"
    results = []
    for persons in sizes:
        results.append(gallery_load.run_size(root, persons, workers=workers, progress=not quiet))
        lines = gallery_load.table(results)
        click.echo("\n".join(lines if len(results) == 1 else lines[-1:]))
    click.echo("")
    _describe(gallery_load.method(results, root))
