"""The upstream's database: an engine (SQLite file or PostgreSQL), its schema upgrade through its own Alembic tree
and version table, and the check that the schema is current before the service starts.

On SQLite every transaction begins with ``BEGIN IMMEDIATE`` (the write lock at once), which is what serialises
two workers' ingests there; on PostgreSQL the ingest locks the kiosk's chain head row (``SELECT ... FOR UPDATE``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.exc import SQLAlchemyError

from sync.upstream.errors import UpstreamError

MIGRATIONS = Path(__file__).with_name("migrations")
VERSION_TABLE = "upstream_alembic_version"


def _sqlite_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    dbapi_connection.isolation_level = None  # the begin hook below starts every transaction
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "busy_timeout=30000"):
        dbapi_connection.execute(f"PRAGMA {pragma}")


def _sqlite_begin(connection) -> None:  # type: ignore[no-untyped-def]
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str) -> Engine:
    engine = create_engine(make_url(url), future=True, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def _config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(_config("sqlite://")).get_current_head() or ""


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE}).get_current_revision()


def upgrade(url: str) -> None:
    """Bring the upstream's schema to the newest revision."""
    try:
        command.upgrade(_config(url), "head")
    except SQLAlchemyError as exc:
        raise UpstreamError(f"schema upgrade of the upstream database failed: {type(exc).__name__}") from exc


def require_current(engine: Engine) -> None:
    """Refuse a database whose schema is not this program's (``zuil upstream db upgrade`` brings it there)."""
    if (revision := current_revision(engine)) != head_revision():
        raise UpstreamError(f"the upstream database is at schema {revision or 'none'}, this program needs "
                            f"{head_revision()}: run `zuil upstream db upgrade`")


def disposing(engine: Engine) -> Callable[[Any], Any]:
    """An app lifespan that disposes ``engine``'s connections when the app shuts down."""
    @asynccontextmanager
    async def lifespan(_app: Any) -> AsyncIterator[None]:
        yield
        engine.dispose()
    return lifespan
