"""``zuil export summary`` end to end through click's CliRunner on a real data dir (keys made by ``zuil keys init``,
the accounts by ``zuil accounts add``, an intake with a hit in the kiosk's record): an officer writes the one-page
PDF and the export is audited; an intake worker, a wrong PIN and an unknown intake are one line and exit 2."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from enrollment.audit.entries import Kind, decode
from enrollment.audit.log_store import AuditLog, audit_log_path
from enrollment.commands.accounts import SECRET_ENV as ACCOUNT_SECRET_ENV
from enrollment.commands.keys import unlock_kiosk_keys
from enrollment.records.store import RecordStore
from enrollment.settings import Settings
from kiosk.cli import main
from kiosk.summary_command import SECRET_ENV
from tests.enrollment.access.conftest import TEMPLATE, make_intake
from tests.enrollment.keys.conftest import PASSPHRASE, cheap_argon2  # noqa: F401 - the cheap Argon2id fixture
from tests.kiosk import pdf_text

PIN = {"ann.avim": "402913", "bo-ngo": "739104"}


@pytest.fixture
def zuil(tmp_path, monkeypatch, cheap_argon2):  # noqa: F811
    for var in ("ZUIL_CONFIG", "ZUIL_DATA_DIR", "ZUIL_KEYS_PASSPHRASE", "SYSTEMD_TPM2_DEVICE", ACCOUNT_SECRET_ENV,
                SECRET_ENV):
        monkeypatch.delenv(var, raising=False)
    data = tmp_path / "data"

    def invoke(*args: str, secret: str | None = None, staff: str | None = None):
        env = {"ZUIL_KEYS_PASSPHRASE": PASSPHRASE, ACCOUNT_SECRET_ENV: secret, SECRET_ENV: staff}
        return CliRunner().invoke(main, ["--data-dir", str(data), *args], env=env)

    invoke.data = data  # type: ignore[attr-defined]
    assert invoke("keys", "init", "--seal", "passphrase").exit_code == 0
    assert invoke("accounts", "add", "ann.avim", "--role", "officer", secret=PIN["ann.avim"]).exit_code == 0
    assert invoke("accounts", "add", "bo-ngo", "--role", "intake-worker", secret=PIN["bo-ngo"]).exit_code == 0
    settings = Settings(data_dir=data)
    monkeypatch.setenv("ZUIL_KEYS_PASSPHRASE", PASSPHRASE)
    store = RecordStore(settings.database, unlock_kiosk_keys(settings))
    try:
        invoke.intake = make_intake(store)  # type: ignore[attr-defined]
    finally:
        store.close()
    return invoke


def _exports(data) -> list:  # type: ignore[no-untyped-def]
    with AuditLog(audit_log_path(data)) as log:
        return [e for e in (decode(s.data) for s in log.entries()) if e.kind is Kind.EXPORT]


def test_an_officer_writes_the_one_page_summary_and_it_is_audited(zuil, tmp_path):
    out = tmp_path / "summary.pdf"
    done = zuil("export", "summary", "--intake", zuil.intake, "--out", str(out), "--account", "ann.avim",
                staff=PIN["ann.avim"])
    assert done.exit_code == 0, done.output
    assert f"wrote the summary of intake {zuil.intake} to {out}" in done.output
    pdf = out.read_bytes()
    assert out.stat().st_mode & 0o777 == 0o600
    assert pdf_text.page_count(pdf) == 1
    text = " ".join(pdf_text.text(pdf).split())
    assert zuil.intake in text.replace(" ", "") and "1:N search: a possible earlier enrollment (hit)" in text
    assert "Rotterdam" in text and "2718281828" not in text
    assert not any(TEMPLATE in part for part in (pdf, *pdf_text.streams(pdf)))
    assert [e.subject for e in _exports(zuil.data)] == [zuil.intake]


@pytest.mark.parametrize(("account", "secret", "message"), [
    ("bo-ngo", PIN["bo-ngo"], "RoleRefused: the intake_worker role may not export summary"),
    ("ann.avim", "111111", "LoginRefused: login refused"),
])
def test_a_refusal_is_one_line_and_exit_2(zuil, tmp_path, account, secret, message):
    out = tmp_path / "summary.pdf"
    done = zuil("export", "summary", "--intake", zuil.intake, "--out", str(out), "--account", account, staff=secret)
    assert done.exit_code == 2 and done.output.startswith(f"zuil: {message}") and done.output.count("\n") == 1
    assert not out.exists() and _exports(zuil.data) == []


def test_an_unknown_intake_is_one_line_and_exit_2(zuil, tmp_path):
    done = zuil("export", "summary", "--intake", "no-such-intake", "--out", str(tmp_path / "s.pdf"), "--account",
                "ann.avim", staff=PIN["ann.avim"])
    assert done.exit_code == 2 and done.output == "zuil: NotFound: no intake 'no-such-intake'\n"
