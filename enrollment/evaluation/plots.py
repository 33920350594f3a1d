"""The accuracy figures as PNG: a DET curve (all engines on one plot) and score histograms per engine."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

from enrollment.atomic_files import write_bytes_atomically
from enrollment.evaluation import parameters
from enrollment.evaluation.metrics import ErrorCurve, equal_error_rate


@dataclass(frozen=True)
class DetFigure:
    """What :func:`det_plot` drew, read back from the figure: the legend's texts and, per curve, where its EER
    marker sits (FMR, FNMR) on the axes (clamped to the drawn floor like the curve) with the EER it marks."""

    legend: tuple[str, ...]
    eer_markers: tuple[tuple[str, float, float, float], ...]  # (curve name, EER, FMR drawn, FNMR drawn)


def det_plot(curves: Sequence[tuple[str, ErrorCurve]], path: Path, title: str) -> DetFigure:
    """FNMR against FMR, both on log axes; zero rates are drawn at half the set's resolution (said on the axis).
    Each curve's equal error rate is marked where it meets the FMR = FNMR diagonal and stated in the legend."""
    figure, axes = plt.subplots(figsize=(6.4, 5.2))
    floor_fmr = min(0.5 / c.impostor_count for _, c in curves)
    floor_fnmr = min(0.5 / c.genuine_count for _, c in curves)
    markers = []
    for name, curve in curves:
        fmr = np.maximum(curve.fmr, floor_fmr)
        fnmr = np.maximum(curve.fnmr, floor_fnmr)
        eer = equal_error_rate(curve).eer
        # consecutive candidate thresholds change FMR or FNMR alone (a horizontal or vertical step) unless a
        # genuine and an impostor score tie (a diagonal): plain lines draw exactly the achievable curve
        (line,) = axes.plot(fmr, fnmr, label=f"{name} (EER {100 * eer:.2f} %)")
        (marker,) = axes.plot([max(eer, floor_fmr)], [max(eer, floor_fnmr)], color=line.get_color(), marker="o",
                              linestyle="none", markersize=8, markeredgecolor="black", zorder=3)
        markers.append((name, eer, marker))
    axes.plot([], [], linestyle="none", marker="o", markersize=8, markerfacecolor="white", markeredgecolor="black",
              label="EER: where FMR = FNMR")
    diagonal = [min(floor_fmr, floor_fnmr) * 0.8, 1.0]
    axes.plot(diagonal, diagonal, color="black", linewidth=0.6, linestyle="--", label="FMR = FNMR")
    for target in parameters.FMR_TARGETS:
        axes.axvline(target, color="grey", linewidth=0.6, linestyle=":")
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.set_xlim(floor_fmr * 0.8, 1.0)
    axes.set_ylim(floor_fnmr * 0.8, 1.0)
    axes.set_xlabel(f"FMR (log; 0 drawn at {floor_fmr:.1e})")
    axes.set_ylabel(f"FNMR (log; 0 drawn at {floor_fnmr:.1e})")
    axes.set_title(title)
    axes.grid(True, which="both", linewidth=0.3)
    legend = axes.legend()
    figure.tight_layout()
    _save(figure, path)
    drawn = DetFigure(tuple(text.get_text() for text in legend.get_texts()),
                      tuple((name, eer, *map(float, marker.get_xydata()[0])) for name, eer, marker in markers))
    plt.close(figure)
    return drawn


def histograms(
    engines: Sequence[tuple[str, np.ndarray, np.ndarray]], path: Path, title: str
) -> None:
    """Genuine and impostor score histograms, one panel per engine (failure scores left out, counted)."""
    figure, axes = plt.subplots(1, len(engines), figsize=(5.2 * len(engines), 4.0), squeeze=False)
    for ax, (name, genuine, impostor) in zip(axes[0], engines, strict=True):
        gen, imp = genuine[np.isfinite(genuine)], impostor[np.isfinite(impostor)]
        finite = np.concatenate([gen, imp])
        bins = np.linspace(finite.min(), finite.max(), parameters.HISTOGRAM_BINS + 1) if finite.size else 10
        if finite.size and finite.min() == finite.max():
            bins = parameters.HISTOGRAM_BINS
        ax.hist(imp, bins=bins, alpha=0.6, density=True, label=f"impostor ({imp.size})", color="tab:red")
        ax.hist(gen, bins=bins, alpha=0.6, density=True, label=f"genuine ({gen.size})", color="tab:green")
        dropped = (genuine.size - gen.size) + (impostor.size - imp.size)
        ax.set_title(f"{name}" + (f" ({dropped} pairs with a failed extraction not drawn)" if dropped else ""))
        ax.set_xlabel("score")
        ax.set_ylabel("density")
        ax.legend()
    figure.suptitle(title)
    figure.tight_layout()
    _save(figure, path)
    plt.close(figure)


def _save(figure, path: Path) -> None:
    """The figure as an image file (format from the suffix, PNG by default), written atomically."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format=Path(path).suffix.lstrip(".").lower() or "png", dpi=parameters.PLOT_DPI)
    write_bytes_atomically(path, buffer.getvalue())
