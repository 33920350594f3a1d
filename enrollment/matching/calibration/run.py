"""The calibration run: score every pair of the chosen set, fit, check, print, and optionally write the block of
``parameters.py`` with the run's report (:mod:`enrollment.matching.calibration` states the protocol).

    zuil calibrate --fvc <DIR> [--fingers N] [--write | --verify]               (real impostors: what ships)
    zuil calibrate --fit-on synthetic --fingers 1000 --impressions 2 --seed 900000 [--fvc <DIR>] [--write]
    python -m enrollment.matching.calibration.run ...   (the same, without the zuil CLI)

The synthetic template cache defaults to ``<data dir>/calibration-cache`` (:func:`cache_folder`); the data dir
comes from the settings, so each command passes it in.
"""

from __future__ import annotations

import argparse
import datetime
import io
import itertools
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

from enrollment.atomic_files import write_bytes_atomically, write_text_atomically
from enrollment.errors import EnrollmentError
from enrollment.evaluation.metrics import equal_error_rate, error_curve
from enrollment.matching import calibration
from enrollment.matching.calibration import checks, inputs
from enrollment.matching.calibration.fit import KNOT_MIN_SAMPLES, Calibration, empirical_threshold, fit, tail_samples
from enrollment.matching.calibration.pair_scores import all_pair_scores
from enrollment.matching.calibration.parameters_block import (
    FMR_NAMES,
    format_parameters,
    shipped_block,
    shipped_threshold,
    write_parameters,
)
from enrollment.settings import data_dir_setting

DEFAULT_SEED = 900_000  # synthetic population used for calibration; tests use seeds below 1,000
DEFAULT_SYNTHETIC_FINGERS = 1000  # masters of a synthetic fit
CACHE_FOLDER = "calibration-cache"
FIT_ON = ("real", "synthetic")
REPORT = Path(calibration.__file__).with_name("RESULTS.md")  # the shipped run's report, written with the block


class CalibrationMismatch(EnrollmentError, ValueError):
    """``--verify``: the run's block differs from the one in ``parameters.py``."""


def cache_folder(data_dir: Path) -> Path:
    """The default template cache: a folder under the kiosk's data dir."""
    return Path(data_dir) / CACHE_FOLDER


def save_scores(path: Path, genuine: np.ndarray, impostor: np.ndarray, pairs: np.ndarray) -> None:
    """Keep a run's scores (compressed ``.npz``: genuine, impostor, impostor pair indices), written atomically."""
    buffer = io.BytesIO()
    np.savez_compressed(buffer, genuine=genuine, impostor=impostor, pairs=pairs)
    write_bytes_atomically(path, buffer.getvalue())


def pairs_summary(genuine: np.ndarray, impostor: np.ndarray, which: str = "every pair of different fingers") -> str:
    """The line on the scored pairs: how many of each, and their EER (the one definition,
    :func:`enrollment.evaluation.metrics.equal_error_rate`)."""
    eer = equal_error_rate(error_curve(genuine, impostor)).eer
    return f"pairs: {len(impostor)} impostor ({which}), {len(genuine)} genuine; EER {100 * eer:.2f} %"


def _synthetic(seed: int, fingers: int, impressions: int, cache: Path | None, workers: int, progress: bool,
               echo: Callable[[str], None]) -> list:
    from enrollment.matching.calibration.synthetic_set import synthetic_templates

    labelled = synthetic_templates(seed, fingers, impressions, cache=cache, workers=workers, progress=progress)
    echo(f"synthetic: population seed {seed}, masters 0..{fingers - 1}, impressions 0..{impressions - 1}: "
         f"{len(labelled)} templates ({fingers * impressions - len(labelled)} impressions without usable "
         f"foreground), {np.mean([len(t.positions) for _, t in labelled]):.1f} minutiae on average")
    return labelled


def run(*, fit_on: str = "real", fingers: int | None = None, impressions: int = 2, seed: int = DEFAULT_SEED,
        cache: Path | None = None, fvc: Path | None = None, workers: int = 2, write: bool = False,
        verify: bool = False, progress: bool = True, echo: Callable[[str], None] = print,
        parameters_path: Path | None = None, report_path: Path | None = None) -> Calibration:
    """Fit the impostor tail on the real sets under ``fvc`` (``fit_on="real"``, same-set pairs) or on a synthetic
    population, run the checks, print the block; ``write`` rewrites it (and the report), ``verify`` raises
    :class:`CalibrationMismatch` unless the block is exactly the one in ``parameters.py``."""
    from enrollment.evaluation import machine
    from enrollment.matching.calibration.real_set import real_templates, same_sensor

    if fit_on not in FIT_ON:
        raise ValueError(f"fit_on must be one of {', '.join(FIT_ON)}, not {fit_on!r}")
    if fit_on == "real" and fvc is None:
        raise ValueError("a calibration on real impostors needs the folder of sets (--fvc DIR, e.g. FVC2002's "
                         "DB1_B .. DB4_B); --fit-on synthetic needs none")
    transcript: list[str] = []

    def say(line: str) -> None:
        transcript.append(line)
        echo(line)

    for line in machine.describe():
        say(line)
    if fit_on == "real":
        labelled, failures = real_templates(fvc, workers=workers, progress=progress)
        for failure in failures:
            say(f"  no template: {failure}")
        say(f"real: {len(labelled)} templates of {len({label for label, _ in labelled})} fingers in "
            f"{fvc.name} ({', '.join(sorted({label.rsplit('/', 1)[0] for label, _ in labelled}))})")
        genuine, every_impostor, pairs = all_pair_scores(labelled, workers=workers, progress=progress,
                                                         with_pairs=True)
        within = same_sensor(labelled, pairs)
        impostor = every_impostor[within]
        fitted_on = (f"{len(impostor)} real impostor pairs (every pair of different fingers within one set) of "
                     f"{len(labelled)} templates in {fvc.name}")
    else:
        fingers = DEFAULT_SYNTHETIC_FINGERS if fingers is None else fingers
        labelled = _synthetic(seed, fingers, impressions, cache, workers, progress, say)
        genuine, impostor, pairs = all_pair_scores(labelled, workers=workers, progress=progress, with_pairs=True)
        if cache is not None:
            from enrollment.matching.calibration.synthetic_set import pipeline_version

            save_scores(Path(cache) / str(seed) / pipeline_version() / f"scores-{fingers}x{impressions}.npz",
                        genuine, impostor, pairs)
        fitted_on = (f"{len(impostor)} synthetic impostor pairs (all different-finger pairs) of {len(labelled)} "
                     f"templates: enrollment.synthesis population {seed}, masters 0..{fingers - 1} x "
                     f"impressions 0..{impressions - 1}")
    say(pairs_summary(genuine, impostor, "every pair of different fingers" + (" within one set" if fit_on == "real"
                                                                             else "")))
    fitted = fit(impostor)
    tail = fitted.tail
    say(f"tail model: generalised Pareto over the top {tail_samples(len(impostor))} impostors (above "
        f"{tail.threshold:.5f}): shape {tail.shape:+.3f}, scale {tail.scale:.5f}")
    thresholds = {name: shipped_threshold(fitted, f) for name, f in FMR_NAMES.items()}
    descending = np.sort(impostor)[::-1]
    for name, f in FMR_NAMES.items():
        say(f"{name}: empirical {empirical_threshold(descending, f):.5f} ({round(f * len(impostor))} impostors "
            f"above), tail model {tail.score(f):.5f}, shipped {thresholds[name]:.5f}")
    if fit_on == "real":
        made_by = f"extractor {inputs.extractor_version()}"
    else:
        from enrollment.matching.calibration.synthetic_set import pipeline_version

        made_by = f"generator+extractor {pipeline_version()}"
    protocol = (f"{fitted_on}, extracted by enrollment.extraction; knots empirical down to {KNOT_MIN_SAMPLES} "
                f"impostors, then a generalised Pareto tail (top {tail_samples(len(impostor))}, shape "
                f"{tail.shape:+.3f}) floored by the empirical quantile. Inputs: templates "
                f"{inputs.templates_digest(labelled)}, impostor scores {inputs.scores_digest(impostor)}, "
                f"{made_by}, matcher {inputs.matcher_version()}; {inputs.software()}")
    snippet = format_parameters(fitted, protocol)
    say("checks (reported, never fitted on):")
    if fit_on == "real":
        checks.observed_at("in-sample (the pairs fitted on)", impostor, genuine, thresholds, say)
        checks.observed_at("pairs across two sets (two sensors, not fitted on)", every_impostor[~within], None,
                           thresholds, say)
        checks.observed_at("every pair of different fingers, within and across sets (not fitted on as a whole)",
                           every_impostor, None, thresholds, say)
        checks.leave_one_sensor_out(labelled, every_impostor, pairs, say)
        if fingers:
            synthetic = _synthetic(seed, fingers, impressions, cache, workers, progress, say)
            s_genuine, s_impostor = all_pair_scores(synthetic, workers=workers, progress=progress)
            checks.observed_at("synthetic population at the real thresholds", s_impostor, s_genuine, thresholds, say)
    else:
        checks.observed_at("in-sample (the pairs fitted on)", impostor, genuine, thresholds, say)
        checks.split_half(labelled, impostor, pairs, say)
        if fvc is not None:
            checks.held_out(fvc, thresholds, workers=workers, progress=progress, echo=say)
    say(snippet)
    if verify:
        shipped = shipped_block(parameters_path)
        if shipped != snippet:
            first = next((a, b) for a, b in itertools.zip_longest(snippet.splitlines(), shipped.splitlines(),
                                                                   fillvalue="") if a != b)
            raise CalibrationMismatch(f"this run does not reproduce the shipped calibration: it writes {first[0]!r} "
                                      f"where parameters.py has {first[1]!r}")
        say("verify: this run reproduces the calibration block of parameters.py exactly")
    if write:
        written = write_parameters(snippet, parameters_path)
        write_report(transcript, report_path or REPORT)
        echo(f"wrote {written} and {report_path or REPORT}")
    return fitted


def write_report(transcript: list[str], path: Path) -> None:
    """The run's printed output as the calibration report (Markdown), written atomically."""
    text = (f"# The shipped calibration: the run that wrote it\n\nWritten by `zuil calibrate --write` on "
            f"{datetime.date.today().isoformat()}; every line below is the run's own output.\n\n```text\n"
            + "\n".join(transcript) + "\n```\n")
    write_text_atomically(path, text, mode=0o644)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--fit-on", choices=FIT_ON, default="real",
                        help="impostors to fit on: real same-set pairs of the sets under --fvc, or synthetic")
    parser.add_argument("--fvc", type=Path, default=None,
                        help="folder of FVC-style sets (one folder of <finger>_<impression> images per sensor): the "
                             "fitted set with --fit-on real, a held-out check with --fit-on synthetic")
    parser.add_argument("--fingers", type=int, default=None,
                        help=f"synthetic fingers (masters): the fitted set with --fit-on synthetic (default "
                             f"{DEFAULT_SYNTHETIC_FINGERS}), a check with --fit-on real (default none)")
    parser.add_argument("--impressions", type=int, default=2, help="impressions per synthetic finger")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="synthetic population seed")
    parser.add_argument("--cache", type=Path, default=None,
                        help=f"template cache folder (default: <data dir>/{CACHE_FOLDER}; the data dir comes from "
                             "ZUIL_CONFIG / ZUIL_DATA_DIR as for zuil)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--write", action="store_true", help="rewrite the calibration block of parameters.py")
    parser.add_argument("--verify", action="store_true", help="fail unless the run reproduces parameters.py")


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
    try:
        run(fit_on=a.fit_on, fingers=a.fingers, impressions=a.impressions, seed=a.seed, cache=a.cache, fvc=a.fvc,
            workers=a.workers, write=a.write, verify=a.verify)
    except ValueError as exc:
        print(f"calibrate: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
