"""The audit log's file: private, append-only by its own triggers, checkpointed, shared by concurrent writers."""

from __future__ import annotations

import sqlite3
import stat
import threading

import pytest

from enrollment.audit.entries import GENESIS, Kind, decode, entry_hash
from enrollment.audit.errors import AuditLogCorrupt
from enrollment.audit.log_store import AuditLog
from enrollment.audit.verification import verify_log
from enrollment.keys.kek_sources import Secrets
from enrollment.keys.key_store import rotate_keys
from enrollment.keys.keyring import Purpose
from tests.enrollment.audit.conftest import EVERY, fill, read


def test_the_file_is_private_and_entries_link_to_each_other(log):
    fill(log, 3)
    assert stat.S_IMODE(log.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(log.path.parent.stat().st_mode) == 0o700
    stored = list(log.entries())
    entries = [decode(s.data) for s in stored]
    assert [e.seq for e in entries] == [1, 2, 3]
    assert entries[0].prev == GENESIS
    assert entries[1].prev == entry_hash(stored[0].data) and entries[2].prev == entry_hash(stored[1].data)
    assert [s.stored_hash for s in stored] == [entry_hash(s.data) for s in stored]


@pytest.mark.parametrize("statement", [
    "UPDATE audit_entries SET entry = x'00' WHERE seq = 2", "DELETE FROM audit_entries WHERE seq = 3",
    "DELETE FROM audit_entries", "UPDATE audit_checkpoints SET entries = 1", "DELETE FROM audit_checkpoints"])
def test_the_file_itself_refuses_updates_and_deletes(log, statement):
    fill(log, EVERY + 1)
    before = read(log.path, "SELECT * FROM audit_entries") + read(log.path, "SELECT * FROM audit_checkpoints")
    db = sqlite3.connect(log.path)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute(statement)
    db.close()
    assert read(log.path, "SELECT * FROM audit_entries") + read(log.path, "SELECT * FROM audit_checkpoints") \
        == before


def test_a_checkpoint_is_signed_every_n_entries_and_on_demand(log, ring):
    fill(log, 2 * EVERY + 2)
    assert [c.entries for c in log.checkpoints()] == [EVERY, 2 * EVERY]
    made = log.checkpoint(ring)
    assert (made.number, made.entries, made.key_version) == (3, 2 * EVERY + 2, 1)
    assert made.head == entry_hash(list(log.entries())[-1].data)
    assert verify_log(log, ring).covered == 2 * EVERY + 2


def test_appends_without_the_keys_are_signed_by_the_next_append_that_has_them(tmp_path, ring):
    path = tmp_path / "data" / "audit.sqlite3"
    with AuditLog(path, checkpoint_every=EVERY) as unsigned:
        fill(unsigned, 2 * EVERY + 1)  # e.g. failed logins before the keys are unlocked
        assert unsigned.checkpoints() == []
    with AuditLog(path, signer=ring, checkpoint_every=EVERY) as signed:
        signed.append(Kind.LOGIN, actor="officer-1")
        assert [c.entries for c in signed.checkpoints()] == [2 * EVERY + 2]
        assert verify_log(signed, ring).entries == 2 * EVERY + 2


def test_checkpoints_signed_before_a_rotation_stay_verifiable(log, ring, tmp_path):
    fill(log, EVERY)
    rotated = rotate_keys(tmp_path / "keys" / "demo", Secrets(), master=False, purposes=[Purpose.SIGNING])
    log.signer = rotated
    fill(log, EVERY)
    log.checkpoint(rotated)
    assert [c.key_version for c in log.checkpoints()] == [1, 2, 2]
    verified = verify_log(log, rotated)
    assert verified.key_versions == (1, 2) and verified.entries == 2 * EVERY


def test_concurrent_writers_each_get_their_own_place_in_one_chain(tmp_path, ring):
    path = tmp_path / "data" / "audit.sqlite3"
    AuditLog(path).close()
    errors: list[BaseException] = []

    def writer(name: str) -> None:
        try:
            with AuditLog(path, signer=ring, checkpoint_every=EVERY) as own:
                for i in range(15):
                    own.append(Kind.LOGIN, actor=name, details={"i": i})
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(f"officer-{n}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    with AuditLog(path) as log:
        verified = verify_log(log, ring)
        assert verified.entries == 60 and verified.checkpoints == 60 // EVERY
        actors = [decode(s.data).actor for s in log.entries()]
    assert sorted(actors) == sorted(f"officer-{n}" for n in range(4) for _ in range(15))


def test_a_file_that_is_not_an_audit_log_is_refused_untouched(tmp_path):
    path = tmp_path / "data" / "records.sqlite3"
    path.parent.mkdir(mode=0o700)
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE intakes (id TEXT)")
    db.commit()
    db.close()
    with pytest.raises(AuditLogCorrupt, match="not an audit log"):
        AuditLog(path)
    assert read(path, "SELECT type, name FROM sqlite_master") == [("table", "intakes")]
