"""The checks of a calibration, reported and never fitted on: a split-half on the synthetic set, and the
observed FMR and FNMR at the shipped thresholds on held-out folders of real templates (step 6 of the protocol
in :mod:`enrollment.matching.calibration`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import numpy as np

from enrollment.matching.calibration.fit import TAIL_SAMPLES, Calibration, empirical_threshold, fit
from enrollment.matching.calibration.pair_scores import all_pair_scores
from enrollment.matching.calibration.parameters_block import FMR_NAMES

_NAME = re.compile(r"^(\d+)_(\d+)$")


def clopper_pearson(k: int, n: int, level: float = 0.95) -> tuple[float, float]:
    """Exact binomial confidence interval of a rate observed as ``k`` of ``n``."""
    from scipy.stats import beta

    a = (1.0 - level) / 2.0
    low = float(beta.ppf(a, k, n - k + 1)) if k > 0 else 0.0
    high = float(beta.ppf(1.0 - a, k + 1, n - k)) if k < n else 1.0
    return low, high


def _rate(k: int, n: int) -> str:
    low, high = clopper_pearson(k, n)
    return f"{k} of {n} = {k / n:.2e} (95 % CI {low:.1e} .. {high:.1e})"


def load_folder_templates(folder: Path) -> list[tuple[str, object]]:
    """Templates of a folder of ``<finger>_<impression>.<ext>`` files, labelled ``folder/finger``."""
    from enrollment.matching.sources import ISO_SUFFIXES, load_template

    files = sorted(f for f in folder.iterdir() if _NAME.match(f.stem))
    isos = [f for f in files if f.suffix.lower() in ISO_SUFFIXES]
    chosen = isos or files  # prefer the ISO records when a folder has both records and images
    return [(f"{folder.name}/{_NAME.match(f.stem).group(1)}", load_template(f)) for f in chosen]


def held_out(root: Path, fitted: Calibration, thresholds: dict[str, float], *, workers: int, progress: bool,
             echo: Callable[[str], None]) -> list[str]:
    """Score every pair of the template folders under ``root`` and report the observed FMR and FNMR at the
    shipped thresholds; the scores are not used to fit anything. Returns summary lines for the protocol."""
    folders = sorted(d for d in root.iterdir() if d.is_dir())
    labelled = [item for folder in folders for item in load_folder_templates(folder)]
    genuine, impostor = all_pair_scores(labelled, workers=workers, progress=progress)
    echo(f"held-out {root}: {len(labelled)} templates in {', '.join(f.name for f in folders)}; "
         f"{len(genuine)} genuine, {len(impostor)} impostor pairs")
    summary = []
    for name, f in FMR_NAMES.items():
        t = thresholds[name]
        k = int((impostor >= t).sum())
        miss = int((genuine < t).sum())
        echo(f"  {name} = {t:.5f} (nominal {f:g}): FMR {_rate(k, len(impostor))}; "
             f"FNMR {100 * miss / len(genuine):.1f} % ({miss} of {len(genuine)})")
        summary.append(f"{name} {k}/{len(impostor)} FMR, FNMR {100 * miss / len(genuine):.1f} %")
    descending = np.sort(impostor)[::-1]
    echo("  for comparison only (not used): held-out empirical thresholds "
         + ", ".join(f"{name} {empirical_threshold(descending, f):.5f}" for name, f in FMR_NAMES.items()
                     if f * len(impostor) >= 1))
    echo(f"  held-out impostor at fitted FMR: median {np.median(impostor):.4f}; fmr_of(highest impostor "
         f"{descending[0]:.4f}) = {fitted.fmr(float(descending[0])):.1e}")
    return summary


def split_half(labelled: list, impostor: np.ndarray, pairs: np.ndarray, echo: Callable[[str], None]) -> None:
    """Check of the fitting method on synthetic data alone: fit on the impostor pairs among the first half of
    the fingers, count the pairs among the second half at or above its thresholds, and the other way round."""
    finger = np.array([int(label.rsplit("/", 1)[1]) for label, _ in labelled])
    middle = np.median(np.unique(finger))
    lower = finger[pairs] < middle
    halves = {"first": lower.all(axis=1), "second": (~lower).all(axis=1)}
    for name, chosen in halves.items():
        other = impostor[halves["second" if name == "first" else "first"]]
        if chosen.sum() < 10 * TAIL_SAMPLES:
            return
        half = fit(impostor[chosen])
        counts = ", ".join(f"{n}: {_rate(int((other >= half.threshold(f)).sum()), len(other))} (expected "
                           f"{f * len(other):.1f})" for n, f in FMR_NAMES.items())
        echo(f"split-half check, fit on the {name} half of the fingers ({int(chosen.sum())} pairs), the other "
             f"half's impostors at or above: {counts}")
