"""Alembic environment: runs the migrations against the URL set by ``enrollment.records.store``."""

from __future__ import annotations

from alembic import context

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
    SQLite's DDL transactional; Alembic does not assume that of SQLite, hence ``transactional_ddl=True``.)"""
    engine = make_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True,
                          transactional_ddl=True, transaction_per_migration=False)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
