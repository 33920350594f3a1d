import os
import stat

import pytest

from enrollment import atomic_files
from enrollment.atomic_files import write_bytes_atomically, write_text_atomically


def _mode(path) -> int:  # type: ignore[no-untyped-def]
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("umask", [0o022, 0o000, 0o077])
def test_writes_the_whole_file_readable_by_its_owner_only_whatever_the_umask(tmp_path, umask):
    target = tmp_path / "sub" / "f.bin"
    old = os.umask(umask)
    try:
        write_bytes_atomically(target, b"abc")
        assert target.read_bytes() == b"abc" and _mode(target) == 0o600
        write_text_atomically(target, "é", mode=atomic_files.SHARED)
        assert target.read_text(encoding="utf-8") == "é" and _mode(target) == 0o644
    finally:
        os.umask(old)


def test_mode_none_keeps_the_mode_of_the_file_it_replaces(tmp_path, lax_umask):
    target = tmp_path / "module.py"
    write_text_atomically(target, "x = 1\n", mode=None)
    assert _mode(target) == 0o644  # a new file
    target.chmod(0o640)
    write_text_atomically(target, "x = 2\n", mode=None)
    assert target.read_text() == "x = 2\n" and _mode(target) == 0o640


def test_a_failure_mid_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "f.csv"
    target.write_bytes(b"old")

    def crash(*_args):
        raise OSError("disk gone")

    monkeypatch.setattr(atomic_files.os, "replace", crash)
    with pytest.raises(OSError, match="disk gone"):
        write_bytes_atomically(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["f.csv"]
