"""``zuil accounts add|list|disable`` end to end through click's CliRunner on a real data dir with keys made by
``zuil keys init``; the accounts they make log in through the access service."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from enrollment.access.errors import AccountDisabled
from enrollment.access.service import AccessService
from enrollment.audit.entries import Kind, decode
from enrollment.audit.log_store import AuditLog, audit_log_path
from enrollment.commands.accounts import SECRET_ENV, add
from enrollment.keys.kek_sources import Secrets
from enrollment.keys.key_store import unlock_keys
from enrollment.records.store import RecordStore
from kiosk.cli import main
from tests.enrollment.keys.conftest import PASSPHRASE, cheap_argon2  # noqa: F401 - the cheap Argon2id fixture

PIN = "402913"


@pytest.fixture
def zuil(tmp_path, monkeypatch, cheap_argon2):  # noqa: F811
    for var in ("ZUIL_CONFIG", "ZUIL_DATA_DIR", "ZUIL_KEYS_PASSPHRASE", "SYSTEMD_TPM2_DEVICE", SECRET_ENV):
        monkeypatch.delenv(var, raising=False)
    data = tmp_path / "data"

    def invoke(*args: str, secret: str | None = None, input: str | None = None):
        env = {"ZUIL_KEYS_PASSPHRASE": PASSPHRASE, SECRET_ENV: secret}
        return CliRunner().invoke(main, ["--data-dir", str(data), *args], env=env, input=input)

    invoke.data = data  # type: ignore[attr-defined]
    assert invoke("keys", "init", "--seal", "passphrase").exit_code == 0
    return invoke


def _log_entries(data) -> list:  # type: ignore[no-untyped-def]
    with AuditLog(audit_log_path(data)) as log:
        return [decode(e.data) for e in log.entries()]


def test_add_list_disable_and_the_accounts_log_in(zuil):
    added = zuil("accounts", "add", "ann.avim", "--role", "officer", secret=PIN)
    assert added.exit_code == 0, added.output
    assert "added officer account ann.avim (pin)" in added.output
    prompted = zuil("accounts", "add", "bo-ngo", "--role", "intake-worker",
                    input="lange zin als wachtwoord\nlange zin als wachtwoord\n")
    assert prompted.exit_code == 0, prompted.output
    assert "lange zin" not in prompted.output  # the prompt hides the input
    listed = zuil("accounts", "list")
    assert listed.exit_code == 0, listed.output
    lines = listed.output.splitlines()
    assert len(lines) == 2 and lines[0].split()[:4] == ["ann.avim", "officer", "pin", "active"]
    assert lines[1].split()[:4] == ["bo-ngo", "intake_worker", "password", "active"]
    assert "argon2" not in listed.output and "$" not in listed.output
    disabled = zuil("accounts", "disable", "bo-ngo")
    assert disabled.exit_code == 0 and "disabled account bo-ngo" in disabled.output
    assert "disabled 20" in zuil("accounts", "list").output.splitlines()[1]
    changes = [e for e in _log_entries(zuil.data) if e.kind is Kind.ACCOUNT_CHANGE]
    assert [(e.actor, e.details["change"]) for e in changes] == [("technician", "added"), ("technician", "added"),
                                                                  ("technician", "disabled")]
    store = RecordStore(f"sqlite:///{zuil.data / 'zuil.sqlite3'}",
                        unlock_keys(zuil.data, Secrets(passphrase=lambda: PASSPHRASE)))
    try:
        with AuditLog(audit_log_path(zuil.data)) as log:
            service = AccessService(store, log)
            assert service.login("ann.avim", PIN).role.value == "officer"
            with pytest.raises(AccountDisabled):
                service.login("bo-ngo", "lange zin als wachtwoord")
    finally:
        store.close()


@pytest.mark.parametrize(("args", "secret", "message"), [
    (("accounts", "add", "Ann", "--role", "officer"), PIN, "account name is 3 to 32"),
    (("accounts", "add", "ann", "--role", "officer"), "123456", "run of digits"),
    (("accounts", "add", "ann", "--role", "officer"), "12345", "6 to 12 digits"),
    (("accounts", "disable", "nobody"), None, "no account named 'nobody'"),
    (("accounts", "add", "ann"), PIN, "missing option '--role' (officer, intake-worker, technician)"),
])
def test_refusals_are_one_line_with_exit_2(zuil, args, secret, message):
    result = zuil(*args, secret=secret)
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert message in lines[-1] and sum(line.startswith(("Error", "zuil")) for line in lines) == 1, result.output
    if args[-1] != "ann":  # a usage error comes after click's usage lines; every other refusal is one line
        assert len(lines) == 1, result.output
    if secret:
        assert secret not in result.output


def test_a_name_in_use_is_refused(zuil):
    assert zuil("accounts", "add", "ann", "--role", "officer", secret=PIN).exit_code == 0
    again = zuil("accounts", "add", "ann", "--role", "technician", secret="another one, long enough")
    assert again.exit_code == 2 and "exists already" in again.output


def test_the_secret_never_comes_from_the_command_line():
    assert [p.name for p in add.params] == ["name", "role"]
    assert "secret" not in " ".join(opt for p in add.params for opt in getattr(p, "opts", ()))


def test_without_keys_the_commands_refuse_in_one_line(tmp_path, monkeypatch):
    monkeypatch.delenv("ZUIL_CONFIG", raising=False)
    for args in (("accounts", "list"), ("accounts", "disable", "ann")):
        result = CliRunner().invoke(main, ["--data-dir", str(tmp_path / "empty"), *args])
        assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1, result.output
