"""A crash at a kill point of ``zuil db upgrade`` leaves the schema at the old or the new revision, and a
second ``zuil db upgrade`` finishes the job.

The upgrade from an empty store runs every migration in one transaction, hundreds of kill points. Tried: every
kill point of the newest :data:`NEWEST` migrations; of each older one its first and last statement and the statement
that stamps its revision; the edges of each transaction (BEGIN, first and last write, commit); and :data:`SAMPLE`
of the others spread evenly. ``ZUIL_CRASH_EXHAUSTIVE=1`` tries every kill point. The tally is printed.
"""

from __future__ import annotations

import pytest

from enrollment.records import store
from tests.crash.harness import CrashRunner, KillPoint, crash_every_point, edges_and_sample
from tests.crash.stores import PostgresStore, SqliteStore, schema_revision

pytestmark = pytest.mark.timeout(1800)  # only for hangs: tens of runs of zuil, minutes under load

NEWEST = 2  # the migrations killed at every one of their kill points
SAMPLE = 24  # the other kill points tried, spread evenly


def _migrations(points: list[KillPoint]) -> list[list[KillPoint]]:
    """The kill points of each migration, oldest first: those after the previous revision's stamp, up to and
    including the statement that stamps its own revision in ``alembic_version``."""
    found: list[list[KillPoint]] = []
    current: list[KillPoint] = []
    for point in points:
        current.append(point)
        if point.kind == "sql" and point.detail.startswith(("INSERT INTO alembic_version", "UPDATE alembic_version")):
            found.append(current)
            current = []
    return found


def _migration_edges(points: list[KillPoint]) -> list[KillPoint]:
    migrations = _migrations(points)
    assert len(migrations) > NEWEST, f"only {len(migrations)} migrations found in the kill points"
    chosen = {p.index for migration in migrations[-NEWEST:] for p in migration}
    for migration in migrations[:-NEWEST]:
        own = [p for p in migration if "alembic_version" not in p.detail and p.detail != "BEGIN"]
        chosen |= {p.index for p in [*own[:1], *own[-1:], migration[-1]]}
    return [p for p in points if p.index in chosen]


def _kill_upgrade(tmp_path, target) -> None:  # type: ignore[no-untyped-def]
    with CrashRunner(tmp_path) as runner:
        def recovers(_point) -> None:  # type: ignore[no-untyped-def]
            schema_revision(target.url)
            again = runner.run(["db", "upgrade"], env=target.env)
            assert again.exit_code == 0, f"zuil db upgrade after the crash failed: {again.output[-300:]}"
            assert schema_revision(target.url) == store.head_revision()

        tally = crash_every_point(runner, ["db", "upgrade"], env=target.env, prepare=target.reset,
                                  check=recovers, select=edges_and_sample(SAMPLE, also=_migration_edges))
    print(tally.summary())
    assert tally.tried and not tally.unsound, tally.summary() + "\n" + "\n".join(tally.unsound)


def test_a_crash_during_the_upgrade_leaves_an_sqlite_schema_old_or_new(tmp_path):
    _kill_upgrade(tmp_path, SqliteStore(tmp_path))


@pytest.mark.postgres
def test_a_crash_during_the_upgrade_leaves_a_postgres_schema_old_or_new(tmp_path, postgres_url):
    _kill_upgrade(tmp_path, PostgresStore(tmp_path, postgres_url))
