"""Calibration: the run-time score -> FMR curve, the tail fit, the parallel pair scorer, the parameters writer,
the caches, the recorded inputs and a small run that reproduces its own output."""

from __future__ import annotations

import math
import re
import stat
from pathlib import Path

import numpy as np
import pytest

from enrollment.matching import FMR_1_IN_1000, FMR_1_IN_10000, FMR_1_IN_100000, fmr_of, threshold_for
from enrollment.matching import parameters as p
from enrollment.matching.calibration import checks, fit, pair_scores, parameters_block
from enrollment.matching.calibration.synthetic_set import synthetic_templates
from enrollment.matching.prepared import prepare

SHIPPED = {1e-3: FMR_1_IN_1000, 1e-4: FMR_1_IN_10000, 1e-5: FMR_1_IN_100000}
TEST_POPULATION = 4242  # not the calibration population (enrollment.matching.calibration.run.DEFAULT_SEED)


def test_fmr_of_is_monotone_and_matches_the_named_thresholds():
    grid = np.linspace(0.0, 0.2, 2001)
    curve = np.array([fmr_of(s) for s in grid])
    assert np.all(np.diff(curve) <= 0) and curve[0] == pytest.approx(1.0) and curve[-1] < 1e-7
    for fmr, threshold in SHIPPED.items():
        assert fmr_of(threshold) == pytest.approx(fmr, rel=0.05)
        assert fmr_of(threshold) <= fmr  # thresholds are rounded up, never to the permissive side
        assert threshold_for(fmr) <= threshold
    assert FMR_1_IN_1000 < FMR_1_IN_10000 < FMR_1_IN_100000


def test_threshold_for_inverts_fmr_of_across_knots_and_tail():
    for score in (0.005, p.IMPOSTOR_TAIL[2][0], 0.03, p.IMPOSTOR_TAIL[-1][0] + 0.02):
        f = fmr_of(score)
        if f < 1.0:
            assert threshold_for(f) == pytest.approx(score, abs=1e-9)


def test_fit_on_a_pareto_tail_is_empirical_above_and_modelled_below():
    rng = np.random.default_rng(11)
    xi, sigma, m = 0.1, 0.004, 300_000
    scores = sigma / xi * ((1 - rng.random(m)) ** -xi - 1)  # GPD(xi, sigma) from 0: FMR(s) = (1 + xi s/sigma)^(-1/xi)
    fitted = fit.fit(scores)
    assert fitted.tail.shape == pytest.approx(xi, abs=0.08)
    truth = lambda f: sigma / xi * (f**-xi - 1)  # noqa: E731
    for f in (1e-3, 1e-4, 1e-5, 1e-6):
        assert fitted.threshold(f) == pytest.approx(truth(f), rel=0.15)
    descending = np.sort(scores)[::-1]
    assert fitted.threshold(1e-3) == pytest.approx(fit.empirical_threshold(descending, 1e-3), rel=1e-5)
    assert fitted.threshold(1e-4) >= fit.empirical_threshold(descending, 1e-4) - 1e-6  # 30 samples: floored
    levels = [lf for _, lf in fitted.knots]
    assert levels[-1] == fit.TAIL_KNOTS_TO and np.all(np.diff([s for s, _ in fitted.knots]) > 0)


def test_empirical_floor_keeps_a_heavy_observed_tail():
    rng = np.random.default_rng(5)
    scores = rng.exponential(0.005, 200_000)
    scores[:20] = 0.2 + rng.random(20) * 0.01  # 20 outliers: the empirical 1e-4 tail sits far above the model
    fitted = fit.fit(scores)
    assert (scores >= fitted.threshold(1e-4)).sum() <= 20 and fitted.threshold(1e-4) > 0.1
    model = fitted.tail.score(1e-5) - fitted.tail.score(1e-4)
    assert fitted.threshold(1e-5) - fitted.threshold(1e-4) == pytest.approx(model, rel=0.01)  # no flat step


def test_empirical_threshold_counts_exactly():
    descending = np.arange(1000, 0, -1) / 1000.0
    t = fit.empirical_threshold(descending, 0.01)
    assert (descending >= t).sum() == 10


def test_clopper_pearson():
    low, high = checks.clopper_pearson(0, 49_920)
    assert low == 0.0 and high == pytest.approx(7.39e-5, rel=0.01)  # the "rule of three" over n, roughly
    low, high = checks.clopper_pearson(50, 1000)
    assert low < 0.05 < high and high - low < 0.03


def test_parallel_pair_scores_equal_the_serial_ones(make_finger, impression):
    rng = np.random.default_rng(17)
    fingers = [make_finger(rng) for _ in range(6)]
    labelled = [(str(i), t) for i, f in enumerate(fingers) for t in (f, impression(f, rng))]
    genuine, impostor = pair_scores.pair_scores([(label, prepare(t)) for label, t in labelled])
    g2, i2 = pair_scores.all_pair_scores(labelled, workers=2)
    assert len(g2) == 6 and len(i2) == math.comb(12, 2) - 6
    assert np.array_equal(np.sort(genuine), np.sort(g2)) and np.array_equal(np.sort(impostor), np.sort(i2))


def test_write_parameters_round_trips(tmp_path, lax_umask):
    rng = np.random.default_rng(2)
    fitted = fit.fit(rng.exponential(0.01, 50_000))
    target = tmp_path / "parameters.py"
    target.write_text(Path(p.__file__).read_text())
    target.chmod(0o644)
    parameters_block.write_parameters(parameters_block.format_parameters(fitted, "test protocol " * 20), target)
    namespace: dict = {}
    exec(target.read_text(), namespace)  # our own generated file
    assert namespace["IMPOSTOR_TAIL"] == fitted.knots and namespace["TAIL_SLOPE"] == fitted.slope
    assert namespace["FMR_1_IN_10000"] >= fitted.threshold(1e-4) > namespace["FMR_1_IN_10000"] - 1e-5
    assert namespace["MIN_FINGER_FMR"] == p.MIN_FINGER_FMR  # the rest of the file is untouched
    assert not list(tmp_path.glob(".parameters*"))
    assert stat.S_IMODE(target.stat().st_mode) == 0o644  # a module of the package keeps its mode


def test_shipped_block_is_what_the_writer_makes_of_the_shipped_curve():
    """``zuil calibrate --write`` reproduces parameters.py's block from the knots, slope and protocol it ships."""
    shipped = fit.Calibration(p.IMPOSTOR_TAIL, p.TAIL_SLOPE, 0)
    text = Path(p.__file__).read_text()
    block = text[text.index("IMPOSTOR_TAIL:"):text.index("\n)", text.index("CALIBRATION_PROTOCOL =")) + 2]
    assert parameters_block.format_parameters(shipped, p.CALIBRATION_PROTOCOL) == block + "\n"


def test_calibrate_reports_the_evaluation_harness_eer():
    """The hand-worked example of tests/enrollment/evaluation/test_metrics.py: 3/7, not the 5/12 of the
    nearest-observed-score reading calibration had of its own."""
    from enrollment.matching.calibration.run import pairs_summary

    line = pairs_summary(np.array([0.2, 0.5, 0.9]), np.array([0.1, 0.3, 0.5, 0.6]))
    assert line == "pairs: 4 impostor (every pair of different fingers), 3 genuine; EER 42.86 %"


def test_scores_cache_is_written_whole_and_private(tmp_path, lax_umask):
    from enrollment.matching.calibration.run import save_scores

    target = tmp_path / "900000" / "abc" / "scores-2x2.npz"
    genuine, impostor, pairs = np.array([0.5, 0.6]), np.array([0.01, 0.02, 0.03]), np.array([[0, 2], [0, 3], [1, 2]])
    save_scores(target, genuine, impostor, pairs)
    assert [f.name for f in target.parent.iterdir()] == [target.name]  # no temporary left beside it
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with np.load(target) as saved:
        assert np.array_equal(saved["genuine"], genuine) and np.array_equal(saved["impostor"], impostor)
        assert np.array_equal(saved["pairs"], pairs)


def test_synthetic_templates_are_cached_and_reused(tmp_path, lax_umask):
    first = synthetic_templates(TEST_POPULATION, 1, 1, cache=tmp_path)
    cached = list(tmp_path.rglob("*.tpl")) + list(tmp_path.rglob("*.none"))
    assert len(cached) == 1
    assert [f for f in tmp_path.rglob("*") if f.is_file()] == cached  # written atomically: nothing else left
    assert stat.S_IMODE(cached[0].stat().st_mode) == 0o600  # through atomic_files, whatever the umask
    again = synthetic_templates(TEST_POPULATION, 1, 1, cache=tmp_path)
    assert [label for label, _ in again] == [label for label, _ in first]
    if first:
        assert np.array_equal(first[0][1].positions, again[0][1].positions)


@pytest.mark.timeout(1800)  # only for hangs: rendering and extracting 144 synthetic images takes a minute or two
def test_a_small_calibration_run_reproduces_its_own_output(tmp_path, lax_umask):
    """``zuil calibrate --write`` then ``--verify`` from the same inputs: the same block, byte for byte, with the
    inputs it came from recorded in it; a block that differs by one digit is refused."""
    from enrollment.matching.calibration.run import CalibrationMismatch, run

    target, report = tmp_path / "parameters.py", tmp_path / "RESULTS.md"
    target.write_text(Path(p.__file__).read_text())
    printed: list[str] = []
    options = dict(fit_on="synthetic", fingers=72, impressions=2, seed=TEST_POPULATION, cache=tmp_path / "cache",
                   workers=1, progress=False, parameters_path=target, report_path=report)
    first = run(write=True, echo=printed.append, **options)
    written = target.read_text()
    block = parameters_block.shipped_block(target)
    assert block in "\n".join(printed) + "\n" and "Inputs: templates " in block and "impostor scores " in block
    again = run(verify=True, echo=lambda _: None, **options)
    assert again == first and target.read_text() == written
    assert report.read_text().count("IMPOSTOR_TAIL") == 1  # the report is the run's own output
    target.write_text(written.replace("FMR_1_IN_1000 = 0.", "FMR_1_IN_1000 = 1."))
    with pytest.raises(CalibrationMismatch, match="FMR_1_IN_1000"):
        run(verify=True, echo=lambda _: None, **options)


def test_calibration_on_real_sets_fits_the_same_set_pairs_only():
    """The kiosk compares prints of one scanner model: pairs across two sets are a check, never fitted on."""
    from enrollment.matching.calibration.real_set import same_sensor, sensor_of

    labelled = [("DB1_B/1", None), ("DB1_B/2", None), ("DB2_B/1", None)]
    pairs = np.array([[0, 1], [0, 2], [1, 2]])
    assert same_sensor(labelled, pairs).tolist() == [True, False, False]
    assert sensor_of("some/set/DB3_B/105") == "some/set/DB3_B"


def test_fit_needs_enough_impostors_and_sizes_its_tail_to_the_set():
    with pytest.raises(ValueError, match="too few"):
        fit.fit(np.linspace(0, 0.05, fit.MIN_IMPOSTORS - 1))
    assert fit.tail_samples(11_520) == 230 and fit.tail_samples(1_998_000) == fit.TAIL_SAMPLES


def test_real_calibration_without_the_sets_is_refused_in_one_line():
    from click.testing import CliRunner

    from kiosk.cli import main

    result = CliRunner().invoke(main, ["calibrate"])
    assert result.exit_code != 0 and "--fvc" in result.output and "Traceback" not in result.output


def test_calibrate_command_is_registered_and_documented():
    from click.testing import CliRunner

    from kiosk.commands import COMMANDS

    command = next(c for c in COMMANDS if c.name == "calibrate")
    result = CliRunner().invoke(command, ["--help"])
    assert result.exit_code == 0 and "--write" in result.output and "--fvc" in result.output
    assert CliRunner().invoke(command, ["--fingers", "10"]).exit_code != 0  # too few for a fit: refused early


ABSOLUTE_PATH = re.compile(r"(?:^|[\s(=`'\"])/[A-Za-z]")  # a path from the root of one machine's file system


def test_calibrate_cache_defaults_to_a_folder_under_the_data_dir(tmp_path):
    import click

    from kiosk.cli import main
    from kiosk.settings import CliState

    command = main.commands["calibrate"]
    with click.Context(main, obj=CliState(None, str(tmp_path / "data"))) as parent:
        context = command.make_context("calibrate", [], parent=parent)
    assert context.params["cache"] == tmp_path / "data" / "calibration-cache"
    with click.Context(main, obj=CliState(None, str(tmp_path / "data"))) as parent:
        context = command.make_context("calibrate", ["--cache", str(tmp_path / "mine")], parent=parent)
    assert context.params["cache"] == tmp_path / "mine"


def test_python_m_calibrate_caches_under_the_data_dir_from_the_environment(tmp_path, monkeypatch):
    from enrollment.matching.calibration.run import parse_arguments

    monkeypatch.delenv("ZUIL_CONFIG", raising=False)
    monkeypatch.setenv("ZUIL_DATA_DIR", str(tmp_path))
    assert parse_arguments([]).cache == tmp_path / "calibration-cache"
    assert parse_arguments(["--cache", str(tmp_path / "x")]).cache == tmp_path / "x"


def test_calibrate_help_and_benchmark_examples_name_no_machine_path():
    from click.testing import CliRunner

    from enrollment.matching.calibration.run import CACHE_FOLDER
    from kiosk.cli import main

    result = CliRunner().invoke(main, ["calibrate", "--help"])
    assert result.exit_code == 0 and f"<data dir>/{CACHE_FOLDER}" in " ".join(result.output.split())
    assert not ABSOLUTE_PATH.search(result.output), result.output
    readme = (Path(__file__).parents[3] / "README.md").read_text(encoding="utf-8")
    benchmarking = readme.split("### Benchmarking on real prints", 1)[1].split("\n## ", 1)[0]
    assert "--dataset <FVC2002>/DB1_B" in benchmarking
    assert not ABSOLUTE_PATH.search(benchmarking), benchmarking
