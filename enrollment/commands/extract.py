"""``zuil extract IMAGE`` (image -> template, quality, optional overlay) and ``zuil template show FILE``.

Image files are decoded by :mod:`enrollment.imaging` (any accepted encoding, resolution from the file unless
``--dpi``); templates are written and read by the native and ISO/IEC 19794-2 codecs of
:mod:`enrollment.template`.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

import click

from enrollment.atomic_files import write_bytes_atomically

if TYPE_CHECKING:
    import numpy as np

    from enrollment.template.model import Template


@click.command("extract")
@click.argument("image", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dpi", type=click.IntRange(100, 2000), default=None,
              help="Resolution of the image (default: from the file, else 500).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the template to this file (native format unless --iso).")
@click.option("--iso", is_flag=True, help="Write ISO/IEC 19794-2:2005 instead of the native format.")
@click.option("--overlay", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write a PNG of the minutiae drawn on the image (red: endings, blue: bifurcations).")
@click.option("--finger", type=click.IntRange(0, 10), default=0, help="ISO finger position code (0 = unknown).")
def extract_command(image: Path, dpi: int | None, output: Path | None, iso: bool, overlay: Path | None,
                    finger: int) -> None:
    """Extract the minutiae template of IMAGE and report its quality."""
    import cv2
    import numpy as np

    from enrollment.extraction import pipeline
    from enrollment.extraction.overlay import render
    from enrollment.quality import assess
    from enrollment.template.model import KIND_ENDING

    grey, resolution = _load_image(image, dpi)
    extraction = pipeline.run(grey, dpi=resolution, finger_position=finger)
    report = assess(extraction.image, extraction)
    template = _with_quality(extraction.template, report.score)
    endings = int((template.kinds == KIND_ENDING).sum())
    click.echo(f"{image.name}: {len(template)} minutiae ({endings} endings, {len(template) - endings} bifurcations), "
               f"{template.width}x{template.height} at {template.resolution_dpi} dpi, "
               f"quality {report.score} ({report.reason})")
    if output is not None:
        write_bytes_atomically(output, _encode(template, iso))
        click.echo(f"template written to {output} ({'ISO/IEC 19794-2:2005' if iso else 'native'})")
    if overlay is not None:
        picture = render(np.clip(extraction.image, 0, 255).astype(np.uint8), template)
        ok, png = cv2.imencode(".png", picture)
        if not ok:
            raise click.ClickException("could not encode the overlay as PNG")
        write_bytes_atomically(overlay, png.tobytes())
        click.echo(f"overlay written to {overlay}")


@click.group("template")
def template_group() -> None:
    """Inspect template files (native or ISO/IEC 19794-2)."""


@template_group.command("show")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def show_command(file: Path) -> None:
    """Print the format, header and minutiae of a template FILE."""
    from enrollment.template.model import FINGER_POSITIONS, KIND_BIFURCATION, KIND_ENDING
    from enrollment.template.read import format_name, read_template_bytes, templates_in_file

    kind_names = {KIND_ENDING: "ending", KIND_BIFURCATION: "bifurcation"}
    data = read_template_bytes(file)
    views = templates_in_file(data, file)
    click.echo(f"{file}: {format_name(data)}, {len(views)} view{'s' if len(views) != 1 else ''}")
    for number, template in enumerate(views, start=1):
        click.echo(f"view {number}: {template.width}x{template.height} at {template.resolution_dpi} dpi, "
                   f"finger {template.finger_position} ({FINGER_POSITIONS.get(template.finger_position, '?')}), "
                   f"quality {template.quality}, {len(template)} minutiae")
        click.echo("      x     y  angle  kind         reliability")
        for (x, y), direction, kind, reliability in zip(
            template.positions, template.directions, template.kinds, template.reliability, strict=True
        ):
            click.echo(f"  {x:5d} {y:5d} {math.degrees(direction):6.1f}  {kind_names.get(int(kind), 'other'):12s} "
                       f"{reliability:3d}")


def _load_image(path: Path, dpi: int | None) -> tuple[np.ndarray, int]:
    import numpy as np

    from enrollment.imaging import load_image

    decoded = load_image(path, dpi=dpi)
    return np.ascontiguousarray(decoded.array), decoded.dpi


def _encode(template: Template, iso: bool) -> bytes:
    from enrollment.template import iso19794_2, native

    return iso19794_2.to_iso(template) if iso else native.serialize(template)


def _with_quality(template: Template, quality: int) -> Template:
    from dataclasses import replace

    return replace(template, quality=quality)


