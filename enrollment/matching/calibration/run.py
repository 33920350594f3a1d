"""The calibration run: build the synthetic set, score every pair, fit, check, print and optionally write the
block of ``parameters.py`` (:mod:`enrollment.matching.calibration` states the protocol).

    zuil calibrate --fingers 1000 --impressions 2 --seed 900000 --fvc <DIR> [--write]
    python -m enrollment.matching.calibration.run --fingers 1000 ... (the same, without the zuil CLI)

The template cache defaults to ``<data dir>/calibration-cache`` (:func:`cache_folder`); the data dir comes
from the settings, so each command passes it in.
"""

from __future__ import annotations

import argparse
import datetime
import io
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

from enrollment.atomic_files import write_bytes_atomically
from enrollment.evaluation.metrics import equal_error_rate, error_curve
from enrollment.matching import calibration
from enrollment.matching.calibration.checks import held_out, split_half
from enrollment.matching.calibration.fit import KNOT_MIN_SAMPLES, TAIL_SAMPLES, Calibration, empirical_threshold, fit
from enrollment.matching.calibration.pair_scores import all_pair_scores
from enrollment.matching.calibration.parameters_block import (
    FMR_NAMES,
    format_parameters,
    shipped_threshold,
    write_parameters,
)
from enrollment.settings import data_dir_setting

DEFAULT_SEED = 900_000  # synthetic population used for calibration; tests use seeds below 1,000
CACHE_FOLDER = "calibration-cache"


def cache_folder(data_dir: Path) -> Path:
    """The default template cache: a folder under the kiosk's data dir."""
    return Path(data_dir) / CACHE_FOLDER


def save_scores(path: Path, genuine: np.ndarray, impostor: np.ndarray, pairs: np.ndarray) -> None:
    """Keep a run's scores (compressed ``.npz``: genuine, impostor, impostor pair indices), written atomically."""
    buffer = io.BytesIO()
    np.savez_compressed(buffer, genuine=genuine, impostor=impostor, pairs=pairs)
    write_bytes_atomically(path, buffer.getvalue())


def pairs_summary(genuine: np.ndarray, impostor: np.ndarray) -> str:
    """The line on the scored pairs: how many of each, and their EER (the one definition,
    :func:`enrollment.evaluation.metrics.equal_error_rate`)."""
    eer = equal_error_rate(error_curve(genuine, impostor)).eer
    return (f"pairs: {len(impostor)} impostor (every pair of different fingers), {len(genuine)} genuine; "
            f"EER {100 * eer:.2f} %")


def run(*, fingers: int, impressions: int, seed: int, cache: Path | None, fvc: Path | None, workers: int,
        write: bool, progress: bool = True, echo: Callable[[str], None] = print) -> Calibration:
    """Build the synthetic set, fit, check held-out on ``fvc`` (if given), print and optionally write the block."""
    from enrollment.evaluation import machine
    from enrollment.matching.calibration.synthetic_set import pipeline_version, synthetic_templates

    for line in machine.describe():
        echo(line)
    labelled = synthetic_templates(seed, fingers, impressions, cache=cache, workers=workers, progress=progress)
    made = len({label for label, _ in labelled})
    echo(f"synthetic: population seed {seed}, masters 0..{fingers - 1}, impressions 0..{impressions - 1}: "
         f"{len(labelled)} templates of {made} fingers ({fingers * impressions - len(labelled)} impressions "
         f"without usable foreground), {np.mean([len(t.positions) for _, t in labelled]):.1f} minutiae on average")
    genuine, impostor, pairs = all_pair_scores(labelled, workers=workers, progress=progress, with_pairs=True)
    if cache is not None:
        save_scores(Path(cache) / str(seed) / pipeline_version() / f"scores-{fingers}x{impressions}.npz",
                    genuine, impostor, pairs)
    echo(pairs_summary(genuine, impostor))
    fitted = fit(impostor)
    tail = fitted.tail
    echo(f"tail model: generalised Pareto over the top {TAIL_SAMPLES} impostors (above {tail.threshold:.5f}): "
         f"shape {tail.shape:+.3f}, scale {tail.scale:.5f}")
    descending = np.sort(impostor)[::-1]
    thresholds = {}
    for name, f in FMR_NAMES.items():
        shipped = shipped_threshold(fitted, f)
        thresholds[name] = shipped
        k = round(f * len(impostor))
        empirical = empirical_threshold(descending, f)
        echo(f"{name}: empirical {empirical:.5f} ({k} impostors above), tail model {tail.score(f):.5f}, "
             f"shipped {shipped:.5f}; synthetic FNMR {100 * float((genuine < shipped).mean()):.1f} %")
    split_half(labelled, impostor, pairs, echo)
    held = held_out(fvc, fitted, thresholds, workers=workers, progress=progress, echo=echo) if fvc else []
    protocol = (f"{len(impostor)} synthetic impostor pairs (all different-finger pairs) of {len(labelled)} "
                f"templates: enrollment.synthesis population {seed}, masters 0..{fingers - 1} x impressions "
                f"0..{impressions - 1}, extracted by enrollment.extraction; knots empirical down to "
                f"{KNOT_MIN_SAMPLES} impostors, then a generalised Pareto tail (top {TAIL_SAMPLES}, shape "
                f"{tail.shape:+.3f}) floored by the empirical quantile; {datetime.date.today().isoformat()}"
                + (f"; held out {fvc.name}: " + "; ".join(held) if held else ""))
    snippet = format_parameters(fitted, protocol)
    echo(snippet)
    if write:
        echo(f"wrote {write_parameters(snippet)}")
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
    """The options of ``python -m enrollment.matching.calibration.run``, the cache resolved under the data dir."""
    parser = argparse.ArgumentParser(description=calibration.__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    add_arguments(parser)
    a = parser.parse_args(argv)
    if a.cache is None:
        a.cache = cache_folder(data_dir_setting())
    return a


def main(argv: list[str] | None = None) -> int:
    a = parse_arguments(argv)
    run(fingers=a.fingers, impressions=a.impressions, seed=a.seed, cache=a.cache, fvc=a.fvc, workers=a.workers,
        write=a.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
