"""``zuil export nist`` end to end through click's CliRunner, on a data dir whose keys ``zuil keys init`` made: the
file written and read back, the audit entry, and the one-line refusals (unknown intake, no keys, file exists)."""

from __future__ import annotations

import os
import stat

from click.testing import CliRunner
from nistitl import Message

from enrollment.audit.entries import Kind, decode
from enrollment.audit.log_store import AuditLog, audit_log_path
from kiosk.cli import main
from tests.enrollment.exchange.synthetic_intake import capture_of, store_intake
from tests.enrollment.keys.conftest import cheap_argon2  # noqa: F401 - the cheap Argon2id fixture
from tests.enrollment.test_retention_commands import _store, zuil  # noqa: F401 - keys made by `zuil keys init`


def _exports(data) -> list:
    with AuditLog(audit_log_path(data)) as log:
        return [e for e in (decode(s.data) for s in log.entries()) if e.kind is Kind.EXPORT]


def test_zuil_export_nist_writes_the_transaction_and_logs_it(zuil, tmp_path):  # noqa: F811
    rs = _store(zuil.data)
    intake_id = store_intake(rs, [capture_of(2), capture_of(7, image=False)], v_number="3456789012")
    rs.close()
    out = tmp_path / "out" / "intake.an2"
    os.makedirs(out.parent)
    done = zuil("export", "nist", intake_id, "--out", str(out))
    assert done.exit_code == 0, done.output
    assert f"wrote intake {intake_id} to {out}" in done.output
    assert "2 Type-9 and 1 Type-14 record(s), a V-number in Type-2" in done.output
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    message = Message()
    message.parse(out.read_bytes())
    assert message[0].ORI == "zuil-demo-01" and message[0].DAI == "AVIM"  # the kiosk id of the embedded settings
    assert message[0].CNT == [["1", "4"], ["2", "0"], ["9", "1"], ["9", "2"], ["14", "1"]]
    assert message[(2, 0)]._7 == "3456789012" and message[(14, 1)].FGP == "2"
    [entry] = _exports(zuil.data)
    assert (entry.subject, entry.actor, entry.details["image_records"]) == (intake_id, "desk", 1)

    again = zuil("export", "nist", intake_id, "--out", str(out))
    assert again.exit_code == 2 and again.output.count("\n") == 1 and "ExportFileExists" in again.output


def test_zuil_export_nist_refuses_an_unknown_intake_and_missing_keys_in_one_line(zuil, tmp_path):  # noqa: F811
    unknown = zuil("export", "nist", "no-such-intake", "--out", str(tmp_path / "x.an2"))
    assert unknown.exit_code == 2, unknown.output
    assert unknown.output == "zuil: UnknownIntake: no intake 'no-such-intake' in the record\n"
    no_keys = zuil("export", "nist", "no-such-intake", "--out", str(tmp_path / "y.an2"), data_dir=tmp_path / "empty")
    assert no_keys.exit_code == 2 and no_keys.output.count("\n") == 1, no_keys.output
    assert "Traceback" not in no_keys.output and "key" in no_keys.output.lower()
    assert not (tmp_path / "x.an2").exists() and not (tmp_path / "y.an2").exists()
    assert _exports(zuil.data) == []


def test_zuil_export_nist_needs_the_intake_and_the_file():
    result = CliRunner().invoke(main, ["export", "nist"])
    assert result.exit_code == 2 and "Missing argument 'INTAKE_ID'" in result.output
