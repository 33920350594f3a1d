"""``zuil bench gallery`` on a tiny store: a real encrypted store is made once, then reused, and loaded by phase."""

from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner

from enrollment.evaluation import gallery_load, parameters
from enrollment.evaluation.gallery_store import open_store, store_folder
from enrollment.records.enrolled_prints import enrolled_prints
from kiosk.cli import main

pytestmark = pytest.mark.timeout(600)


def test_the_command_makes_a_store_loads_it_and_reuses_it(tmp_path):
    args = ["bench", "gallery", "--sizes", "3,5", "--store-dir", str(tmp_path / "stores"), "--workers", "1",
            "--quiet"]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    lines = first.output.splitlines()
    assert lines[0].split()[:2] == ["persons", "prints"]
    assert lines[1].split()[:2] == ["3", "6"] and lines[2].split()[:2] == ["5", "10"]
    assert "machine:" in first.output and "made this run: 3 persons in" in first.output
    again = CliRunner().invoke(main, args)
    assert again.exit_code == 0, again.output
    assert "made this run: none (reused)" in again.output


def test_the_store_holds_sealed_prints_the_kiosk_reads(tmp_path):
    store, made = open_store(tmp_path, 4, seed=5, workers=1)
    try:
        with store.transaction() as session:
            prints = list(enrolled_prints(session))
    finally:
        store.close()
    assert made and len(prints) == 8 and len({p.person_id for p in prints}) == 4
    assert sorted({p.finger_position for p in prints}) == sorted(parameters.PROBE_POSITIONS)
    database = store_folder(tmp_path, 4, 5) / "records.sqlite3"
    with sqlite3.connect(database) as connection:
        sealed = connection.execute("SELECT template_sealed FROM captures").fetchall()
    assert len(sealed) == 8 and all(row[0][:2] == b"ZF" for row in sealed)  # envelopes, not native templates
    assert not any(b"AZTM" in row[0] for row in sealed)


def test_a_half_made_store_is_made_again(tmp_path):
    folder = store_folder(tmp_path, 2, gallery_load.parameters.GALLERY_LOAD_SEED)
    folder.mkdir(parents=True)
    (folder / "records.sqlite3").write_bytes(b"left by a killed run")
    result = gallery_load.run_size(tmp_path, 2, workers=1)
    assert result.prints == 4 and result.store_made_s is not None
    assert result.total_s == pytest.approx(result.read_decrypt_s + result.decode_s + result.index_s)


@pytest.mark.parametrize("sizes", ["ten", "0", "5,-1", ""])
def test_a_bad_size_is_refused_in_one_line(sizes, tmp_path):
    result = CliRunner().invoke(main, ["bench", "gallery", "--sizes", sizes, "--store-dir", str(tmp_path)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert not any(tmp_path.iterdir())
