"""The engines: NBIS through nbis-py (records, resolution) and the baseline's behaviour on known inputs."""

from __future__ import annotations

import numpy as np
import pytest

from enrollment.evaluation.engines import BaselineEngine, NbisEngine
from enrollment.evaluation.engines.nbis import nbis_record
from enrollment.evaluation.images import read_grey
from enrollment.evaluation.population import synthesize


def test_nbis_record_loads_in_nbis_with_the_same_minutiae():
    template = synthesize(2, seed=1).subjects[0][7]
    loaded = NbisEngine().from_template(template).get()
    assert len(loaded) == len(template)
    assert [(m.x(), m.y()) for m in loaded] == [tuple(map(int, p)) for p in template.positions]
    assert [m.kind().value for m in loaded] == list(template.kinds)
    record = nbis_record(template)
    assert record[:8] == b"FMR\0 20\0" and int.from_bytes(record[8:12], "big") == len(record)


def test_nbis_engine_brings_other_resolutions_to_500_dpi(synthetic_set):
    import cv2

    engine = NbisEngine()
    array, dpi = read_grey(synthetic_set / "1_1.png")
    doubled = cv2.resize(array, (array.shape[1] * 2, array.shape[0] * 2), interpolation=cv2.INTER_CUBIC)
    minutiae = engine.load(engine.extract_array(doubled, 2 * dpi)).get()
    assert minutiae and max(m.x() for m in minutiae) < array.shape[1] and max(m.y() for m in minutiae) < array.shape[0]


def test_baseline_scores_a_shifted_copy_high_and_another_finger_low(drawn_set):
    engine = BaselineEngine()
    a = engine.prepare(drawn_set / "101_1.png")
    shifted = engine.spectrum(np.roll(read_grey(drawn_set / "101_1.png")[0], (6, -4), axis=(0, 1)), 500)
    other = engine.prepare(drawn_set / "102_1.png")
    assert engine.score(a, a) == pytest.approx(1.0, abs=1e-3)
    assert engine.score(a, shifted) > 0.3 > engine.score(a, other)
