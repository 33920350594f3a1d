"""``zuil synth``: write synthetic fingerprint images (FVC naming) and a manifest, or a contact sheet.

The images are no real person's fingerprints; they are for tests, demos and benchmarks.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

from enrollment.atomic_files import SHARED, write_bytes_atomically
from enrollment.commands.deferred import DeferredChoice, DeferredDefault
from enrollment.errors import ImageError

if TYPE_CHECKING:
    import numpy as np


def _default_width() -> int:
    from enrollment.synthesis import parameters as p

    return p.IMPRESSION_WIDTH


def _default_height() -> int:
    from enrollment.synthesis import parameters as p

    return p.IMPRESSION_HEIGHT


def _condition_names() -> list[str]:
    from enrollment.synthesis.conditions import CONDITIONS

    return list(CONDITIONS)


def _read_grey(path: str) -> np.ndarray:
    import cv2

    image = cv2.imread(path, cv2.IMREAD_GRAYSCALE)
    if image is None:
        raise ImageError(f"{path}: not a readable image")
    return image


@click.command("synth")
@click.option("--fingers", type=click.IntRange(1, 1_000_000), default=10, show_default=True,
              help="Number of synthetic fingers (masters).")
@click.option("--impressions", type=click.IntRange(1, 1000), default=8, show_default=True,
              help="Impressions per finger.")
@click.option("--seed", type=click.IntRange(0, 2**63 - 1), default=0, show_default=True,
              help="Population seed; the same seed gives the same images.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder for <finger>_<impression>.png and manifest.json (created if missing).")
@click.option("--width", cls=DeferredDefault, type=click.IntRange(64, 2048), default=_default_width, show_default=True,
              help="Image width in pixels (500 dpi).")
@click.option("--height", cls=DeferredDefault, type=click.IntRange(64, 2048), default=_default_height,
              show_default=True,
              help="Image height in pixels (500 dpi).")
@click.option("--contact-sheet", "sheet_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Instead of a data set, write one PNG with FINGERS rows of IMPRESSIONS images.")
@click.option("--compare", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="A real image to show in a top row of the contact sheet (repeatable).")
@click.option("--condition", type=DeferredChoice(_condition_names), default=None,
              help="A harder capture for every impression (default: the normal mix of conditions).")
def synth(fingers: int, impressions: int, seed: int, out_dir: Path | None, width: int, height: int,
          sheet_path: Path | None, compare: tuple[str, ...], condition: str | None) -> None:
    """Generate synthetic fingerprints (SFinGe-style), no real person's, for tests, demos and benchmarks.

    Finger and impression numbers in file names start at 1 (FVC convention): 3_2.png is the second
    impression of the third finger. manifest.json lists class and quality knobs of every image.
    """
    if (out_dir is None) == (sheet_path is None):
        raise click.UsageError("give exactly one of --out DIR or --contact-sheet FILE.png")
    from tqdm import tqdm

    from enrollment.synthesis import contact_sheet
    from enrollment.synthesis import parameters as p
    from enrollment.synthesis.generator import render_impression, synthesize_master

    rows: list[list[np.ndarray]] = []
    entries: list[dict] = []
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    master_time = impression_time = 0.0
    with tqdm(total=fingers * impressions, unit="image", delay=2.0, disable=None) as bar:
        for index in range(fingers):
            started = time.perf_counter()
            master = synthesize_master(seed, index)
            master_time += time.perf_counter() - started
            row = []
            for k in range(impressions):
                started = time.perf_counter()
                impression = render_impression(master, seed, k, width, height, condition)
                impression_time += time.perf_counter() - started
                if out_dir is not None:
                    name = f"{index + 1}_{k + 1}.png"
                    write_bytes_atomically(out_dir / name, contact_sheet.encode_png(impression.image), mode=SHARED)
                    entries.append({"file": name, **impression.describe(), "finger": index + 1, "impression": k + 1})
                else:
                    row.append(impression.image)
                bar.update()
            rows.append(row)
    timing = (f"generation: {master_time / fingers * 1000:.0f} ms per master, "
              f"{impression_time / (fingers * impressions) * 1000:.0f} ms per impression")
    if sheet_path is not None:
        sheet = contact_sheet.compose(rows, [_read_grey(path) for path in compare])
        write_bytes_atomically(sheet_path, contact_sheet.encode_png(sheet), mode=SHARED)
        click.echo(f"wrote contact sheet {sheet_path} ({fingers} x {impressions} synthetic, "
                   f"{len(compare)} real); {timing}")
        return
    manifest = {"format_version": p.MANIFEST_VERSION, "generator": "aanmeldzuil synthetic fingerprints",
                "seed": seed, "fingers": fingers, "impressions": impressions, "width": width, "height": height,
                "resolution_dpi": 500, "images": entries}
    write_bytes_atomically(out_dir / "manifest.json", (json.dumps(manifest, indent=1) + "\n").encode(),
                           mode=SHARED)
    click.echo(f"wrote {len(entries)} images and manifest.json to {out_dir}; {timing}")
