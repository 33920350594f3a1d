"""The data folder: any folder name makes a working database inside it, and what is in it is private."""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest
from click.testing import CliRunner

from enrollment.records import store
from enrollment.settings import Settings
from kiosk.cli import main


def _zuil(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args))


def _mode(path) -> int:  # type: ignore[no-untyped-def]
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def _no_config(monkeypatch):
    monkeypatch.delenv("ZUIL_CONFIG", raising=False)
    monkeypatch.delenv("ZUIL_DATA_DIR", raising=False)


@pytest.mark.parametrize("name", ["q?x=1", "q?mode=ro&uri=true", "%41", "a b#c@d:e", "ü/x;y"])
def test_the_database_is_inside_a_data_folder_of_any_name(tmp_path, name):
    data = tmp_path / "kiosk" / name
    result = _zuil("--data-dir", str(data), "db", "upgrade")
    assert result.exit_code == 0, result.output
    assert (data / "zuil.sqlite3").is_file()
    assert store.current_revision(store.make_engine(Settings(data_dir=data).database)) == store.head_revision()
    written = {p.relative_to(tmp_path / "kiosk") for p in (tmp_path / "kiosk").rglob("*") if p.is_file()}
    assert {p.name for p in written} <= {"zuil.sqlite3", "zuil.sqlite3-wal", "zuil.sqlite3-shm"}
    assert all(p.parent.as_posix() == name for p in written)


@pytest.mark.parametrize("umask", [0o022, 0o000])
def test_the_data_folder_is_0700_and_the_database_wal_and_shm_0600_whatever_the_umask(tmp_path, umask, keyring):
    data = tmp_path / "data"
    old = os.umask(umask)
    try:
        assert _zuil("--data-dir", str(data), "db", "upgrade").exit_code == 0
        records = store.RecordStore(Settings(data_dir=data).database, keyring)
        try:
            with records.transaction() as session:
                session.connection().exec_driver_sql("INSERT INTO locations VALUES ('x', 'X', 'Y')")
            files = {p.name: _mode(p) for p in data.iterdir()}
        finally:
            records.close()
    finally:
        os.umask(old)
    assert _mode(data) == 0o700
    assert files == {"zuil.sqlite3": 0o600, "zuil.sqlite3-wal": 0o600, "zuil.sqlite3-shm": 0o600}


def test_a_data_folder_open_to_other_users_is_refused_with_the_command_that_fixes_it(tmp_path):
    data = tmp_path / "shared data"
    data.mkdir()
    data.chmod(0o755)
    result = _zuil("--data-dir", str(data), "db", "upgrade")
    assert result.exit_code == 2
    assert f"is open to other users (mode 0755): run `chmod 700 '{data}'`" in result.output
    assert list(data.iterdir()) == []
    data.chmod(0o700)  # what the message says
    assert _zuil("--data-dir", str(data), "db", "upgrade").exit_code == 0


def test_a_database_an_older_version_left_readable_is_made_private(tmp_path, lax_umask):
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    sqlite3.connect(data / "zuil.sqlite3").close()
    assert _mode(data / "zuil.sqlite3") == 0o644
    assert _zuil("--data-dir", str(data), "db", "upgrade").exit_code == 0
    assert _mode(data / "zuil.sqlite3") == 0o600


def test_every_folder_made_for_the_record_is_private_so_the_demo_leaves_the_data_folder_usable(tmp_path, lax_umask):
    data = tmp_path / "new" / "data"
    record = data / "demo"  # the demo's record lives in a folder of the data folder
    store.make_engine(Settings(data_dir=record).database).dispose()
    assert [_mode(folder) for folder in (tmp_path / "new", data, record)] == [0o700, 0o700, 0o700]
    assert _zuil("--data-dir", str(data), "db", "upgrade").exit_code == 0  # the kiosk's own record beside it
