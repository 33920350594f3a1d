"""Migration 0007 (contra-indication clearing) up and down on SQLite and PostgreSQL: the columns come and go, the
check keeps who and when together, and the downgrade is refused while a flag is cleared (it would be in force
again)."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from enrollment.errors import StorageError
from enrollment.records import store

INTAKE = ("INSERT INTO locations (id, name, region) VALUES ('rotterdam', 'Rotterdam', 'Zuid-Holland'); "
          "INSERT INTO intakes (id, person_sealed, location_id, kiosk_id, has_v_number, status, biometrics_enabled, "
          "started_at) VALUES ('i1', 'x', 'rotterdam', 'zuil-rtd-01', 0, 'open', 1, '2026-12-01 09:00:00')")
FLAG = ("INSERT INTO contra_indications (id, intake_id, flag, recorded_by, recorded_at, cleared_by, cleared_at) "
        "VALUES ('{0}', 'i1', 'eu_citizen', 'officer-1', '2026-12-01 09:00:00', {1}, {2})")


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_0007_keeps_cleared_flags(request, backend):
    url = request.getfixturevalue("sqlite_url" if backend == "sqlite" else "postgres_url")
    store.upgrade(url, "0007")
    engine = store.make_engine(url)
    try:
        with engine.begin() as conn:
            for statement in INTAKE.split("; "):
                conn.execute(text(statement))
            conn.execute(text(FLAG.format("f1", "'officer-2'", "'2026-12-01 10:00:00'")))
        with pytest.raises(IntegrityError), engine.begin() as conn:  # cleared by someone, at no time
            conn.execute(text(FLAG.format("f2", "'officer-2'", "NULL")))
        with pytest.raises(StorageError, match="1 contra-indication flags are cleared"):
            store.downgrade(url, "0006")
        assert store.current_revision(engine) == "0007"
        with engine.begin() as conn:
            conn.execute(text("DELETE FROM contra_indications"))
        store.downgrade(url, "0006")
        assert store.current_revision(engine) == "0006"
        assert "cleared_by" not in {c["name"] for c in inspect(engine).get_columns("contra_indications")}
    finally:
        engine.dispose()
