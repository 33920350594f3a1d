"""Migration 0005 (deletion receipts) up and down on SQLite and PostgreSQL: the downgrade is refused while a receipt
is not yet reported upstream (it would lose the only record of a deletion), and goes once none is pending."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from enrollment.errors import StorageError
from enrollment.records import store


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_0005_keeps_unreported_receipts(request, backend):
    url = request.getfixturevalue("sqlite_url" if backend == "sqlite" else "postgres_url")
    store.upgrade(url, "0005")
    engine = store.make_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO deletion_receipts (id, purged_at, rule, reason, records, intake_ids) "
                              "VALUES ('r1', '2031-01-01 00:00:00', 'intake-retention', 'old', 1, '[\"i1\"]')"))
        with pytest.raises(StorageError, match="1 receipts not yet reported upstream"):
            store.downgrade(url, "0004")
        assert store.current_revision(engine) == "0005"
        with engine.begin() as conn:
            conn.execute(text("UPDATE deletion_receipts SET reported_at = '2031-01-02 00:00:00'"))
        store.downgrade(url, "0004")
        assert store.current_revision(engine) == "0004"
        assert "deletion_receipts" not in inspect(engine).get_table_names()
    finally:
        engine.dispose()
