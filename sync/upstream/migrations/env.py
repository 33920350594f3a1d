"""Alembic environment of the upstream's database (its own version table, ``upstream_alembic_version``)."""

from __future__ import annotations

from alembic import context

from sync.upstream.database import VERSION_TABLE, make_engine
from sync.upstream.models import metadata

config = context.config


def run_migrations_online() -> None:
    """One upgrade is one transaction, on SQLite (whose DDL ``make_engine`` makes transactional) as on PostgreSQL."""
    engine = make_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=metadata, version_table=VERSION_TABLE,
                          render_as_batch=True, transactional_ddl=True)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations_online()
