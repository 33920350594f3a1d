"""A ``kill -9`` during ``zuil purge`` leaves a consistent store: each intake due for deletion wholly there or wholly
gone with the receipt that names it (all of them or none: the purge is one transaction), the prints of the other
intakes readable, and the next ``zuil purge`` finishes the work and logs every receipt in the audit log.

The store holds intakes past ``biometrics_days``, refusals (``refused_consent_days = 0``: due at once), an intake
with a raw image past ``raw_images_days``, a withdrawn one and fresh ones. The purge reaches many kill points
(opening the store, then the purge's statements): the short test tries every commit and rename and a few
statements spread evenly (:data:`SAMPLED`); the slow one tries every kill point. Each prints its counts.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from enrollment.audit.entries import Kind, decode
from enrollment.audit.log_store import AuditLog, audit_log_path
from enrollment.keys import parameters
from enrollment.keys.kek_sources import Secrets
from enrollment.keys.key_store import create_keys, unlock_keys
from enrollment.keys.passphrase_kek import PassphraseKek
from enrollment.records import store
from enrollment.records.intake_reads import capture_template
from enrollment.records.models import CaptureRow, ConsentRecord, DeletionReceipt, Intake
from enrollment.records.store import RecordStore
from enrollment.settings import Settings
from tests.crash.harness import CrashRunner, KillPoint, crash_every_point, evenly
from tests.crash.stores import schema_revision
from tests.enrollment.records.retention_records import consented, refused, withdrawn

pytestmark = pytest.mark.timeout(900)  # only for hangs

PASSPHRASE = "a passphrase for the crash test"
SAMPLED = 4  # statements the short test tries, spread evenly over the run
OLD = datetime(2001, 1, 1, tzinfo=UTC)


def _commits_and_some_statements(points: list[KillPoint]) -> list[KillPoint]:
    return sorted({*evenly(SAMPLED)([p for p in points if p.kind == "sql"]), *(p for p in points if p.kind != "sql")},
                  key=lambda p: p.index)


def test_a_crash_during_zuil_purge_leaves_each_intake_whole_or_gone_with_its_receipt(tmp_path, monkeypatch):
    _kill_the_purge(tmp_path, monkeypatch, _commits_and_some_statements)


@pytest.mark.slow
@pytest.mark.timeout(2400)  # only for hangs: about 80 runs, each followed by a purge that completes
def test_a_crash_at_every_kill_point_of_zuil_purge(tmp_path, monkeypatch):
    _kill_the_purge(tmp_path, monkeypatch, list)


def _kill_the_purge(tmp_path, monkeypatch, pick: Callable[[list[KillPoint]], list[KillPoint]]) -> None:
    monkeypatch.setattr(parameters, "ARGON2_MEMORY_KIB", 8 * 1024)  # the key file states its own cost
    monkeypatch.setattr(parameters, "ARGON2_TIME_COST", 1)
    data, saved = tmp_path / "data", tmp_path / "saved"
    ring = create_keys(data, PassphraseKek(PASSPHRASE))
    url = Settings(data_dir=data).database
    rs = RecordStore(url, ring)
    due = [consented(rs, 1, started=OLD), consented(rs, 2, started=OLD), refused(rs), refused(rs)]
    imaged = consented(rs, 3, image=b"a raw image past its days", captured=OLD)
    gone_back = withdrawn(rs, 4)
    fresh = [consented(rs, 5), consented(rs, 6)]
    with rs.transaction() as s:
        whole = {i: (len(s.get(Intake, i).consents), len(s.get(Intake, i).captures)) for i in due}
    rs.close()
    shutil.copytree(data, saved)
    config = tmp_path / "zuil.toml"
    config.write_text("[retention]\nrefused_consent_days = 0\n")
    (tmp_path / "tmp").mkdir()
    env = {"ZUIL_DATA_DIR": str(data), "ZUIL_CONFIG": str(config), "ZUIL_KEYS_PASSPHRASE": PASSPHRASE,
           "TMPDIR": str(tmp_path / "tmp")}
    secrets = Secrets(passphrase=lambda: PASSPHRASE)
    outcomes = {"before": 0, "purged": 0}

    def prepare() -> None:
        shutil.rmtree(data)
        shutil.copytree(saved, data)

    def consistent(rs: RecordStore) -> bool:
        """Checks the store; True when the purge's transaction is in it."""
        with rs.transaction() as s:
            receipts = list(s.scalars(select(DeletionReceipt)))
            named = {i for r in receipts for i in json.loads(r.intake_ids)}
            present = set(s.scalars(select(Intake.id)))
            for intake_id, (consents, captures) in whole.items():
                if intake_id in present:
                    assert intake_id not in named, f"intake {intake_id} named by a receipt but still there"
                    assert (s.scalar(select(func.count()).select_from(ConsentRecord)
                                     .where(ConsentRecord.intake_id == intake_id)),
                            s.scalar(select(func.count()).select_from(CaptureRow)
                                     .where(CaptureRow.intake_id == intake_id))) == (consents, captures)
                else:
                    assert intake_id in named, f"intake {intake_id} gone without a receipt"
                    assert s.scalar(select(func.count()).select_from(ConsentRecord)
                                    .where(ConsentRecord.intake_id == intake_id)) == 0
            purged = not (present & set(due))
            assert purged or present >= set(due), f"the purge is half done: {sorted(set(due) - present)} gone"
            assert len(receipts) == (4 if purged else 0), f"{len(receipts)} receipts"
            stripped = [c.template_sealed is None for c in s.scalars(select(CaptureRow)
                                                                     .where(CaptureRow.intake_id == gone_back))]
            images = [c.image_sealed is None for c in s.scalars(select(CaptureRow)
                                                                .where(CaptureRow.intake_id == imaged))]
            assert set(stripped) == set(images) == {purged}
            for capture in s.scalars(select(CaptureRow).where(CaptureRow.intake_id.in_([*fresh, imaged]))):
                assert capture_template(s, capture), f"capture {capture.id} does not open"
        return purged

    with CrashRunner(tmp_path) as runner:
        def sound(_point: KillPoint) -> None:
            assert schema_revision(url) == store.head_revision()
            rs = RecordStore(url, unlock_keys(data, secrets), auto_upgrade=False)
            try:
                outcomes["purged" if consistent(rs) else "before"] += 1
            finally:
                rs.close()
            again = runner.run(["purge"], env=env)
            assert again.exit_code == 0, f"zuil purge after the crash failed: {again.output[-300:]}"
            rs = RecordStore(url, unlock_keys(data, secrets), auto_upgrade=False)
            try:
                assert consistent(rs)
                with rs.transaction() as s:
                    receipts = {r.id: r.audit_seq for r in s.scalars(select(DeletionReceipt))}
            finally:
                rs.close()
            with AuditLog(audit_log_path(data)) as log:
                entries = [decode(e.data) for e in log.entries()]
            logged = {e.subject for e in entries if e.kind is Kind.PURGE}
            assert None not in receipts.values() and set(receipts) <= logged, "a receipt without its audit entry"

        tally = crash_every_point(runner, ["purge"], env=env, prepare=prepare, check=sound, select=pick)
    print(tally.summary(), "store after the kill:", outcomes)
    assert tally.tried and not tally.unsound, tally.summary() + "\n" + "\n".join(tally.unsound)
    assert outcomes["before"] and outcomes["purged"]  # kills on both sides of the purge's commit
