"""``zuil score-pairs``: order kept, each image extracted once, clear errors, atomic output."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from enrollment.errors import ExtractionError
from enrollment.evaluation.engines import BaselineEngine
from enrollment.evaluation.pairs_file import PairsFileError, read_pairs, score_file, write_atomically
from kiosk.cli import main


class CountingEngine(BaselineEngine):
    """The real baseline engine, counting how often it extracts each image (in this process)."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: dict[str, int] = {}

    def extract(self, path, dpi=None):
        self.calls[Path(path).name] = self.calls.get(Path(path).name, 0) + 1
        return super().extract(path, dpi)


def _pairs_csv(folder: Path, rows: list[tuple[str, str]], header: str = "a,b") -> Path:
    path = folder / "pairs.csv"
    path.write_text(header + "\n" + "".join(f"{a},{b}\n" for a, b in rows), encoding="utf-8")
    return path


ROWS = [("101_1.png", "101_2.png"), ("102_1.png", "101_1.png"), ("101_2.png", "101_1.png"),
        ("103_3.png", "104_1.png"), ("101_1.png", "101_1.png")]


def test_each_distinct_image_is_extracted_once_and_order_is_kept(drawn_set, tmp_path):
    engine = CountingEngine()
    out = tmp_path / "scores.csv"
    result = score_file(_pairs_csv(drawn_set, ROWS), out, engine, workers=1, progress=False)
    assert engine.calls == {"101_1.png": 1, "101_2.png": 1, "102_1.png": 1, "103_3.png": 1, "104_1.png": 1}
    with out.open(newline="") as handle:
        written = list(csv.reader(handle))
    assert written[0] == ["a", "b", "score"]
    assert [tuple(r[:2]) for r in written[1:]] == ROWS
    scores = [float(r[2]) for r in written[1:]]
    assert scores == pytest.approx(result.scores)
    assert scores[0] == pytest.approx(scores[2])  # symmetric pair
    assert scores[4] == pytest.approx(1.0)  # an image against itself
    assert scores[0] > scores[1]  # genuine above impostor


def test_workers_give_the_same_scores_in_the_same_order(drawn_set, tmp_path):
    rows = [(f"10{f}_{i}.png", f"10{g}_{j}.png") for f in (1, 2) for g in (1, 3) for i in (1, 2) for j in (2, 3)]
    one = score_file(_pairs_csv(drawn_set, rows), tmp_path / "one.csv", BaselineEngine(), workers=1, progress=False)
    two = score_file(_pairs_csv(drawn_set, rows), tmp_path / "two.csv", BaselineEngine(), workers=2, progress=False)
    assert one.scores == two.scores
    assert (tmp_path / "one.csv").read_text() == (tmp_path / "two.csv").read_text()


def test_cli_scores_pairs_and_leaves_empty_score_for_an_unusable_image(drawn_set, tmp_path):
    (drawn_set / "broken.png").write_bytes(b"not an image at all")
    pairs = _pairs_csv(drawn_set, [("101_1.png", "101_2.png"), ("broken.png", "101_1.png")])
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(main, ["score-pairs", str(pairs), "--out", str(out), "--engine", "baseline",
                                       "--quiet"])
    assert result.exit_code == 0, result.output
    assert "1 failed to extract" in result.output
    lines = out.read_text().splitlines()
    assert lines[2] == "broken.png,101_1.png,"
    assert float(lines[1].split(",")[2]) > 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("x,y\n101_1.png,101_2.png\n", "lacks column"),
        ("", "empty file"),
        ("a,b\n", "no pairs"),
        ("a,b\n101_1.png,101_2.png\n101_1.png,\n", "row 3: column a or b is empty"),
        ("a,b\n101_1.png,101_2.png\n101_1.png,nowhere.png\n", r"row 3: image .*nowhere\.png \(column b\)"),
    ],
)
def test_malformed_pairs_files_are_refused_with_the_row(drawn_set, tmp_path, content, message):
    pairs = drawn_set / "pairs.csv"
    pairs.write_text(content, encoding="utf-8")
    with pytest.raises(PairsFileError, match=message):
        read_pairs(pairs)
    result = CliRunner().invoke(main, ["score-pairs", str(pairs), "--out", str(tmp_path / "o.csv"), "--engine",
                                       "baseline", "--quiet"])
    assert result.exit_code == 2 and "PairsFileError" in result.output
    assert not (tmp_path / "o.csv").exists()


def test_missing_pairs_file_and_binary_content(tmp_path):
    with pytest.raises(PairsFileError, match="does not exist"):
        read_pairs(tmp_path / "absent.csv")
    (tmp_path / "bin.csv").write_bytes(b"a,b\n\xff\xfe\x00\x81,x\n")
    with pytest.raises(PairsFileError, match="UTF-8"):
        read_pairs(tmp_path / "bin.csv")


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_fuzzed_pairs_files_parse_or_raise_pairs_file_error(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "pairs.csv"
    path.write_bytes(data)
    try:
        rows = read_pairs(path, check_files=False)
    except PairsFileError:
        return
    assert rows and all(r.a and r.b for r in rows)


def test_atomic_write_keeps_the_old_file_when_writing_fails(tmp_path):
    target = tmp_path / "scores.csv"
    target.write_text("old\n")

    def rows():
        yield ("a", "b", "score")
        raise ExtractionError("boom")

    with pytest.raises(ExtractionError):
        write_atomically(target, rows())
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["scores.csv"]
