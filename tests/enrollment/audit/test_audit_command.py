"""``zuil audit`` and the key operations' entries, end to end through click's CliRunner on a real data dir."""

from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner

from enrollment.audit.log_store import audit_log_path
from kiosk.cli import main
from tests.enrollment.audit.conftest import tamper
from tests.enrollment.keys.conftest import PASSPHRASE, cheap_argon2  # noqa: F401 - the cheap Argon2id fixture


@pytest.fixture
def zuil(tmp_path, monkeypatch, cheap_argon2):  # noqa: F811
    for var in ("ZUIL_CONFIG", "ZUIL_DATA_DIR", "ZUIL_KEYS_PASSPHRASE", "SYSTEMD_TPM2_DEVICE"):
        monkeypatch.delenv(var, raising=False)
    data = tmp_path / "data"

    def invoke(*args: str, passphrase: str = PASSPHRASE):
        return CliRunner().invoke(main, ["--data-dir", str(data), *args], env={"ZUIL_KEYS_PASSPHRASE": passphrase})

    invoke.data = data  # type: ignore[attr-defined]
    return invoke


def _show(zuil) -> list[str]:  # type: ignore[no-untyped-def]
    shown = zuil("audit", "show")
    assert shown.exit_code == 0, shown.output
    return shown.output.splitlines()


def test_key_operations_are_logged_checkpointed_and_verified(zuil):
    assert zuil("keys", "init", "--seal", "passphrase").exit_code == 0
    assert zuil("keys", "rotate", "--data", "signing").exit_code == 0
    refused = zuil("keys", "rotate", passphrase="not the passphrase at all")
    assert refused.exit_code == 2
    lines = _show(zuil)
    assert len(lines) == 3
    assert "key-operation" in lines[0] and "technician" in lines[0] and "operation=init sealing=passphrase" in lines[0]
    assert " ok " in lines[1] and "operation=rotate signing_version=2" in lines[1]
    assert " refused " in lines[2] and "error=WrongPassphrase operation=rotate" in lines[2]
    verified = zuil("audit", "verify")
    assert verified.exit_code == 0, verified.output
    assert "3 entries, chain intact; 2 checkpoints, signatures good (signing key versions 1, 2); " \
           "entries 1-2 signed, 1 after the last checkpoint" in verified.output
    signed = zuil("audit", "checkpoint")
    assert signed.exit_code == 0 and "checkpoint 3: 3 entries, signing key version 2" in signed.output
    raw = audit_log_path(zuil.data).read_bytes()
    assert PASSPHRASE.encode() not in raw and b"not the passphrase" not in raw


def test_verify_names_the_first_broken_entry_in_one_line_with_exit_2(zuil):
    zuil("keys", "init", "--seal", "passphrase")
    for _ in range(3):
        zuil("keys", "rotate", "--data", "gallery")
    path = audit_log_path(zuil.data)
    db = sqlite3.connect(path)
    data = db.execute("SELECT entry FROM audit_entries WHERE seq = 2").fetchone()[0]
    db.close()
    tamper(path, "UPDATE audit_entries SET entry = ? WHERE seq = 2", params=(data.replace(b"rotate", b"rotatE"),))
    broken = zuil("audit", "verify")
    assert broken.exit_code == 2
    assert broken.output.splitlines() == [
        "zuil: ChainBroken: entry 2 was altered: its bytes do not match its stored hash"]


def test_a_refused_unlock_by_verify_is_logged_and_nothing_is_verified(zuil):
    zuil("keys", "init", "--seal", "passphrase")
    wrong = zuil("audit", "verify", passphrase="a wrong passphrase here")
    assert wrong.exit_code == 2 and len(wrong.output.splitlines()) == 1 and "WrongPassphrase" in wrong.output
    last = _show(zuil)[-1]
    assert "refused" in last and "operation=unlock purpose=audit-verify" in last


def test_no_log_and_unknown_kinds_are_one_line_refusals(zuil):
    missing = zuil("audit", "verify")
    assert missing.exit_code == 2 and missing.output.startswith("zuil: AuditError: there is no audit log at ")
    assert not audit_log_path(zuil.data).exists()
    zuil("keys", "init", "--seal", "passphrase")
    assert zuil("audit", "show", "--kind", "coffee").exit_code == 2
    assert len(_show(zuil)) == 1
    filtered = zuil("audit", "show", "--kind", "login", "--last", "5")
    assert filtered.exit_code == 0 and filtered.output == ""


def test_a_key_operation_stops_before_anything_changes_when_the_log_cannot_be_written(zuil):
    zuil.data.mkdir(mode=0o755)  # open to other users: the audit log (like the record store) refuses it
    zuil.data.chmod(0o755)
    refused = zuil("keys", "init", "--seal", "passphrase")
    assert refused.exit_code == 2 and "open to other users" in refused.output
    assert list(zuil.data.iterdir()) == []
