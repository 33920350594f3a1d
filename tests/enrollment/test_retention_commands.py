"""``zuil purge`` and ``zuil subject-export`` end to end through click's CliRunner, on a data dir whose keys
``zuil keys init`` made (a cheaper Argon2id), and the systemd timer's unit naming the command."""

from __future__ import annotations

import base64
import configparser
import json
import shutil
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from enrollment.audit.entries import Kind, decode
from enrollment.audit.log_store import AuditLog, audit_log_path
from enrollment.keys.kek_sources import Secrets
from enrollment.keys.key_store import key_file_path, unlock_keys
from enrollment.records.store import RecordStore
from kiosk.cli import main
from tests.enrollment.keys.conftest import PASSPHRASE, cheap_argon2  # noqa: F401 - the cheap Argon2id fixture
from tests.enrollment.records.retention_records import STROKES, V_NUMBERS, consented, template

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def zuil(tmp_path, monkeypatch, cheap_argon2):  # noqa: F811
    for var in ("ZUIL_CONFIG", "ZUIL_DATA_DIR", "ZUIL_KEYS_PASSPHRASE", "SYSTEMD_TPM2_DEVICE"):
        monkeypatch.delenv(var, raising=False)
    data = tmp_path / "data"

    def invoke(*args: str, data_dir: Path = data):
        return CliRunner().invoke(main, ["--data-dir", str(data_dir), *args], env={"ZUIL_KEYS_PASSPHRASE": PASSPHRASE})

    invoke.data = data  # type: ignore[attr-defined]
    assert invoke("keys", "init", "--seal", "passphrase").exit_code == 0
    return invoke


def _store(data: Path) -> RecordStore:
    return RecordStore(f"sqlite:///{data / 'zuil.sqlite3'}", unlock_keys(data, Secrets(passphrase=lambda: PASSPHRASE)))


def _files(data: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(data.iterdir()) if p.is_file()}


def test_zuil_purge_dry_run_changes_nothing_then_purge_deletes(zuil):
    rs = _store(zuil.data)
    old = consented(rs, 1, started=datetime(2001, 1, 1, tzinfo=UTC))
    fresh = consented(rs, 2)
    rs.close()
    before = _files(zuil.data)
    dry = zuil("purge", "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert "intake-retention: would delete 1 intakes" in dry.output and f"intake {old}" in dry.output
    assert fresh not in dry.output
    assert _files(zuil.data) == before  # the store, its WAL and the audit log alike

    done = zuil("purge")
    assert done.exit_code == 0, done.output
    assert "intake-retention: deleted 1 intakes" in done.output and "1 deletion receipt(s) written" in done.output
    shown = zuil("audit", "show", "--kind", "purge")
    assert "purge" in shown.output and "rule=intake-retention" in shown.output and old not in shown.output
    rs = _store(zuil.data)
    with rs.transaction() as s:
        from enrollment.records.models import Intake

        assert s.get(Intake, old) is None and s.get(Intake, fresh) is not None
    rs.close()
    assert "nothing is past its retention" in zuil("purge").output


def test_zuil_purge_refuses_a_store_with_other_keys_and_changes_nothing(zuil, tmp_path):
    rs = _store(zuil.data)
    consented(rs, 3, started=datetime(2001, 1, 1, tzinfo=UTC))
    rs.close()
    other = tmp_path / "other"
    assert zuil("keys", "init", "--seal", "passphrase", data_dir=other).exit_code == 0
    shutil.copyfile(key_file_path(other), key_file_path(zuil.data))  # a whole, valid key file, but not this store's
    before = {k: v for k, v in _files(zuil.data).items() if not k.startswith("audit")}
    refused = zuil("purge")
    assert refused.exit_code == 2 and len(refused.output.strip().splitlines()) == 1, refused.output
    assert {k: v for k, v in _files(zuil.data).items() if not k.startswith("audit")} == before
    wrong = CliRunner().invoke(main, ["--data-dir", str(zuil.data), "purge"],
                               env={"ZUIL_KEYS_PASSPHRASE": "not the passphrase of it"})
    assert wrong.exit_code == 2 and len(wrong.output.strip().splitlines()) == 1, wrong.output
    assert {k: v for k, v in _files(zuil.data).items() if not k.startswith("audit")} == before


def test_zuil_subject_export_by_intake_and_by_v_number(zuil, tmp_path):
    rs = _store(zuil.data)
    first = consented(rs, 4, v_number=V_NUMBERS[5])
    second = consented(rs, 5, person_of=first, v_number=V_NUMBERS[5])
    other = consented(rs, 6, v_number=V_NUMBERS[6])
    rs.close()
    assert zuil("consent", "withdraw", "--intake", first).exit_code == 0
    out = tmp_path / "export" / "subject.json"

    done = zuil("subject-export", "--vnumber", V_NUMBERS[5], "--out", str(out))
    assert done.exit_code == 0, done.output
    assert stat.S_IMODE(out.stat().st_mode) == 0o600 and V_NUMBERS[5] not in done.output
    export = json.loads(out.read_text())
    assert [i["id"] for i in export["intakes"]] == [first, second] and other not in out.read_text()
    assert len(export["person_ids"]) == 1
    intake = export["intakes"][0]
    assert intake["v_number"] == V_NUMBERS[5]
    captures = {c["finger_position"]: c for c in intake["captures"]}
    assert base64.b64decode(captures[2]["template"]["base64"]) == template(4 + 2)
    assert captures[2]["template"]["minutiae"] == 14 and captures[2]["raw_image"] is None
    given, withdrawal = intake["consent_records"]
    assert given["signature_strokes"] == [[list(p) for p in s] for s in STROKES]
    assert withdrawal["decision"] == "withdrawn" and withdrawal["withdraws_id"] == given["id"]
    assert withdrawal["upstream_report_pending"] is True
    assert [(e["kind"], e["subject"]) for e in export["audit_entries"]] == [("consent-withdrawal", first)]

    with AuditLog(audit_log_path(zuil.data)) as log:
        stored = list(log.entries())
    last = decode(stored[-1].data)
    assert last.kind is Kind.SUBJECT_EXPORT and last.subject == first
    assert last.details == {"intakes": 2, "by": "vnumber"} and last.actor == "desk"
    assert not any(V_NUMBERS[5].encode() in e.data for e in stored)

    again = zuil("subject-export", "--vnumber", V_NUMBERS[5], "--out", str(out))
    assert again.exit_code == 2 and "exists" in again.output and len(again.output.strip().splitlines()) == 1
    by_intake = zuil("subject-export", "--intake", second, "--out", str(tmp_path / "by-intake.json"))
    assert by_intake.exit_code == 0, by_intake.output
    assert [i["id"] for i in json.loads((tmp_path / "by-intake.json").read_text())["intakes"]] == [first, second]
    for args in (["--intake", "no-such-intake"], ["--vnumber", "9876543210"]):
        missing = zuil("subject-export", *args, "--out", str(tmp_path / "none.json"))
        assert missing.exit_code == 2 and len(missing.output.strip().splitlines()) == 1, missing.output
        assert "9876543210" not in missing.output
    assert not (tmp_path / "none.json").exists()
    assert zuil("subject-export", "--out", str(tmp_path / "x.json")).exit_code == 2  # neither given


def test_the_timer_runs_zuil_purge_daily():
    service = configparser.ConfigParser(interpolation=None, strict=False)
    service.read(ROOT / "packaging" / "systemd" / "zuil-purge.service")
    program, *args = service["Service"]["ExecStart"].split()
    assert program == "zuil" and args == ["purge"] and main.get_command(None, "purge") is not None  # type: ignore[arg-type]
    assert service["Service"]["Type"] == "oneshot"
    timer = configparser.ConfigParser(interpolation=None, strict=False)
    timer.read(ROOT / "packaging" / "systemd" / "zuil-purge.timer")
    assert timer["Timer"]["OnCalendar"] and timer["Timer"]["Persistent"] == "true"
    assert timer["Install"]["WantedBy"] == "timers.target"


def test_an_export_that_cannot_be_written_is_refused_in_one_line(zuil, tmp_path):
    rs = _store(zuil.data)
    intake = consented(rs, 7)
    rs.close()
    (tmp_path / "afile").write_text("a file where a folder is expected")
    refused = zuil("subject-export", "--intake", intake, "--out", str(tmp_path / "afile" / "export.json"))
    assert refused.exit_code == 2 and "cannot write the subject export" in refused.output, refused.output
    assert len(refused.output.strip().splitlines()) == 1
    with AuditLog(audit_log_path(zuil.data)) as log:
        assert not any(decode(e.data).kind is Kind.SUBJECT_EXPORT for e in log.entries())  # nothing written, not logged
