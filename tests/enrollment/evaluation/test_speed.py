"""``zuil bench speed`` on drawn images and tiny galleries: it runs, reports every figure, never fails on one."""

from __future__ import annotations

import numpy as np
from click.testing import CliRunner

from enrollment.evaluation.engines import NbisEngine
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
