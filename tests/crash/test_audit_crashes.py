"""A ``kill -9`` anywhere in ``zuil keys rotate --data signing`` (which appends an audit entry and signs a
checkpoint, each in one transaction) leaves an audit log that verifies, with the entry and the checkpoint
whole or absent, and the next rotation appends to it. No rotation goes unlogged: a kill after the key file's
rename and before the rotation's entry is committed leaves a key file the log has not seen, and the next key
command logs it (``key-file-unlogged``, naming the file by its checksum) before its own entry."""

from __future__ import annotations

import shutil

import pytest

from enrollment.audit.entries import Kind, Outcome, decode
from enrollment.audit.events import KEY_FILE, key_file_seen
from enrollment.audit.log_store import AuditLog, audit_log_path
from enrollment.audit.verification import verify_log
from enrollment.keys import parameters
from enrollment.keys.kek_sources import Secrets
from enrollment.keys.key_store import create_keys, key_file_info, unlock_keys
from enrollment.keys.passphrase_kek import PassphraseKek
from tests.crash.harness import CrashRunner, crash_every_point

pytestmark = pytest.mark.timeout(900)  # only for hangs

PASSPHRASE = "a passphrase for the crash test"


def test_a_crash_during_an_audited_rotation_leaves_a_verifiable_log(tmp_path, monkeypatch):
    monkeypatch.setattr(parameters, "ARGON2_MEMORY_KIB", 8 * 1024)  # the key file states its own cost
    monkeypatch.setattr(parameters, "ARGON2_TIME_COST", 1)
    data, saved = tmp_path / "data", tmp_path / "saved"
    ring = create_keys(data, PassphraseKek(PASSPHRASE))
    with AuditLog(audit_log_path(data), signer=ring, checkpoint_every=2) as log:
        for i in range(3):
            log.append("login", actor=f"officer-{i}")
        key_file_seen(log, ring.checksum, master_version=1)  # the log knows the key file, as after `keys init`
    shutil.copytree(data, saved)
    secrets = Secrets(passphrase=lambda: PASSPHRASE)
    env = {"ZUIL_DATA_DIR": str(data), "ZUIL_KEYS_PASSPHRASE": PASSPHRASE}
    outcomes: dict[tuple[int, int], int] = {}

    def prepare() -> None:
        shutil.rmtree(data)
        shutil.copytree(saved, data)

    with CrashRunner(tmp_path) as runner:
        def verifiable(_point) -> None:  # type: ignore[no-untyped-def]
            with AuditLog(audit_log_path(data)) as log:
                verified = verify_log(log, unlock_keys(data, secrets))
            assert verified.entries in (4, 5) and verified.checkpoints in (2, 3), verified
            left = key_file_info(data).checksum
            unlogged = left not in _logged_key_files(data)  # the rotation's rename done, its entry not
            key = (verified.entries, verified.checkpoints, "key file unlogged" if unlogged else "key file logged")
            outcomes[key] = outcomes.get(key, 0) + 1
            again = runner.run(["keys", "rotate", "--data", "signing"], env=env)
            assert again.exit_code == 0, f"zuil keys rotate after the crash failed: {again.output[-300:]}"
            with AuditLog(audit_log_path(data)) as log:
                after = verify_log(log, unlock_keys(data, secrets))
            assert after.entries == verified.entries + 1 + unlogged and after.covered == after.entries
            assert {left, key_file_info(data).checksum} <= _logged_key_files(data), "a key file went unlogged"

        tally = crash_every_point(runner, ["keys", "rotate", "--data", "signing"], env=env, prepare=prepare,
                                  check=verifiable)
    print(tally.summary(), "(entries, checkpoints) after the kill:", outcomes)
    assert {p.kind for p in tally.points} >= {"sql", "commit", "rename"}
    assert tally.tried and not tally.unsound, tally.summary() + "\n" + "\n".join(tally.unsound)
    assert any(kind == "key file unlogged" for *_, kind in outcomes), "no kill fell between rename and entry"


def _logged_key_files(data) -> set[str]:  # type: ignore[no-untyped-def]
    """The key files (checksums) that key-operation entries of the log name as left by a successful operation."""
    with AuditLog(audit_log_path(data)) as log:
        entries = [decode(stored.data) for stored in log.entries()]
    return {str(e.details[KEY_FILE]) for e in entries
            if e.kind is Kind.KEY_OPERATION and e.outcome is Outcome.OK and KEY_FILE in e.details}
