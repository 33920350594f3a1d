from __future__ import annotations

import json

import cv2
import numpy as np
from click.testing import CliRunner

from enrollment.synthesis.contact_sheet import CAPTION_HEIGHT
from enrollment.synthesis.generator import render_impression, synthesize_master
from kiosk.cli import main


def test_synth_writes_fvc_named_images_and_a_manifest(tmp_path):
    out = tmp_path / "set"
    result = CliRunner().invoke(main, ["synth", "--fingers", "2", "--impressions", "2", "--seed", "4",
                                       "--out", str(out), "--width", "300", "--height", "320"])
    assert result.exit_code == 0, result.output
    assert sorted(f.name for f in out.iterdir()) == ["1_1.png", "1_2.png", "2_1.png", "2_2.png", "manifest.json"]
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["format_version"] == 1 and manifest["seed"] == 4
    entry = next(e for e in manifest["images"] if e["file"] == "2_1.png")
    assert entry["finger"] == 2 and entry["impression"] == 1
    assert {"class", "knobs"} <= set(entry) and "pressure" in entry["knobs"]
    assert (out / "2_1.png").stat().st_mode & 0o044  # readable by others (umask permitting), unlike mkstemp's 0600
    image = cv2.imread(str(out / "2_1.png"), cv2.IMREAD_UNCHANGED)
    assert image.shape == (320, 300) and image.dtype == np.uint8
    # file 2_1 is finger index 1, impression index 0 of the library API
    expected = render_impression(synthesize_master(4, 1), 4, 0, width=300, height=320)
    assert np.array_equal(image, expected.image)
    assert entry["class"] == expected.fingerprint_class


def test_contact_sheet_with_a_real_print_on_top(tmp_path, sourceafis_samples):
    sheet = tmp_path / "sheet.png"
    result = CliRunner().invoke(main, ["synth", "--fingers", "1", "--impressions", "2", "--contact-sheet", str(sheet),
                                       "--compare", str(sourceafis_samples / "probe.png")])
    assert result.exit_code == 0, result.output
    image = cv2.imread(str(sheet), cv2.IMREAD_GRAYSCALE)
    assert image.shape == (2 * (374 + CAPTION_HEIGHT) + 6, 2 * 388 + 6)  # each image captioned underneath
    assert [f.name for f in tmp_path.iterdir()] == ["sheet.png"]  # no temporary files left


def test_synth_needs_exactly_one_destination(tmp_path):
    assert CliRunner().invoke(main, ["synth"]).exit_code == 2
    both = ["synth", "--out", str(tmp_path / "a"), "--contact-sheet", str(tmp_path / "b.png")]
    assert CliRunner().invoke(main, both).exit_code == 2


def test_synth_writes_impressions_of_a_named_condition(tmp_path):
    out = tmp_path / "dry"
    result = CliRunner().invoke(main, ["synth", "--fingers", "1", "--impressions", "1", "--seed", "4",
                                       "--out", str(out), "--condition", "dry"])
    assert result.exit_code == 0, result.output
    entry = json.loads((out / "manifest.json").read_text())["images"][0]
    assert entry["condition"] == "dry" and entry["knobs"]["pressure"] <= -0.75
    expected = render_impression(synthesize_master(4, 0), 4, 0, condition="dry")
    assert np.array_equal(cv2.imread(str(out / "1_1.png"), cv2.IMREAD_UNCHANGED), expected.image)
