"""The evaluation harness reads its user-given files (pairs CSV, dataset manifest) with a bound: a FIFO or a
device is refused by name at once instead of blocking, an oversized file before it is read."""

from __future__ import annotations

import os

import pytest

from enrollment.evaluation import parameters
from enrollment.evaluation.pairs_file import PairsFileError, read_pairs
from enrollment.evaluation.protocol import DatasetError, _manifest_dpi

pytestmark = pytest.mark.timeout(60)  # a read that blocks on a FIFO is a hang


def test_a_fifo_as_pairs_file_is_refused_by_name(tmp_path):
    fifo = tmp_path / "pairs.csv"
    os.mkfifo(fifo)
    with pytest.raises(PairsFileError, match=r"pairs\.csv: a FIFO, not a regular file"):
        read_pairs(fifo)


def test_an_oversized_pairs_file_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "pairs.csv"
    with big.open("wb") as handle:  # sparse: no disk, no memory
        handle.truncate(parameters.MAX_PAIRS_FILE_BYTES + 1)
    with pytest.raises(PairsFileError, match="larger than"):
        read_pairs(big)


def test_a_missing_pairs_file_is_named(tmp_path):
    with pytest.raises(PairsFileError, match="does not exist"):
        read_pairs(tmp_path / "nope.csv")


def test_a_fifo_as_manifest_is_refused_by_name(tmp_path):
    os.mkfifo(tmp_path / parameters.MANIFEST_NAME)
    with pytest.raises(DatasetError, match="a FIFO, not a regular file"):
        _manifest_dpi(tmp_path / parameters.MANIFEST_NAME)


def test_a_deeply_nested_manifest_is_a_clear_error(tmp_path):
    manifest = tmp_path / parameters.MANIFEST_NAME
    manifest.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(DatasetError, match="not readable JSON"):
        _manifest_dpi(manifest)
