"""The selection of kill points the long crash tests try (:func:`tests.crash.harness.edges_and_sample` and the
migration test's): on a made-up list of kill points, each transaction is cut at its edges and inside, and
``ZUIL_CRASH_EXHAUSTIVE=1`` tries them all."""

from __future__ import annotations

from tests.crash.harness import EXHAUSTIVE, KillPoint, edges_and_sample, transactions
from tests.crash.test_migration_crashes import NEWEST, _migration_edges

SELECT = "SELECT x FROM t"


def _points(*specs: str) -> list[KillPoint]:
    """Kill points from ``kind:detail`` (``commit`` and ``rename:...`` alone)."""
    return [KillPoint(i, *(spec.split(":", 1) if ":" in spec else (spec, ""))) for i, spec in enumerate(specs, 1)]


# a read, rolled back; a transaction with five writes between reads; a file rename; a read-only transaction
POINTS = _points("sql:BEGIN", f"sql:{SELECT}",
                 "sql:BEGIN", f"sql:{SELECT}", "sql:INSERT INTO a", "sql:INSERT INTO b", f"sql:{SELECT}",
                 "sql:UPDATE a SET x=1", "sql:DELETE FROM b", "sql:INSERT INTO c", f"sql:{SELECT}", "commit",
                 "rename:/data/kiosk.keys",
                 "sql:BEGIN", f"sql:{SELECT}", f"sql:{SELECT}", "commit")


def test_the_points_are_cut_into_transactions_at_each_begin_and_commit():
    assert [[p.index for p in t] for t in transactions(POINTS)] == [[1, 2], list(range(3, 13)), [13],
                                                                     [14, 15, 16, 17]]


def test_every_begin_first_and_last_write_commit_and_rename_is_tried_and_a_sample_of_the_rest(monkeypatch):
    monkeypatch.delenv(EXHAUSTIVE, raising=False)
    edges = {1, 2, 3, 5, 10, 12, 13, 14, 17}  # BEGIN, last point, first write (5), last write (10), commit, rename
    assert {p.index for p in edges_and_sample(0)(POINTS)} == edges
    sampled = {p.index for p in edges_and_sample(3)(POINTS)}
    assert sampled > edges and len(sampled - edges) == 3
    assert {p.index for p in edges_and_sample(3, also=lambda points: points[5:7])(POINTS)} >= edges | {6, 7}


def test_the_exhaustive_mode_tries_every_kill_point(monkeypatch):
    monkeypatch.setenv(EXHAUSTIVE, "1")
    assert edges_and_sample(0)(POINTS) == POINTS


def test_the_newest_migrations_are_tried_at_every_point_the_older_at_their_edges():
    stamps = [f"sql:UPDATE alembic_version SET version_num='000{n}'" for n in range(2, 6)]
    points = _points("sql:BEGIN", "sql:CREATE TABLE alembic_version", "sql:CREATE TABLE a", "sql:CREATE INDEX a1",
                     "sql:CREATE INDEX a2", "sql:INSERT INTO alembic_version",
                     "sql:ALTER TABLE a ADD x", "sql:ALTER TABLE a ADD y", "sql:ALTER TABLE a ADD z", stamps[0],
                     "sql:CREATE TABLE b", stamps[1],
                     "sql:CREATE TABLE c", "sql:INSERT INTO c", "sql:INSERT INTO c", stamps[2],
                     "sql:DROP TABLE b", "sql:CREATE TABLE d", "sql:CREATE TRIGGER t AFTER INSERT ON d BEGIN END",
                     stamps[3], "commit")
    assert NEWEST == 2
    assert [p.index for p in _migration_edges(points)] == [3, 5, 6, 7, 9, 10, 11, 12, *range(13, 21)]
