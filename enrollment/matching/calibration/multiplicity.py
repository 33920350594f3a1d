"""How many independent comparisons a best-of-k enrolled finger is worth to an impostor, measured on real prints.

The kiosk enrolls several impressions of each finger; a search keeps a probe finger's best score over them, and
fusion turns that score into a false-match rate with the calibration curve ``f`` and the multiplicity
correction ``1 - (1 - f)^k`` (:func:`enrollment.matching.fusion.finger_fmr`). That correction is exact for k
independent comparisons. Impressions of one finger are not independent (an impostor probe that resembles one
impression may resemble the others too), so whether the best of k reaches a score k times as often as one
comparison does is a question for real prints; this module measures it.

The measurement (:func:`best_of_k`): every probe print of a set against every *other* finger of the same set
(FVC2002 B: 80 probes x 9 fingers per set, the impostor pairs of the calibration), with k of that finger's
impressions enrolled: the share of (probe, finger) whose best score over the k reaches the calibrated score of
FMR ``x``, averaged over every choice of k impressions out of the finger's own (exact, no sampling). The
*effective multiplicity* at that level is the k' with ``1 - (1 - F1)^k' = Fk``, i.e.
``k' = log(1 - Fk) / log(1 - F1)``, F1 the single-comparison share of the same pairs (k = 1). k' = k means the
impressions count as independent comparisons (fusion's ``1 - (1 - f)^k`` is right), k' = 1 that the extra
impressions give an impostor nothing (no correction would be right). The verdict (:func:`deepest`) is k' at the
rarest level still reached by ``MIN_EXCEEDING`` single comparisons, because fusion's correction matters where
decisions are made, far in the tail (a hit in a 10,000-person search needs per-finger FMRs of a few in 100,000).

    python -m enrollment.matching.calibration.multiplicity --fvc <FVC2002>/   (the folder holding DB1_B .. DB4_B)
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

LEVELS = (1e-1, 10**-1.5, 1e-2, 10**-2.5, 1e-3)  # per-comparison FMRs the best-of-k share is measured at
MIN_EXCEEDING = 20  # a level is used only when at least this many single comparisons reach it (about 22 % error)


@dataclass(frozen=True)
class Level:
    """The best-of-k measurement at one calibrated score."""

    fmr: float  # the calibration's per-comparison FMR at ``score``
    score: float
    single: float  # F1: share of single impostor comparisons at or above the score (each finger weighted alike)
    exceeding: int  # how many single comparisons reach it
    best_of: dict[int, float]  # k -> Fk: share of (probe, finger, k impressions) whose best reaches it

    def effective(self, k: int) -> float:
        """k': the number of independent comparisons that would reach the score as often as the best of k."""
        return math.log1p(-self.best_of[k]) / math.log1p(-self.single) if 0 < self.single < 1 else math.nan


def best_of_k(matrix: np.ndarray, labels: Sequence[str], ks: Sequence[int], thresholds: Sequence[tuple[float, float]]
              ) -> list[Level]:
    """The measurement above, on one or more sets' symmetric score ``matrix`` (prints of different sets are never
    compared: give them NaN) with each print's finger label; ``thresholds`` are (fmr, score) pairs."""
    from scipy.special import comb

    labels = np.asarray(labels)
    fingers = {label: np.flatnonzero(labels == label) for label in dict.fromkeys(labels.tolist())}
    groups = [matrix[p, rows] for p in range(len(labels)) for label, rows in fingers.items()
              if label != labels[p] and not np.isnan(matrix[p, rows]).any()]
    width = max(len(g) for g in groups)
    scores = np.full((len(groups), width), -np.inf)  # one row per (probe, other finger), padded
    for row, g in zip(scores, groups, strict=True):
        row[: len(g)] = g
    n = np.array([len(g) for g in groups])
    levels = []
    for fmr, score in thresholds:
        m = np.sum(scores >= score, axis=1)  # impressions of the finger reaching the score
        # share of the k-subsets of a finger's n impressions holding at least one of the m: 1 - C(n-m, k) / C(n, k)
        best = {k: float(np.mean(1.0 - comb(n - m, k) / comb(n, k))) for k in ks}
        levels.append(Level(fmr, score, float(np.mean(m / n)), int(m.sum()), best))
    return levels


def deepest(levels: Sequence[Level]) -> Level:
    """The rarest level still reached by ``MIN_EXCEEDING`` single impostor comparisons (where the verdict is read)."""
    usable = [lv for lv in levels if lv.exceeding >= MIN_EXCEEDING]
    if not usable:
        raise ValueError("no level is reached by enough impostor comparisons to measure the multiplicity")
    return min(usable, key=lambda lv: lv.fmr)


def set_matrix(labelled: list[tuple[str, object]], *, workers: int = 1, progress: bool = False
               ) -> tuple[np.ndarray, list[str]]:
    """The symmetric matrix of matcher scores within each set of ``(<set>/<finger>, Template)`` items, each pair's
    the calibration's (``match`` of the earlier item with the later; NaN across sets and between impressions of one
    finger), and the labels."""
    from enrollment.matching.calibration.pair_scores import all_pair_scores
    from enrollment.matching.calibration.real_set import sensors

    labels = [label for label, _ in labelled]
    of = sensors(labelled)
    matrix = np.full((len(labels), len(labels)), np.nan)
    for sensor in dict.fromkeys(of.tolist()):
        rows = np.flatnonzero(of == sensor)
        _, impostor, pairs = all_pair_scores([labelled[i] for i in rows], workers=workers, progress=progress,
                                                   with_pairs=True)
        sub = matrix[np.ix_(rows, rows)]
        sub[pairs[:, 0], pairs[:, 1]] = sub[pairs[:, 1], pairs[:, 0]] = impostor
        matrix[np.ix_(rows, rows)] = sub  # genuine pairs (same finger) stay NaN: never read
    return matrix, labels


def report(levels: Sequence[Level], ks: Sequence[int], echo: Callable[[str], None] = print) -> Level:
    """Print the table (F1, Fk and k' per level) and the verdict at the :func:`deepest` level; return that level."""
    echo("level (FMR)   score    F1 (single)        " + "  ".join(f"F{k}       k'{k}" for k in ks if k > 1))
    for lv in levels:
        cells = "  ".join(f"{lv.best_of[k]:.5f}  {lv.effective(k):4.2f}" for k in ks if k > 1)
        mark = "" if lv.exceeding >= MIN_EXCEEDING else f"  (under {MIN_EXCEEDING} single comparisons: not read)"
        echo(f"{lv.fmr:<12.5f}  {lv.score:.5f}  {lv.single:.5f} ({lv.exceeding:5d})  {cells}{mark}")
    verdict = deepest(levels)
    echo(f"at FMR {verdict.fmr:.5f} (the rarest level with {MIN_EXCEEDING}+ single comparisons): "
         + ", ".join(f"best of {k} = {verdict.effective(k):.2f} independent comparisons" for k in ks if k > 1)
         + " (fusion counts k)")
    return verdict


def main(argv: list[str] | None = None) -> int:
    from enrollment.matching.calibration.real_set import real_templates
    from enrollment.matching.fmr_curve import threshold_for

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fvc", type=Path, required=True, help="folder of FVC-style sets (e.g. DB1_B .. DB4_B)")
    parser.add_argument("--max-k", type=int, default=4, help="largest number of enrolled impressions measured")
    parser.add_argument("--workers", type=int, default=2)
    a = parser.parse_args(argv)
    labelled, failures = real_templates(a.fvc, workers=a.workers)
    for failure in failures:
        print(f"  no template: {failure}")
    matrix, labels = set_matrix(labelled, workers=a.workers)
    ks = tuple(range(1, a.max_k + 1))
    print(f"{len(labels)} templates of {len(set(labels))} fingers under {a.fvc}; every probe against every other "
          "finger of its set, every choice of k of that finger's impressions")
    report(best_of_k(matrix, labels, ks, [(f, threshold_for(f)) for f in LEVELS]), ks)
    return 0


if __name__ == "__main__":
    sys.exit(main())
