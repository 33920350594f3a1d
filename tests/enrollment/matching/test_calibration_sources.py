"""The shipped calibration block names the extractor and matcher source it was made with; this test fails when
either source changed since, so that the change comes with a re-run of `zuil calibrate --fvc <FVC2002> --verify`
(or `--write`, reviewed) instead of thresholds that `--verify` no longer reproduces (found at HEAD once: the
WSQ encoder and the match-evidence refactor had moved both hashes unnoticed)."""

from __future__ import annotations

import re

from enrollment.matching.calibration.inputs import extractor_version, matcher_version
from enrollment.matching.parameters import CALIBRATION_PROTOCOL

RERUN = "re-run `zuil calibrate --fvc <FVC2002> --verify` (or `--write`) and commit what it writes"


def test_the_shipped_calibration_names_todays_extractor_and_matcher_source():
    recorded = dict(re.findall(r"(extractor|matcher) ([0-9a-f]{12})", CALIBRATION_PROTOCOL))
    assert recorded.get("extractor") == extractor_version(), f"the extractor's source changed: {RERUN}"
    assert recorded.get("matcher") == matcher_version(), f"the matcher's source changed: {RERUN}"
