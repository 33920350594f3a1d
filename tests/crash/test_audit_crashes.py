"""A ``kill -9`` anywhere in ``zuil keys rotate --data signing`` (which appends an audit entry and signs a
checkpoint, each in one transaction) leaves an audit log that verifies, with the entry and the checkpoint
whole or absent, and the next rotation appends to it."""

from __future__ import annotations

import shutil

import pytest

from enrollment.audit.log_store import AuditLog, audit_log_path
from enrollment.audit.verification import verify_log
from enrollment.keys import parameters
from enrollment.keys.kek_sources import Secrets
from enrollment.keys.key_store import create_keys, unlock_keys
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
            assert verified.entries in (3, 4) and verified.checkpoints in (1, 2), verified
            key = (verified.entries, verified.checkpoints)
            outcomes[key] = outcomes.get(key, 0) + 1
            again = runner.run(["keys", "rotate", "--data", "signing"], env=env)
            assert again.exit_code == 0, f"zuil keys rotate after the crash failed: {again.output[-300:]}"
            with AuditLog(audit_log_path(data)) as log:
                after = verify_log(log, unlock_keys(data, secrets))
            assert after.entries == verified.entries + 1 and after.covered == after.entries

        tally = crash_every_point(runner, ["keys", "rotate", "--data", "signing"], env=env, prepare=prepare,
                                  check=verifiable)
    print(tally.summary(), "(entries, checkpoints) after the kill:", outcomes)
    assert {p.kind for p in tally.points} >= {"sql", "commit", "rename"}
    assert tally.tried and not tally.unsound, tally.summary() + "\n" + "\n".join(tally.unsound)
