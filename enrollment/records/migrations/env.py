"""Alembic environment: runs the migrations against the URL set by ``enrollment.records.store``."""

from __future__ import annotations

from alembic import context

from enrollment.errors import StorageError
from enrollment.records.models import Base
from enrollment.records.store import make_engine

config = context.config
target_metadata = Base.metadata


def run_migrations_offline() -> None:
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata,
                      literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """One upgrade or downgrade, every migration in it and the version row, is one transaction, on SQLite as on
    PostgreSQL: a crash leaves the schema at the revision it had or the one asked for. (``make_engine`` makes
    SQLite's DDL transactional; Alembic does not assume that of SQLite, hence ``transactional_ddl=True``.)

    On SQLite the foreign keys are not enforced during the migration (SQLite's procedure for rebuilding a table:
    with them on, dropping the old ``intakes`` would cascade to every row that refers to it) and are checked with
    ``PRAGMA foreign_key_check`` before the commit instead."""
    engine = make_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:  # before the transaction begins: SQLite ignores this pragma inside one
            connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True,
                          transactional_ddl=True, transaction_per_migration=False)
        with context.begin_transaction():
            context.run_migrations()
            if sqlite and (broken := connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()):
                raise StorageError(f"the migration would leave {len(broken)} rows whose foreign key points "
                                   f"nowhere (first: table {broken[0][0]} row {broken[0][1]}); nothing was changed")
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
