"""``zuil bench speed`` on drawn images and tiny galleries: it runs, reports every figure, never fails on one."""

from __future__ import annotations

import numpy as np
from click.testing import CliRunner

from enrollment.errors import ExtractionError
from enrollment.evaluation.engines import NbisEngine
from enrollment.evaluation.engines.base import TwoStageEngine
from enrollment.evaluation.population import mated_probe, synthesize
from kiosk.cli import main


def test_bench_speed_quick_reports_both_engines(drawn_set):
    result = CliRunner().invoke(main, ["bench", "speed", "--engine", "baseline", "--compare", "nbis", "--quick",
                                       "--gallery-sizes", "20,60", "--images", str(drawn_set), "--quiet"])
    assert result.exit_code == 0, result.output
    text = result.output
    for label in ("extraction ms/img, median", "extraction ms/img, p95", "1:1 comparisons/s (1 core)",
                  "1:N 20 fingers: ms/search", "1:N 60 fingers: ms/search", "peak RSS MiB", "machine:", "method:",
                  "estimate from 1:1 rate"):
        assert label in text, label
    nbis_row = next(line for line in text.splitlines() if line.startswith("1:N 60 fingers"))
    assert nbis_row.split()[-1] != "-"  # NBIS searched the synthetic gallery


def test_bad_gallery_sizes_are_refused(drawn_set):
    result = CliRunner().invoke(main, ["bench", "speed", "--engine", "baseline", "--gallery-sizes", "ten",
                                       "--images", str(drawn_set)])
    assert result.exit_code == 2 and "comma-separated" in result.output


def test_population_is_seeded_and_mated_probes_score_above_others():
    population = synthesize(40, seed=5)
    again = synthesize(40, seed=5)
    assert len(population.subjects) == 20 and population.finger_count == 40
    first, second = population.subjects[0][2], again.subjects[0][2]
    assert np.array_equal(first.positions, second.positions)
    engine = NbisEngine()
    probe = mated_probe(population, 3, seed=9)
    scores = [engine.score(engine.from_template(probe[2]), engine.from_template(s[2])) for s in population.subjects]
    assert int(np.argmax(scores)) == 3


def test_loop_search_beyond_the_cap_is_extrapolated_and_said_so():
    from enrollment.evaluation.speed import loop_search

    population = synthesize(200, seed=2)
    searches = loop_search(NbisEngine(), population, [40, 200], cap=40, searches=2, seed=3, progress=False)
    assert [s.gallery_fingers for s in searches] == [40, 200]
    assert searches[0].how == "loop"
    assert "extrapolated x5" in searches[1].how and "40 fingers" in searches[1].how
    assert all(s.median_ms > 0 for s in searches)


def test_default_timing_images_include_synthetic_impressions(tmp_path):
    from enrollment.evaluation.speed_report import images_for_timing

    images = images_for_timing(None, 12, tmp_path)
    synthetic = [p for p in images if p.name.startswith("synthetic_")]
    assert len(synthetic) == 9 and all(p.is_file() for p in images)


def test_bench_speed_drives_the_gallery_index_of_our_engine(drawn_set):
    result = CliRunner().invoke(main, ["bench", "speed", "--engine", "zuil", "--quick", "--gallery-sizes", "20,60",
                                       "--images", str(drawn_set), "--quiet"])
    assert result.exit_code == 0, result.output
    build = next(line for line in result.output.splitlines() if line.startswith("1:N 60: index build s"))
    assert build.split()[-1] != "-"
    assert "zuil, 60 fingers: mated subject ranked first in" in result.output


class _RecordingEngine(TwoStageEngine):
    """Records the order of ``prepare`` calls; the thing under test is the harness's scheduling, not an engine."""

    def __init__(self, name: str, calls: list[tuple[str, str]], fail_on: str = "") -> None:
        self.name, self.calls, self.fail_on = name, calls, fail_on

    def extract(self, path, dpi=None):
        self.calls.append((self.name, path.name))
        if path.name == self.fail_on:
            raise ExtractionError(f"{path.name}: refused by the recording engine")
        return path.name

    def score(self, a, b):
        return 0.0


def test_extraction_timing_interleaves_the_engines_in_alternating_order(tmp_path):
    from enrollment.evaluation.speed import time_extraction

    images = [tmp_path / f"{k}.png" for k in range(4)]
    calls: list[tuple[str, str]] = []
    engines = [_RecordingEngine("a", calls), _RecordingEngine("b", calls, fail_on="2.png")]
    results = time_extraction(engines, images, rounds=2, progress=False)
    timed = calls[2:]  # after one untimed warm-up call per engine
    assert calls[:2] == [("a", "0.png"), ("b", "0.png")]
    expected = []
    for turn, image in enumerate(images * 2):
        order = ["a", "b"] if turn % 2 == 0 else ["b", "a"]
        expected += [(name, image.name) for name in order]
    assert timed == expected
    (a, a_items), (b, b_items) = results
    assert a_items == ["0.png", "1.png", "2.png", "3.png"] and b_items == ["0.png", "1.png", "3.png"]
    assert (a.images, a.failures, b.images, b.failures) == (4, 0, 4, 1)
    assert a.paired_ratio == 1.0 and b.paired_ratio > 0
    assert a.median_ms > 0 and b.p95_ms >= b.median_ms


def test_bench_speed_compare_reports_the_paired_ratio(drawn_set):
    result = CliRunner().invoke(main, ["bench", "speed", "--engine", "baseline", "--compare", "nbis", "--quick",
                                       "--gallery-sizes", "20", "--images", str(drawn_set), "--quiet"])
    assert result.exit_code == 0, result.output
    row = next(line for line in result.output.splitlines() if line.startswith("extraction time / baseline's"))
    assert row.split()[-2] == "1.00" and float(row.split()[-1]) > 0
    assert "engines interleaved" in result.output


def test_timings_run_on_one_core_with_opencv_on_one_thread_and_both_are_given_back():
    import os

    import cv2

    from enrollment.evaluation.speed import one_core

    cv2.setNumThreads(2)
    cores = os.sched_getaffinity(0)
    with one_core() as said:
        assert cv2.getNumThreads() == 1 and len(os.sched_getaffinity(0)) == 1
        assert "OpenCV on 1 thread" in said
    assert cv2.getNumThreads() == 2 and os.sched_getaffinity(0) == cores
