"""A tiny end-to-end ``zuil bench accuracy`` run on synthetic images: table, PNGs and score CSVs."""

from __future__ import annotations

import csv

from click.testing import CliRunner
from PIL import Image

from enrollment.evaluation import accuracy
from enrollment.evaluation.engines import BaselineEngine
from enrollment.evaluation.protocol import load_dataset
from kiosk.cli import main


def test_bench_accuracy_end_to_end_with_nbis_side_by_side(synthetic_set, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["bench", "accuracy", "--dataset", str(synthetic_set), "--compare", "nbis",
                                       "--compare", "baseline", "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    text = result.output
    header = next(line for line in text.splitlines() if line.strip().startswith("zuil"))
    assert header.split() == ["zuil", "nbis", "baseline"]  # the default engine is ours now that it has landed
    assert "zuil at its shipped FMR_1_IN_10000" in text
    for label in ("EER", "FNMR @ FMR 1/100", "FNMR @ FMR 1/1,000", "FNMR @ FMR 1/10,000", "FNMR @ FMR 0",
                  "failures to extract", "9 / 27", "synthetic", "machine:", "CPU:", "numpy", "method:"):
        assert label in text
    for name in ("det.png", "histograms.png"):
        with Image.open(out / name) as image:
            assert image.format == "PNG" and image.size[0] > 300
    for engine in ("zuil", "nbis", "baseline"):
        with (out / f"scores-{engine}.csv").open(newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert len(rows) == 36 and sum(r["genuine"] == "1" for r in rows) == 9
        assert rows[0]["a"] == "1_1.png" and rows[0]["b"] == "1_2.png"
        assert all(r["score"] for r in rows)  # every synthetic image yielded a template


def test_drawn_genuine_pairs_outscore_impostors_with_the_baseline(drawn_set):
    report = accuracy.run(load_dataset(drawn_set), [BaselineEngine()], workers=1, progress=False)
    summary = report.results[0].summary
    assert summary.eer.eer == 0.0  # shifted copies of one pattern: the correlation separates them fully
    assert not report.results[0].failures


def test_unreadable_image_is_a_failure_to_extract_not_a_crash(drawn_set):
    (drawn_set / "105_1.png").write_bytes(b"garbage")
    report = accuracy.run(load_dataset(drawn_set), [BaselineEngine()], workers=1, progress=False)
    result = report.results[0]
    assert len(result.failures) == 1 and "105_1.png: not a PNG" in next(iter(result.failures.values()))
    assert any("failed to extract 1 image" in line for line in accuracy.table(report))
