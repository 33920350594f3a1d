"""A purge's deletion envelopes in a real SQLite record store: one per rule that deletes what the upstream holds
(refusals, old intakes, withdrawn prints; not raw images, which never leave the kiosk), in the purge's transaction
(an envelope that cannot be made leaves the store unpurged), saying ids, rule, count and time, with the persons
left without an intake sealed to the upstream."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from enrollment.audit.log_store import AuditLog
from enrollment.records.intake_reads import person_id_of
from enrollment.records.models import DeletionReceipt, Intake, OutboxEnvelope
from enrollment.records.store import RecordStore
from enrollment.retention import run_purge
from enrollment.settings import RetentionSettings
from sync import canonical
from sync.envelope import seal_aad, verified_envelope
from sync.errors import UpstreamKeyError
from sync.outbox import Sender, append, signing_keys
from sync.payloads import deletion_report, seconds
from sync.sealing import open_sealed
from tests.enrollment.records.retention_records import V_NUMBERS, consented, refused, template, withdrawn
from tests.sync.fixed_keys import upstream_key

KIOSK = "zuil-rtd-01"
NOW = datetime.now(UTC) + timedelta(days=40)  # past the refusal's 30 days


@pytest.fixture
def records(sqlite_url, keyring):
    rs = RecordStore(sqlite_url, keyring)
    yield rs
    rs.close()


def _reporter(sender: Sender):  # type: ignore[no-untyped-def]
    def report(session, reported):  # type: ignore[no-untyped-def]
        for rule, receipt in reported:
            append(session, sender, deletion_report(rule, receipt))
        return len(reported)

    return report


def _purge(records: RecordStore, tmp_path, sender: Sender):  # type: ignore[no-untyped-def]
    with AuditLog(tmp_path / "audit.sqlite3") as log:
        return run_purge(records, log, RetentionSettings(raw_images_days=0), NOW, report=_reporter(sender))


def test_each_rule_deleting_upstream_data_queues_a_deletion_envelope(records, keyring, tmp_path):
    old = consented(records, 1, started=datetime(2001, 1, 1, tzinfo=UTC), v_number=V_NUMBERS[0])
    gone_refused = refused(records)
    taken = withdrawn(records, 3)
    consented(records, 4, image=b"raw image")  # raw-images: not reported
    with records.transaction() as s:
        person = person_id_of(s, s.get_one(Intake, old))
    done = _purge(records, tmp_path, Sender(KIOSK, keyring, upstream_key().public_key()))
    assert [r.rule for r in done.plan.rules] == ["refused-consent", "intake-retention", "raw-images",
                                                 "withdrawn-prints"]
    assert done.reported == 3
    with records.transaction() as s:
        rows = s.execute(select(OutboxEnvelope.kind, OutboxEnvelope.envelope).order_by(OutboxEnvelope.sequence)).all()
        reported = {r.rule: r.reported_at for r in s.scalars(select(DeletionReceipt))}
    assert {kind for kind, _ in rows} == {"deletion"}
    envelopes = [verified_envelope(data, keys=signing_keys(keyring)) for _kind, data in rows]
    by_rule = {e.payload["rule"]: e for e in envelopes}
    assert sorted(by_rule) == ["intake-retention", "refused-consent", "withdrawn-prints"]
    assert reported["raw-images"] is None and all(reported[r] is not None for r in by_rule)

    retention = by_rule["intake-retention"]
    assert retention.payload["intakes"] == [old] and retention.payload["records"] == 1
    assert retention.payload["captures"] == [] and retention.payload["deleted"] == seconds(NOW)
    secret = canonical.decode(open_sealed(upstream_key(), retention.payload["sealed"], seal_aad(
        retention.envelope_id, KIOSK, retention.sequence, "deletion")))
    assert secret == {"persons": [person]}
    assert by_rule["refused-consent"].payload["intakes"] == [gone_refused]
    prints = by_rule["withdrawn-prints"].payload
    assert prints["intakes"] == [taken] and len(prints["captures"]) == 2 and "sealed" not in prints
    for _kind, data in rows:  # ids and counts only
        assert V_NUMBERS[0].encode() not in data and template(1 + 2) not in data


def test_an_envelope_that_cannot_be_made_leaves_the_store_unpurged(records, keyring, tmp_path):
    old = consented(records, 1, started=datetime(2001, 1, 1, tzinfo=UTC))
    with pytest.raises(UpstreamKeyError):  # the persons are sealed, and this sender has no upstream key
        _purge(records, tmp_path, Sender(KIOSK, keyring, None))
    with records.transaction() as s:
        assert s.get(Intake, old) is not None
        assert s.scalars(select(DeletionReceipt)).all() == []
        assert s.scalars(select(OutboxEnvelope)).all() == []
