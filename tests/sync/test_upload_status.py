"""``zuil sync status`` shows the uploader's state from the record database: registered upstream, last success,
last error, next attempt, and a stop that waits for a person."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime

from click.testing import CliRunner
from sqlalchemy.orm import Session

from enrollment.records.store import RecordStore
from enrollment.settings import Settings, with_data_dir
from kiosk.cli import main
from sync import upload_state

NOW = datetime(2026, 12, 1, 21, 0, tzinfo=UTC)
OLD_KEYS = {"kiosk_id", "queued", "delivered", "oldest_queued_age_s", "last_sequence", "chain_head_sha256",
            "last_success", "last_error"}


def _status(data, *args):  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(main, ["--data-dir", str(data), "sync", "status", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_status_shows_the_uploader_state(tmp_path, keyring, monkeypatch):
    monkeypatch.delenv("ZUIL_CONFIG", raising=False)
    data = tmp_path / "data"
    site = with_data_dir(Settings(), str(data))
    records = RecordStore(site.database, keyring)
    try:
        fresh = json.loads(_status(data, "--json"))
        assert set(fresh) >= OLD_KEYS and fresh["last_success"] is None and fresh["last_error"] is None
        assert fresh["upstream"] is None and fresh["next_attempt"] is None and fresh["stopped"] is False
        assert "not registered" in _status(data) and "last success     never" in _status(data)
        with Session(records.engine) as session, session.begin():
            upload_state.record_success(session, site.kiosk_id, NOW)
            when = upload_state.record_failure(session, site.kiosk_id, "envelope 3: ConnectError: refused", NOW,
                                               random.Random(3))
        failed = json.loads(_status(data, "--json"))
        assert failed["last_success"] == "2026-12-01T21:00:00+00:00"
        assert failed["last_error"] == "2026-12-01T21:00:00+00:00: envelope 3: ConnectError: refused"
        assert failed["next_attempt"] == when.isoformat(timespec="seconds") and not failed["stopped"]
        with Session(records.engine) as session, session.begin():
            upload_state.record_stop(session, site.kiosk_id, "envelope 3: HTTP 409 (reason: gap)", NOW)
        text = _status(data)
        assert "HTTP 409 (reason: gap)" in text and "STOPPED until a person looks" in text
    finally:
        records.close()
