"""The accounts migration on SQLite and PostgreSQL: an account stored at head, the step back over 0004 drops the two
tables it added and nothing else, and the step forward again leaves a store the service works on."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect

from enrollment.access.roles import Role
from enrollment.access.service import KEY_HOLDER, AccessService
from enrollment.audit.log_store import AuditLog
from enrollment.records import store

ADDED = {"staff_accounts", "decision_confirmations"}


def _check(url: str, keyring, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with AuditLog(tmp_path / "audit.sqlite3") as log:
        rs = store.RecordStore(url, keyring)
        try:
            AccessService(rs, log).add_account(KEY_HOLDER, "ann", Role.OFFICER, "402913")
        finally:
            rs.close()
        engine = store.make_engine(url)
        try:
            at_head = set(inspect(engine).get_table_names())
            assert at_head >= ADDED
            store.downgrade(url, "0004")  # the later revisions first, then the accounts' own step back
            later = at_head - set(inspect(engine).get_table_names())
            store.downgrade(url, "0003")
            assert set(inspect(engine).get_table_names()) == at_head - ADDED - later
            store.upgrade(url)
            assert store.current_revision(engine) == store.head_revision()
        finally:
            engine.dispose()
        rs = store.RecordStore(url, keyring)
        try:
            service = AccessService(rs, log)
            assert service.list_accounts(KEY_HOLDER) == []  # the step back dropped the accounts
            service.add_account(KEY_HOLDER, "ann", Role.OFFICER, "402913")
            assert service.login("ann", "402913").role is Role.OFFICER
        finally:
            rs.close()


def test_accounts_migration_sqlite(sqlite_url, keyring, tmp_path):
    _check(sqlite_url, keyring, tmp_path)


@pytest.mark.postgres
def test_accounts_migration_postgres(postgres_url, keyring, tmp_path):
    _check(postgres_url, keyring, tmp_path)
