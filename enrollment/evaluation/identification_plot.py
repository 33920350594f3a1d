"""The 1:N figure as PNG: FNIR against FPIR over a sweep of the threshold, one curve per gallery size, with the
kiosk's operating point marked."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

from enrollment.evaluation.identification import SizeResult
from enrollment.evaluation.plots import _save


def sweep(result: SizeResult) -> tuple[np.ndarray, np.ndarray]:
    """(FPIR, FNIR) at every threshold where either changes, from the lowest score to above the highest."""
    mated, nonmated = result.returned_scores(), result.nonmated
    scores = np.concatenate([mated, nonmated])
    thresholds = np.unique(scores[np.isfinite(scores)])
    thresholds = np.append(thresholds, np.inf)
    fnir = np.array([np.mean(mated < t) for t in thresholds]) if mated.size else np.full(len(thresholds), np.nan)
    fpir = np.array([np.mean(nonmated >= t) for t in thresholds]) if nonmated.size else np.zeros(len(thresholds))
    return fpir, fnir


def fnir_fpir_plot(results: Sequence[SizeResult], path: Path, title: str) -> None:
    """Log-log FNIR against FPIR; zero rates drawn at half the resolution (said on the axes)."""
    figure, axes = plt.subplots(figsize=(6.4, 5.2))
    floor_fpir = min(0.5 / max(1, r.nonmated.size) for r in results)
    floor_fnir = min(0.5 / max(1, len(r.mated)) for r in results)
    for r in results:
        fpir, fnir = sweep(r)
        (line,) = axes.plot(np.maximum(fpir, floor_fpir), np.maximum(fnir, floor_fnir),
                            label=f"{r.background} background persons, {r.impressions} enrolled",
                            drawstyle="steps-post")
        axes.plot([max(r.fpir(), floor_fpir)], [max(r.fnir(), floor_fnir)], marker="o", color=line.get_color(),
                  markeredgecolor="black", linestyle="none")
    axes.plot([], [], marker="o", linestyle="none", markerfacecolor="white", markeredgecolor="black",
              label="kiosk threshold")
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.set_xlim(floor_fpir * 0.8, 1.0)
    axes.set_ylim(floor_fnir * 0.8, 1.0)
    axes.set_xlabel(f"FPIR (log; 0 drawn at {floor_fpir:.1e})")
    axes.set_ylabel(f"FNIR (log; 0 drawn at {floor_fnir:.1e})")
    axes.set_title(title)
    axes.grid(True, which="both", linewidth=0.3)
    axes.legend()
    figure.tight_layout()
    _save(figure, path)
    plt.close(figure)
