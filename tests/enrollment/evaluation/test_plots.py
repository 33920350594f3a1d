"""The DET plot: one curve per engine, each with its equal error rate marked on the curve and in the legend."""

from __future__ import annotations

import stat

import cv2
import numpy as np
import pytest

from enrollment.evaluation.metrics import equal_error_rate, error_curve
from enrollment.evaluation.plots import det_plot, histograms


def test_det_plot_marks_and_states_each_engines_eer(tmp_path):
    rng = np.random.default_rng(7)
    curves = [(name, error_curve(rng.normal(shift, 1.0, 300), rng.normal(0.0, 1.0, 3000)))
              for name, shift in (("zuil", 3.0), ("nbis", 1.5))]
    path = tmp_path / "det.png"
    drawn = det_plot(curves, path, "DET, test")
    assert cv2.imread(str(path)) is not None
    for (name, curve), (marked, eer, x, y) in zip(curves, drawn.eer_markers, strict=True):
        expected = equal_error_rate(curve).eer
        assert marked == name and eer == expected and 0.0 < eer < 0.5
        assert (x, y) == pytest.approx((expected, expected))  # on the FMR = FNMR diagonal, where the curve meets it
        assert f"{name} (EER {100 * expected:.2f} %)" in drawn.legend
    assert "EER: where FMR = FNMR" in drawn.legend and "FMR = FNMR" in drawn.legend


def test_a_zero_eer_is_marked_at_the_drawn_floor(tmp_path):
    curve = error_curve(np.full(40, 0.9), np.linspace(0.0, 0.5, 400))  # perfectly separated
    ((_, eer, x, y),) = det_plot([("perfect", curve)], tmp_path / "det.png", "DET").eer_markers
    assert eer == 0.0 and (x, y) == pytest.approx((0.5 / 400, 0.5 / 40))  # where the plot draws a zero rate


def test_plots_are_written_atomically_and_privately(tmp_path, lax_umask):
    rng = np.random.default_rng(3)
    genuine, impostor = rng.normal(2.0, 1.0, 50), rng.normal(0.0, 1.0, 200)
    det_plot([("zuil", error_curve(genuine, impostor))], tmp_path / "det.png", "DET")
    histograms([("zuil", genuine, impostor)], tmp_path / "histograms.png", "scores")
    assert sorted(f.name for f in tmp_path.iterdir()) == ["det.png", "histograms.png"]  # no temporary left
    for name in ("det.png", "histograms.png"):
        assert cv2.imread(str(tmp_path / name)) is not None
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600  # like the scores CSVs beside them
