"""``zuil status``: the technician's health report, as text and as JSON, with no personal data in it."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kiosk.cli import main


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.delenv("ZUIL_CONFIG", raising=False)
    monkeypatch.delenv("ZUIL_DATA_DIR", raising=False)

    def invoke(*args: str, data: str = "data"):
        return CliRunner().invoke(main, ["--data-dir", str(tmp_path / data), *args], catch_exceptions=False)

    return invoke


def test_a_kiosk_without_database_or_keys_fails_and_says_what_to_run(run):
    result = run("status", "--no-scanner")
    assert result.exit_code == 1
    assert "FAIL" in result.output.splitlines()[0]
    assert "run `zuil db upgrade`" in result.output and "zuil keys init" in result.output
    report = json.loads(run("status", "--no-scanner", "--json").output)
    assert report["status"] == "FAIL" and report["sync"] is None and report["records"] is None
    assert [c["name"] for c in report["checks"]] == ["settings", "database", "keys", "fonts", "disk"]


def test_a_ready_kiosk_reports_ok_with_the_scanner_self_test(run, tmp_path):
    assert run("db", "upgrade").exit_code == 0
    passphrase = tmp_path / "passphrase"
    passphrase.write_text("a passphrase long enough\n")
    assert run("keys", "init", "--seal", "passphrase", "--passphrase-file", str(passphrase)).exit_code == 0
    result = run("status", "--json")
    report = json.loads(result.output)
    rows = {c["name"]: c for c in report["checks"]}
    assert rows["scanner"]["status"] == "OK" and "handshake" in rows["scanner"]["detail"]
    assert rows["database"]["status"] == rows["keys"]["status"] == "OK"
    assert result.exit_code == (1 if report["status"] == "FAIL" else 0)
    assert report["status"] in ("OK", "WARN")  # fonts or disk may warn on a test machine, nothing fails
    assert report["versions"]["aanmeldzuil"] and report["versions"]["database_schema"]
    assert report["sync"]["queued"] == 0 and report["records"]["intakes"] == 0
    assert {t["language"] for t in report["translations"]} >= {"nl", "en"}
    assert next(t for t in report["translations"] if t["language"] == "nl")["reviewed"] is True


def test_after_an_intake_the_report_counts_it_and_names_no_one(run):
    demo = run("demo", "--gallery-persons", "3")
    assert demo.exit_code == 0, demo.output
    summary = json.loads(demo.output)
    result = run("status", "--no-scanner", "--json", data="data/demo")
    report = json.loads(result.output)
    assert report["records"]["intakes"] >= 1 and report["records"]["captures"] >= 1
    assert report["sync"]["queued"] == len(summary["outbox"]["envelopes"])
    assert summary["v_number"] not in result.output and summary["intake_id"] not in result.output
    assert "demo keys" in next(c for c in report["checks"] if c["name"] == "keys")["detail"]


def test_a_registered_kiosk_reports_the_gallery_feed_cursor_it_holds(run, tmp_path):
    from datetime import UTC, datetime

    from sqlalchemy import create_engine, insert

    from enrollment.keys.demo_keys import open_demo_keys
    from enrollment.records.models import FeedCursor
    from tests.sync.test_registration_files import _register

    assert run("demo", "--gallery-persons", "3").exit_code == 0
    demo = tmp_path / "data" / "demo"
    unregistered = run("status", "--no-scanner", data="data/demo").output
    assert "gallery feed cursor 0 (not registered)" in unregistered
    _register(demo, open_demo_keys(demo), upstream_id="avim")
    engine = create_engine(f"sqlite:///{demo / 'zuil.sqlite3'}")
    with engine.begin() as connection:
        connection.execute(insert(FeedCursor).values(upstream_id="avim", cursor=42, applied_at=datetime.now(UTC)))
    engine.dispose()
    result = run("status", "--no-scanner", "--json", data="data/demo")
    report = json.loads(result.output)
    assert report["sync"]["feed_cursor"] == 42 and report["sync"]["upstream"].startswith("avim ")
    assert "gallery feed cursor 42" in run("status", "--no-scanner", data="data/demo").output


def test_the_json_report_holds_the_kiosks_masked_log_lines_and_no_personal_datum(run, tmp_path, monkeypatch):
    import logging

    from kiosk import recent_log

    vnumber, name = "9876543210", "Pieter Jansen"
    root = logging.getLogger()
    before = list(root.handlers)
    monkeypatch.setattr(recent_log, "_installed", None)
    recent_log.install(tmp_path / "data")  # as the kiosk does at start, with its data folder
    try:
        log = logging.getLogger("kiosk.test")
        log.warning("the reader read %s", vnumber)
        try:
            raise LookupError(f"no person {name}")
        except LookupError:
            log.exception("the gallery lookup failed")
    finally:
        root.handlers[:] = before
    written = (tmp_path / "data" / recent_log.LOG_FILE).read_text()
    result = run("status", "--no-scanner", "--json")
    report = json.loads(result.output)
    for text in (written, result.output):
        assert vnumber not in text and name not in text and "Jansen" not in text
    assert len(report["log"]) == 2
    assert report["log"][0].endswith("ERROR kiosk.test: the gallery lookup failed (LookupError)")
    assert report["log"][1].endswith("WARNING kiosk.test: the reader read [digits]")
    assert json.loads(run("status", "--no-scanner", "--json", data="other").output)["log"] == []
