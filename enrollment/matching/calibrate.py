"""Command that (re)derives the calibration block of ``parameters.py``; :mod:`calibration` states the protocol.

    zuil calibrate --fingers 1000 --impressions 2 --seed 900000 --fvc <DIR> [--write]
    python -m enrollment.matching.calibrate --fingers 1000 ... (the same, without the zuil CLI)

The template cache defaults to ``<data dir>/calibration-cache`` (:func:`cache_folder`); the data dir comes
from the settings, so each command passes it in.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

from enrollment.matching import calibration as cal
from enrollment.settings import load_settings

DEFAULT_SEED = 900_000  # synthetic population used for calibration; tests use seeds below 1,000
CACHE_FOLDER = "calibration-cache"


def cache_folder(data_dir: Path) -> Path:
    """The default template cache: a folder under the kiosk's data dir."""
    return Path(data_dir) / CACHE_FOLDER


def _rate(k: int, n: int) -> str:
    low, high = cal.clopper_pearson(k, n)
    return f"{k} of {n} = {k / n:.2e} (95 % CI {low:.1e} .. {high:.1e})"


def held_out(root: Path, fitted: cal.Calibration, thresholds: dict[str, float], *, workers: int, progress: bool,
             echo: Callable[[str], None]) -> list[str]:
    """Score every pair of the template folders under ``root`` and report the observed FMR and FNMR at the
    shipped thresholds; the scores are not used to fit anything. Returns summary lines for the protocol."""
    folders = sorted(d for d in root.iterdir() if d.is_dir())
    labelled = [item for folder in folders for item in cal.load_folder_templates(folder)]
    genuine, impostor = cal.all_pair_scores(labelled, workers=workers, progress=progress)
    echo(f"held-out {root}: {len(labelled)} templates in {', '.join(f.name for f in folders)}; "
         f"{len(genuine)} genuine, {len(impostor)} impostor pairs")
    summary = []
    for name, f in cal.FMR_NAMES.items():
        t = thresholds[name]
        k = int((impostor >= t).sum())
        miss = int((genuine < t).sum())
        echo(f"  {name} = {t:.5f} (nominal {f:g}): FMR {_rate(k, len(impostor))}; "
             f"FNMR {100 * miss / len(genuine):.1f} % ({miss} of {len(genuine)})")
        summary.append(f"{name} {k}/{len(impostor)} FMR, FNMR {100 * miss / len(genuine):.1f} %")
    descending = np.sort(impostor)[::-1]
    echo("  for comparison only (not used): held-out empirical thresholds "
         + ", ".join(f"{name} {cal.empirical_threshold(descending, f):.5f}" for name, f in cal.FMR_NAMES.items()
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
        if chosen.sum() < 10 * cal.TAIL_SAMPLES:
            return
        half = cal.fit(impostor[chosen])
        counts = ", ".join(f"{n}: {_rate(int((other >= half.threshold(f)).sum()), len(other))} (expected "
                           f"{f * len(other):.1f})" for n, f in cal.FMR_NAMES.items())
        echo(f"split-half check, fit on the {name} half of the fingers ({int(chosen.sum())} pairs), the other "
             f"half's impostors at or above: {counts}")


def run(*, fingers: int, impressions: int, seed: int, cache: Path | None, fvc: Path | None, workers: int,
        write: bool, progress: bool = True, echo: Callable[[str], None] = print) -> cal.Calibration:
    """Build the synthetic set, fit, check held-out on ``fvc`` (if given), print and optionally write the block."""
    from enrollment.evaluation import machine
    from enrollment.matching.sources import pipeline_version, synthetic_templates

    for line in machine.describe():
        echo(line)
    labelled = synthetic_templates(seed, fingers, impressions, cache=cache, workers=workers, progress=progress)
    made = len({label for label, _ in labelled})
    echo(f"synthetic: population seed {seed}, masters 0..{fingers - 1}, impressions 0..{impressions - 1}: "
         f"{len(labelled)} templates of {made} fingers ({fingers * impressions - len(labelled)} impressions "
         f"without usable foreground), {np.mean([len(t.positions) for _, t in labelled]):.1f} minutiae on average")
    genuine, impostor, pairs = cal.all_pair_scores(labelled, workers=workers, progress=progress, with_pairs=True)
    if cache is not None:
        np.savez_compressed(Path(cache) / str(seed) / pipeline_version() / f"scores-{fingers}x{impressions}.npz",
                            genuine=genuine, impostor=impostor, pairs=pairs)
    echo(f"pairs: {len(impostor)} impostor (every pair of different fingers), {len(genuine)} genuine; "
         f"EER {100 * cal.equal_error_rate(genuine, impostor):.2f} %")
    fitted = cal.fit(impostor)
    tail = fitted.tail
    echo(f"tail model: generalised Pareto over the top {cal.TAIL_SAMPLES} impostors (above {tail.threshold:.5f}): "
         f"shape {tail.shape:+.3f}, scale {tail.scale:.5f}")
    descending = np.sort(impostor)[::-1]
    thresholds = {}
    for name, f in cal.FMR_NAMES.items():
        shipped = float(np.ceil(fitted.threshold(f) * 1e5) / 1e5)
        thresholds[name] = shipped
        k = round(f * len(impostor))
        empirical = cal.empirical_threshold(descending, f)
        echo(f"{name}: empirical {empirical:.5f} ({k} impostors above), tail model {tail.score(f):.5f}, "
             f"shipped {shipped:.5f}; synthetic FNMR {100 * float((genuine < shipped).mean()):.1f} %")
    split_half(labelled, impostor, pairs, echo)
    held = held_out(fvc, fitted, thresholds, workers=workers, progress=progress, echo=echo) if fvc else []
    protocol = (f"{len(impostor)} synthetic impostor pairs (all different-finger pairs) of {len(labelled)} "
                f"templates: enrollment.synthesis population {seed}, masters 0..{fingers - 1} x impressions "
                f"0..{impressions - 1}, extracted by enrollment.extraction; knots empirical down to "
                f"{cal.KNOT_MIN_SAMPLES} impostors, then a generalised Pareto tail (top {cal.TAIL_SAMPLES}, shape "
                f"{tail.shape:+.3f}) floored by the empirical quantile; {datetime.date.today().isoformat()}"
                + (f"; held out {fvc.name}: " + "; ".join(held) if held else ""))
    snippet = cal.format_parameters(fitted, protocol)
    echo(snippet)
    if write:
        echo(f"wrote {cal.write_parameters(snippet)}")
    return fitted


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--fingers", type=int, default=1000, help="synthetic fingers (masters)")
    parser.add_argument("--impressions", type=int, default=2, help="impressions per finger")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="synthetic population seed")
    parser.add_argument("--cache", type=Path, default=None,
                        help=f"template cache folder (default: <data dir>/{CACHE_FOLDER}; the data dir comes from "
                             "ZUIL_CONFIG / ZUIL_DATA_DIR as for zuil)")
    parser.add_argument("--fvc", type=Path, default=None,
                        help="held-out check: folder of folders of <finger>_<impression> templates or images")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--write", action="store_true", help="rewrite the calibration block of parameters.py")


def parse_arguments(argv: list[str] | None = None) -> argparse.Namespace:
    """The options of ``python -m enrollment.matching.calibrate``, the cache resolved under the data dir."""
    parser = argparse.ArgumentParser(description=cal.__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_arguments(parser)
    a = parser.parse_args(argv)
    if a.cache is None:
        a.cache = cache_folder(load_settings().data_dir)
    return a


def main(argv: list[str] | None = None) -> int:
    a = parse_arguments(argv)
    run(fingers=a.fingers, impressions=a.impressions, seed=a.seed, cache=a.cache, fvc=a.fvc, workers=a.workers,
        write=a.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
