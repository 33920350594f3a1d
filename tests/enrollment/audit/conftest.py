"""Fixtures of the audit-log tests: demo keys (no passphrase to derive), a log that signs every 5 entries, and
direct access to the log's SQLite file with its append-only triggers dropped, as an attacker with the file
would have."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from enrollment.audit.entries import Kind, Outcome
from enrollment.audit.log_store import AuditLog
from enrollment.keys.demo_keys import open_demo_keys
from enrollment.keys.keyring import KeyRing

EVERY = 5


@pytest.fixture
def ring(tmp_path) -> KeyRing:
    return open_demo_keys(tmp_path / "keys" / "demo")


@pytest.fixture
def log(tmp_path, ring):
    with AuditLog(tmp_path / "data" / "audit.sqlite3", signer=ring, checkpoint_every=EVERY) as opened:
        yield opened


def fill(log: AuditLog, count: int) -> None:
    kinds = list(Kind)
    for i in range(count):
        log.append(kinds[i % len(kinds)], actor=f"officer-{i % 3}", subject=f"intake-{i}",
                   outcome=Outcome.OK if i % 4 else Outcome.REFUSED, details={"n": i, "screen": "hits"})


def tamper(path: Path, *statements: str, params: tuple = ()) -> None:
    """Run ``statements`` on the log's file with the append-only triggers dropped (and left dropped)."""
    db = sqlite3.connect(path)
    try:
        for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
            db.execute(f"DROP TRIGGER {name}")
        for statement in statements:
            db.execute(statement, params if "?" in statement else ())
        db.commit()
    finally:
        db.close()


def read(path: Path, query: str, params: tuple = ()) -> list[tuple]:
    db = sqlite3.connect(path)
    try:
        return db.execute(query, params).fetchall()
    finally:
        db.close()
