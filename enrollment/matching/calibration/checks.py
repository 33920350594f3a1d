"""The checks of a calibration, reported and never fitted on: the observed FMR (exact 95 % interval) and FNMR at
the shipped thresholds on any score set, a split-half on the synthetic set, a leave-one-set-out on the real one
(step 6 of the protocol in :mod:`enrollment.matching.calibration`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np

from enrollment.matching.calibration.fit import MIN_IMPOSTORS, fit
from enrollment.matching.calibration.pair_scores import all_pair_scores
from enrollment.matching.calibration.parameters_block import FMR_NAMES


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


def observed_at(label: str, impostor: np.ndarray, genuine: np.ndarray | None, thresholds: dict[str, float],
                echo: Callable[[str], None]) -> list[str]:
    """Report the impostors (and genuine misses) of a score set at each named threshold: the observed FMR with
    its exact 95 % interval, and how its upper bound compares with the name. Returns summary lines."""
    pairs = " pairs" if genuine is None else f", {len(genuine)} genuine pairs"
    echo(f"{label}: {len(impostor)} impostor{pairs}")
    summary = []
    for name, f in FMR_NAMES.items():
        t = thresholds[name]
        k = int((impostor >= t).sum())
        high = clopper_pearson(k, len(impostor))[1]
        miss = "" if genuine is None else f"; FNMR {100 * float((genuine < t).mean()):.1f} %"
        echo(f"  {name} = {t:.5f}: FMR {_rate(k, len(impostor))}, upper bound {high / f:.1f}x the name{miss}")
        summary.append(f"{name} {k}/{len(impostor)}")
    return summary


def held_out(root: Path, thresholds: dict[str, float], *, workers: int, progress: bool,
             echo: Callable[[str], None]) -> list[str]:
    """Score every pair of the real sets under ``root`` and report the observed FMR and FNMR at the shipped
    thresholds; the scores are not used to fit anything. Returns summary lines."""
    from enrollment.matching.calibration.real_set import real_templates

    labelled, failures = real_templates(root, workers=workers, progress=progress)
    for failure in failures:
        echo(f"  no template: {failure}")
    genuine, impostor = all_pair_scores(labelled, workers=workers, progress=progress)
    return observed_at(f"held-out {root.name}", impostor, genuine, thresholds, echo)


def leave_one_sensor_out(labelled: list, impostor: np.ndarray, pairs: np.ndarray, echo: Callable[[str], None]) -> None:
    """Check of the method on real data alone: for each set, fit on the same-set impostors of the other sets and
    count that set's impostors at or above the fitted thresholds; the counts of all folds against their sum of
    expectations."""
    from enrollment.matching.calibration.real_set import sensors

    of = sensors(labelled)
    within = of[pairs[:, 0]] == of[pairs[:, 1]]
    counts = {name: 0 for name in FMR_NAMES}
    tested = 0
    for sensor in np.unique(of):
        mine = within & (of[pairs[:, 0]] == sensor)
        rest = impostor[within & ~mine]
        if len(rest) < MIN_IMPOSTORS:
            echo(f"leave-one-set-out check: {len(rest)} impostors without {sensor} are too few to fit; skipped")
            return
        fold = fit(rest)
        for name, f in FMR_NAMES.items():
            counts[name] += int((impostor[mine] >= fold.threshold(f)).sum())
        tested += int(mine.sum())
    echo("leave-one-set-out check (fit on the other sets' same-set impostors, count the left-out set's at or "
         "above): " + ", ".join(f"{name}: {_rate(counts[name], tested)} (expected {f * tested:.1f})"
                                 for name, f in FMR_NAMES.items()))


def split_half(labelled: list, impostor: np.ndarray, pairs: np.ndarray, echo: Callable[[str], None]) -> None:
    """Check of the fitting method on synthetic data alone: fit on the impostor pairs among the first half of
    the fingers, count the pairs among the second half at or above its thresholds, and the other way round."""
    finger = np.array([int(label.rsplit("/", 1)[1]) for label, _ in labelled])
    middle = np.median(np.unique(finger))
    lower = finger[pairs] < middle
    halves = {"first": lower.all(axis=1), "second": (~lower).all(axis=1)}
    for name, chosen in halves.items():
        other = impostor[halves["second" if name == "first" else "first"]]
        if chosen.sum() < MIN_IMPOSTORS:
            return
        half = fit(impostor[chosen])
        counts = ", ".join(f"{n}: {_rate(int((other >= half.threshold(f)).sum()), len(other))} (expected "
                           f"{f * len(other):.1f})" for n, f in FMR_NAMES.items())
        echo(f"split-half check, fit on the {name} half of the fingers ({int(chosen.sum())} pairs), the other "
             f"half's impostors at or above: {counts}")
