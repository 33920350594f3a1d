"""``zuil extract`` and ``zuil template show`` through the real CLI root."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from click.testing import CliRunner

from enrollment.extraction.overlay import legend
from kiosk.cli import main


def test_extract_reports_minutiae_and_quality_and_writes_an_overlay(sourceafis_samples, tmp_path):
    overlay = tmp_path / "overlay.png"
    result = CliRunner().invoke(main, ["extract", str(sourceafis_samples / "probe.png"), "--overlay", str(overlay)])
    assert result.exit_code == 0, result.output
    assert "minutiae" in result.output and "quality" in result.output and "(ok)" in result.output
    picture = cv2.imread(str(overlay), cv2.IMREAD_COLOR)
    assert picture.shape == (2 * 374 + legend(2 * 388).shape[0], 2 * 388, 3)  # the image, then its legend
    marks = picture[: 2 * 374]
    assert (marks[..., 2].astype(int) - marks[..., 0] > 150).any()  # red ending marks are drawn


def test_extract_refuses_a_blank_image_with_a_clear_message(tmp_path):
    blank = tmp_path / "blank.png"
    cv2.imwrite(str(blank), np.full((300, 300), 255, np.uint8))
    result = CliRunner().invoke(main, ["extract", str(blank)])
    assert result.exit_code == 2
    assert "ExtractionError" in result.output and "no usable fingerprint area" in result.output


def test_extract_refuses_a_file_that_is_no_image(tmp_path):
    junk = tmp_path / "junk.png"
    junk.write_bytes(b"not an image at all")
    result = CliRunner().invoke(main, ["extract", str(junk)])
    assert result.exit_code == 2
    assert "junk.png" in result.output


@pytest.mark.parametrize("iso", [False, True])
def test_template_written_by_extract_can_be_shown(sourceafis_samples, tmp_path, iso):
    output = tmp_path / "probe.tpl"
    args = ["extract", str(sourceafis_samples / "probe.png"), "-o", str(output)] + (["--iso"] if iso else [])
    assert CliRunner().invoke(main, args).exit_code == 0
    shown = CliRunner().invoke(main, ["template", "show", str(output)])
    assert shown.exit_code == 0, shown.output
    assert shown.output.splitlines()[0] == (f"{output}: ISO/IEC 19794-2:2005 record, 1 view" if iso
                                            else f"{output}: native template (format version 1), 1 view")
    assert "388x374" in shown.output and "ending" in shown.output and "bifurcation" in shown.output
    assert len([line for line in shown.output.splitlines() if line.strip().endswith(("ending", "bifurcation"))
                or " ending " in line or " bifurcation " in line]) >= 20


def test_template_show_refuses_a_file_that_is_no_template(tmp_path):
    junk = tmp_path / "junk.tpl"
    junk.write_bytes(b"XXXX not a template")
    result = CliRunner().invoke(main, ["template", "show", str(junk)])
    assert result.exit_code == 2
    assert "junk.tpl" in result.output and "TemplateFormatError" in result.output
