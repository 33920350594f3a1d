"""Every user-given file is read with a bound: non-regular files and oversized files are refused unread.

The oversized files are sparse (``truncate``): 1.5 GB on paper, no blocks on disk. That nothing was read is
checked as a memory bound (tracemalloc's peak far below the file's size), not as a speed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

import enrollment.extraction  # noqa: F401  (imported before tracing, so that imports do not count below)
from enrollment.bounded_read import InputFileError, InputTooLargeError, NotRegularFileError, read_bounded
from enrollment.template import Template, to_iso
from kiosk.cli import main

SPARSE_SIZE = 1_500_000_000
PEAK_LIMIT = SPARSE_SIZE // 10  # whatever the commands allocate, it is far less than the file
HANG_TIMEOUT_S = 120  # only for a hang: a blocked open on a FIFO never returns


def _sparse(path: Path, size: int = SPARSE_SIZE) -> Path:
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


def _peak_bytes(run):
    tracemalloc.start()
    try:
        result = run()
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return result, peak


def test_reads_a_regular_file_up_to_the_limit(tmp_path):
    path = tmp_path / "f.bin"
    path.write_bytes(b"x" * 100)
    assert read_bounded(path, 100) == b"x" * 100
    assert read_bounded(str(path), 1000) == b"x" * 100
    with pytest.raises(InputTooLargeError, match=rf"{path}: file of 100 bytes is larger than 99"):
        read_bounded(path, 99)
    empty = tmp_path / "empty"
    empty.write_bytes(b"")
    assert read_bounded(empty, 10) == b""


def test_a_regular_file_whose_size_stat_does_not_know_is_still_bounded():
    status = Path("/proc/self/status")  # a regular file that stat says holds 0 bytes
    assert os.stat(status).st_size == 0
    assert b"Name:" in read_bounded(status, 1 << 16)
    with pytest.raises(InputTooLargeError, match="grew past 10 bytes"):
        read_bounded(status, 10)


def test_missing_and_unreadable_files_name_the_path(tmp_path):
    with pytest.raises(InputFileError, match=rf"{tmp_path / 'nope'}: cannot read the template file: it does not exist"):
        read_bounded(tmp_path / "nope", 10, what="template file")
    with pytest.raises(NotRegularFileError, match=rf"{tmp_path}: a directory, not a regular file; give a file"):
        read_bounded(tmp_path, 10)


def test_devices_are_refused_unread():
    with pytest.raises(NotRegularFileError, match="/dev/zero: a character device"):
        read_bounded("/dev/zero", 1 << 20)


def test_a_sparse_file_over_the_limit_is_refused_from_its_size(tmp_path):
    big = _sparse(tmp_path / "big.bin")

    def refuse():
        with pytest.raises(InputTooLargeError, match=f"{big}: file of {SPARSE_SIZE} bytes is larger than"):
            read_bounded(big, 64 << 20)

    _, peak = _peak_bytes(refuse)
    assert peak < 1 << 20


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code = "import sys\nfrom enrollment.bounded_read import read_bounded\nread_bounded(sys.argv[1], 100)"
    child = _run([sys.executable, "-c", code, str(fifo)])
    assert child.returncode != 0 and "NotRegularFileError" in child.stderr
    assert f"{fifo}: a FIFO, not a regular file" in child.stderr


# --- the commands that read user files ------------------------------------------------------------------------


def _zuil(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize("name", ["big.iso", "big.png", "big.wsq"])
def test_match_refuses_a_huge_file_without_reading_it(tmp_path, name):
    big = _sparse(tmp_path / name)
    result, peak = _peak_bytes(lambda: _zuil("match", str(big), str(big)))
    assert result.exit_code == 2, result.output
    assert "TooLargeError" in result.output and f"{SPARSE_SIZE} bytes" in result.output
    assert peak < PEAK_LIMIT


def test_template_show_refuses_a_huge_file_without_reading_it(tmp_path):
    big = _sparse(tmp_path / "big.tpl")
    result, peak = _peak_bytes(lambda: _zuil("template", "show", str(big)))
    assert result.exit_code == 2 and "InputTooLargeError" in result.output and str(big) in result.output
    assert peak < PEAK_LIMIT


def test_identify_refuses_a_huge_gallery_file_without_reading_it(tmp_path):
    gallery = tmp_path / "gallery"
    gallery.mkdir()
    rng = np.random.default_rng(3)
    finger = Template.create(width=300, height=400, positions=rng.uniform(20, 280, (30, 2)),
                             directions=rng.uniform(0, 6, 30), finger_position=2)
    probe = tmp_path / "probe_2.iso"
    probe.write_bytes(to_iso(finger))
    (gallery / "p1_2.iso").write_bytes(to_iso(finger))
    big = _sparse(gallery / "p2_2.iso")
    result, peak = _peak_bytes(lambda: _zuil("identify", str(probe), "--gallery", str(gallery)))
    assert result.exit_code == 2 and "InputTooLargeError" in result.output and str(big) in result.output
    assert peak < PEAK_LIMIT


def _run(argv: list[str]) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(argv, capture_output=True, text=True, timeout=HANG_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{argv[3:]} hung on a FIFO for {HANG_TIMEOUT_S} s")


@pytest.mark.parametrize("name", ["pipe.iso", "pipe.png"])
def test_match_refuses_a_fifo_without_blocking(tmp_path, name):
    fifo = tmp_path / name
    os.mkfifo(fifo)
    child = _run([sys.executable, "-c", "from kiosk.cli import main; main()", "match", str(fifo), str(fifo)])
    assert child.returncode == 2, child.stderr
    assert f"{fifo}: a FIFO, not a regular file" in child.stderr and "Traceback" not in child.stderr


def test_config_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "zuil.toml"
    os.mkfifo(fifo)
    argv = [sys.executable, "-c", "from kiosk.cli import main; main()", "--config", str(fifo),
            "--data-dir", str(tmp_path / "data"), "db", "upgrade"]
    child = _run(argv)
    assert child.returncode == 2, child.stderr
    assert "SettingsError" in child.stderr and str(fifo) in child.stderr and "a FIFO" in child.stderr
    assert not (tmp_path / "data").exists()
