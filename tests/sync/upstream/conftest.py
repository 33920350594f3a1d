"""One real upstream per test module and database (SQLite file, or a database of its own on the session's
private PostgreSQL), started through the CLI and stopped with SIGTERM at the end of the module."""

from __future__ import annotations

import uuid

import pytest

from tests.sync.upstream.harness import Upstream, zuil


@pytest.fixture(scope="module")
def module_postgres_url(postgres_server_url):
    from sqlalchemy import create_engine, text

    name = f"u_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield postgres_server_url.replace("/postgres?", f"/{name}?")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def started(folder, database: str | None, workers: int = 1) -> Upstream:
    extra = ["--database", database] if database else []
    zuil("upstream", "init", "--dir", str(folder), "--id", "avim", "--host", "127.0.0.1", "--host", "localhost",
         *extra)
    upstream = Upstream(folder)
    upstream.start(workers)
    return upstream


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def upstream(request, tmp_path_factory):
    database = request.getfixturevalue("module_postgres_url") if request.param == "postgres" else None
    server = started(tmp_path_factory.mktemp("upstream") / "up", database)
    yield server
    assert server.stop() == 0
