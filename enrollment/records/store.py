"""Opening the record store: an SQLAlchemy engine (SQLite in WAL mode by default, or PostgreSQL), schema
upgrades through Alembic, and short transactional sessions.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from enrollment.errors import StorageError

MIGRATIONS = Path(__file__).with_name("migrations")


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")  # a committed intake survives power loss
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for ``url``; for SQLite the parent folder is created and WAL + foreign keys are switched on."""
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        path = Path(url.removeprefix("sqlite:///"))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(f"cannot create the data folder {path.parent}: {exc.strerror}") from exc
        if not os.access(path.parent, os.W_OK):  # SQLite would only say "unable to open database file"
            raise StorageError(f"the data folder {path.parent} is read-only: the database {path.name} cannot be "
                               "written there")
        if path.exists() and not os.access(path, os.W_OK):
            raise StorageError(f"the database {path} is read-only")
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(url: str, revision: str = "head") -> None:
    try:
        command.upgrade(alembic_config(url), revision)
    except SQLAlchemyError as exc:
        raise StorageError(f"schema upgrade of {redact(url)} failed: {exc.__class__.__name__}: {exc}") from exc


def downgrade(url: str, revision: str = "base") -> None:
    try:
        command.downgrade(alembic_config(url), revision)
    except SQLAlchemyError as exc:
        raise StorageError(f"schema downgrade of {redact(url)} failed: {exc}") from exc


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def redact(url: str) -> str:
    """A database URL without its password, for messages and logs."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        return f"{scheme}://{creds.split(':', 1)[0]}:***@{host}"
    return url


class RecordStore:
    """The kiosk's record database. Refuses to work on a schema that is not at the current head."""

    def __init__(self, url: str, *, auto_upgrade: bool = True) -> None:
        self.url = url
        if auto_upgrade:
            upgrade(url)
        self.engine = make_engine(url)
        current = current_revision(self.engine)
        if current != head_revision():
            raise StorageError(
                f"the database {redact(url)} is at schema {current or 'none'}, this program needs "
                f"{head_revision()}: run `zuil db upgrade`"
            )
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One atomic unit of work: everything in it is committed together or not at all."""
        session = self._sessions()
        try:
            with session.begin():
                yield session
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()
