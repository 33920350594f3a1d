"""The stores the crash tests kill commands on: a fresh SQLite data folder or a fresh PostgreSQL schema, and the
checks every store must pass after a crash (opens, integrity, schema at a known revision)."""

from __future__ import annotations

import shutil
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from enrollment.records import store
from enrollment.records.models import Base
from enrollment.settings import Settings


class SqliteStore:
    def __init__(self, tmp_path: Path) -> None:
        self.data_dir = tmp_path / "data"
        self.url = Settings(data_dir=self.data_dir).database
        (tmp_path / "tmp").mkdir()
        self.env = {"ZUIL_DATA_DIR": str(self.data_dir), "TMPDIR": str(tmp_path / "tmp")}

    def reset(self) -> None:
        shutil.rmtree(self.data_dir, ignore_errors=True)


class PostgresStore:
    def __init__(self, tmp_path: Path, url: str) -> None:
        self.url = url
        config = tmp_path / "zuil.toml"
        config.write_text(f'database_url = "{url}"\n')
        (tmp_path / "tmp").mkdir()
        self.env = {"ZUIL_CONFIG": str(config), "ZUIL_DATA_DIR": str(tmp_path / "data"),
                    "TMPDIR": str(tmp_path / "tmp")}

    def reset(self) -> None:
        engine = create_engine(self.url, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:  # waits until the killed run's server process has rolled back
                conn.exec_driver_sql("DROP SCHEMA public CASCADE")
                conn.exec_driver_sql("CREATE SCHEMA public")
        finally:
            engine.dispose()


def schema_revision(url: str) -> str | None:
    """The revision of the store at ``url`` after it passed the checks every store must pass after a crash:
    it opens, SQLite's integrity check is ok, its revision is none or the head, and its tables are exactly
    those of that revision."""
    engine = store.make_engine(url)
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            revision = MigrationContext.configure(conn).get_current_revision()
            assert revision in (None, store.head_revision()), f"revision {revision}"
            tables = set(inspect(conn).get_table_names()) - {"alembic_version"}
            if revision is None:
                assert tables == set(), f"no schema revision, but tables {sorted(tables)}"
            else:
                diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
                assert diff == [], f"schema {revision} differs from the models: {diff}"
        return revision
    finally:
        engine.dispose()
