"""The realism figures: singular points found where the generator put them, ridge period as drawn, impostor
quantiles as defined, and the command's report on a small synthetic set and a folder of images."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

from enrollment.evaluation import synthetic_realism
from enrollment.evaluation.print_statistics import measure
from enrollment.synthesis.generator import synthesize_master


def _master_image(seed: int, index: int):
    master = synthesize_master(seed, index)
    image = np.clip(200 - 150 * (master.pattern * 0.5 + 0.5) * master.mask(), 0, 255).astype(np.uint8)
    return master, image


def test_cores_are_counted_and_placed_where_the_master_has_them():
    found = {}
    for index in range(6):
        master, image = _master_image(5, index)
        _, stats = measure(image)
        kind = "whorl" if master.fingerprint_class == "whorl" else "loop"
        found.setdefault(kind, []).append(len(stats.cores))
        assert abs(stats.ridge_period - float(np.median(master.period))) < 0.8, index
    assert found["whorl"] and all(n == 2 for n in found["whorl"])
    assert found["loop"] and all(n == 1 for n in found["loop"])


def test_score_summary_is_the_empirical_threshold_of_the_protocol():
    scores = np.arange(20_000, dtype=np.float64)  # 0 .. 19,999
    summary = synthetic_realism.score_summary(scores)
    assert summary["pairs"] == 20_000 and summary["max"] == 19_999
    assert summary["1/1000"] == (19_980 + 19_979) / 2  # 20 scores at or above
    assert summary["1/10000"] == (19_998 + 19_997) / 2


def test_command_reports_a_synthetic_set_against_a_folder(tmp_path: Path, capsys):
    folder = tmp_path / "DB9_B"
    folder.mkdir()
    for index in range(3):
        _, image = _master_image(7, index)
        for k in (1, 2):
            cv2.imwrite(str(folder / f"{101 + index}_{k}.png"), np.roll(image, 3 * k, axis=1))
    assert synthetic_realism.main(["--seed", "11", "--fingers", "3", "--workers", "1", "--real", str(folder),
                                   "--save", str(tmp_path / "run")]) == 0
    out = capsys.readouterr().out
    assert "synthetic 11 | DB9_B" in out and "ridge period px" in out
    assert "impostors synthetic 11: 12 pairs" in out and "impostors DB9_B: 12 pairs" in out
    saved = np.load(tmp_path / "run-real.npz")
    assert len(saved["labels"]) == 6 and len(saved["impostor"]) == 12
