import os
import stat

import pytest

from enrollment import atomic_files
from enrollment.atomic_files import write_bytes_atomically, write_text_atomically


def test_writes_whole_file_with_usual_permissions(tmp_path):
    target = tmp_path / "sub" / "f.bin"
    write_bytes_atomically(target, b"abc")
    assert target.read_bytes() == b"abc"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    write_text_atomically(target, "é")
    assert target.read_text(encoding="utf-8") == "é"


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
