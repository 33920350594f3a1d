"""A crash at any point of ``zuil db upgrade`` leaves the schema at the old or the new revision, and a
second ``zuil db upgrade`` finishes the job."""

from __future__ import annotations

import pytest

from enrollment.records import store
from tests.crash.harness import CrashRunner, crash_every_point
from tests.crash.stores import PostgresStore, SqliteStore, schema_revision

pytestmark = pytest.mark.timeout(1800)  # only for hangs: tens of runs of zuil, minutes under load


def _kill_upgrade_everywhere(tmp_path, target) -> None:  # type: ignore[no-untyped-def]
    with CrashRunner(tmp_path) as runner:
        def recovers(_point) -> None:  # type: ignore[no-untyped-def]
            schema_revision(target.url)
            again = runner.run(["db", "upgrade"], env=target.env)
            assert again.exit_code == 0, f"zuil db upgrade after the crash failed: {again.output[-300:]}"
            assert schema_revision(target.url) == store.head_revision()

        tally = crash_every_point(runner, ["db", "upgrade"], env=target.env, prepare=target.reset,
                                  check=recovers)
    print(tally.summary())
    assert tally.tried and not tally.unsound, tally.summary() + "\n" + "\n".join(tally.unsound)


def test_a_crash_during_the_upgrade_leaves_an_sqlite_schema_old_or_new(tmp_path):
    _kill_upgrade_everywhere(tmp_path, SqliteStore(tmp_path))


@pytest.mark.postgres
def test_a_crash_during_the_upgrade_leaves_a_postgres_schema_old_or_new(tmp_path, postgres_url):
    _kill_upgrade_everywhere(tmp_path, PostgresStore(tmp_path, postgres_url))
