"""``zuil match`` / ``zuil identify`` and the template readers they use."""

from __future__ import annotations

from click.testing import CliRunner

from enrollment.template import to_iso
from kiosk.cli import main


def test_match_prints_score_and_band(sourceafis_samples):
    """The genuine pair is two images of one finger (the published iso-probe.dat and iso-matching.dat are one
    template, byte for byte); the impostor pair is read from the ISO samples."""
    runner = CliRunner()
    same = runner.invoke(main, ["match", str(sourceafis_samples / "probe.png"),
                                str(sourceafis_samples / "matching.png")])
    assert same.exit_code == 0 and "FMR below 1/100,000" in same.output
    other = runner.invoke(main, ["match", str(sourceafis_samples / "iso-probe.dat"),
                                 str(sourceafis_samples / "iso-nonmatching.dat")])
    assert other.exit_code == 0 and "no match" in other.output


def test_identify_ranks_the_mate_first_and_marks_the_hit(tmp_path, rng, make_finger, impression):
    gallery = tmp_path / "gallery"
    gallery.mkdir()
    fingers = {f"p{i}": make_finger(rng, 2) for i in range(30)}
    for subject, template in fingers.items():
        (gallery / f"{subject}_2.iso").write_bytes(to_iso(template))
    probe = tmp_path / "probe_2.iso"
    probe.write_bytes(to_iso(impression(fingers["p17"], rng)))
    result = CliRunner().invoke(main, ["identify", str(probe), "--gallery", str(gallery), "--limit", "3"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "30 persons" in lines[0]
    assert lines[1].split()[1:3] == ["HIT", "p17"]


def test_unreadable_input_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.iso"
    bad.write_bytes(b"FMR\0 20\0garbage")
    result = CliRunner().invoke(main, ["match", str(bad), str(bad)])
    assert result.exit_code == 2 and "TemplateFormatError" in result.output
