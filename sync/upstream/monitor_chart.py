"""The national monitor's chart: intakes per quarter per location as grouped bars (matplotlib, Agg), a suppressed
cell drawn as no bar and labelled with its ``<min_cell`` mark, written atomically as PNG."""

from __future__ import annotations

import datetime
import io
from pathlib import Path

from enrollment.atomic_files import write_bytes_atomically


def write_chart(path: Path, intakes: dict[tuple[str, str], int], reference_date: datetime.date,
                min_cell: int) -> None:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    locations = sorted({loc for loc, _q in intakes})
    quarters = sorted({q for _loc, q in intakes})
    figure = Figure(figsize=(8, 4.5), dpi=100)
    axes = figure.subplots()
    width = 0.8 / max(len(locations), 1)
    for n, location in enumerate(locations):
        xs = [q + (n - (len(locations) - 1) / 2) * width for q in range(len(quarters))]
        values = [intakes[(location, quarter)] for quarter in quarters]
        small = [0 < v < min_cell for v in values]
        axes.bar(xs, [0 if s else v for v, s in zip(values, small, strict=True)], width, label=location)
        for x, is_small in zip(xs, small, strict=True):
            if is_small:
                axes.annotate(f"<{min_cell}", (x, 0), ha="center", va="bottom", fontsize=8)
    axes.set_xticks(range(len(quarters)), quarters)
    drawn = [v for v in intakes.values() if v >= min_cell]
    axes.set_ylim(0, max([*drawn, min_cell]) * 1.1)  # the axis never starts below a suppressed cell's range
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_ylabel("intakes")
    axes.set_title(f"Intakes per quarter per location, reference date {reference_date.isoformat()}")
    if locations:
        axes.legend()
    figure.tight_layout()
    data = io.BytesIO()
    figure.savefig(data, format="png")
    write_bytes_atomically(path, data.getvalue())
