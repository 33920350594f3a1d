"""The purge on a real SQLite store, with its clock fixed by the test: it deletes exactly what is past its retention,
leaves the rest readable, writes a receipt and an audit entry per rule, leaves no deleted ciphertext in the database
or its WAL, and refuses a store whose keys are not the ones it was written with, changing nothing."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from enrollment.audit.entries import Kind, decode
from enrollment.audit.log_store import AuditLog
from enrollment.errors import StorageError
from enrollment.keys.demo_keys import open_demo_keys
from enrollment.records import intakes
from enrollment.records.intake_reads import capture_image, capture_template, vnumber_of
from enrollment.records.locations import DEFAULT_LOCATIONS
from enrollment.records.models import CaptureRow, ConsentRecord, DeletionReceipt, Intake, Person
from enrollment.records.purge import as_utc, is_due, plan_purge
from enrollment.records.store import RecordStore
from enrollment.records.vocabulary import ContraIndication, OfficerDecision
from enrollment.retention import run_purge
from enrollment.settings import RetentionSettings
from enrollment.values.vnumber import parse_vnumber
from tests.enrollment.records.retention_records import V_NUMBERS, consented, days_before, refused, template, withdrawn

DEFAULTS = RetentionSettings()  # biometrics 1825 days, raw images 0, refusals 30, audit 3650


def _files(url: str) -> bytes:
    path = Path(url.removeprefix("sqlite:///"))
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def _entries(log: AuditLog) -> list:  # type: ignore[type-arg]
    return [decode(e.data) for e in log.entries()]


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_purge_deletes_exactly_what_is_past_retention_and_leaves_receipts(request, backend, keyring, tmp_path):
    base = datetime.now(UTC)
    now = base + timedelta(days=31)  # the refusal made at `base` is 31 days old then
    rs = RecordStore(request.getfixturevalue(f"{backend}_url"), keyring)
    old = consented(rs, 1, started=days_before(now, 1826), v_number=V_NUMBERS[0])
    kept = consented(rs, 2, started=days_before(now, 1824), person_of=old, v_number=V_NUMBERS[1])
    lone = consented(rs, 3, started=days_before(now, 2000), v_number=V_NUMBERS[2])
    refusal = refused(rs)
    imaged = consented(rs, 4, image=b"raw image bytes", captured=days_before(now, 1))
    gone_back = withdrawn(rs, 5)
    fresh = consented(rs, 6, v_number=V_NUMBERS[3])
    with rs.transaction() as s:
        persons_before = set(s.scalars(select(Person.id)))
    log = AuditLog(tmp_path / "audit.sqlite3")

    report = run_purge(rs, log, DEFAULTS, now)

    by_rule = {r.rule: r for r in report.plan.rules}
    assert by_rule["refused-consent"].intake_ids == (refusal,)
    assert set(by_rule["intake-retention"].intake_ids) == {old, lone}
    assert by_rule["raw-images"].intake_ids == (imaged,) and by_rule["raw-images"].records == 2
    assert by_rule["withdrawn-prints"].intake_ids == (gone_back,) and by_rule["withdrawn-prints"].records == 2
    assert len(report.plan.person_ids) == 2  # the lone intake's person and the refusal's
    with rs.transaction() as s:
        assert set(s.scalars(select(Intake.id))) == {kept, imaged, gone_back, fresh}
        assert s.scalar(select(func.count()).select_from(ConsentRecord).where(
            ConsentRecord.intake_id.in_([old, lone, refusal]))) == 0
        assert len(persons_before - set(s.scalars(select(Person.id)))) == 2
        for capture in s.scalars(select(CaptureRow).where(CaptureRow.intake_id == kept)):  # readable
            assert capture_template(s, capture) == template(2 + capture.finger_position)
        assert str(vnumber_of(s, s.get(Intake, kept))) == V_NUMBERS[1]
        assert [i.id for i in intakes.intakes_for_vnumber(s, parse_vnumber(V_NUMBERS[0]))] == []
        for capture in s.scalars(select(CaptureRow).where(CaptureRow.intake_id == imaged)):
            assert capture_image(s, capture) is None
            assert capture_template(s, capture) == template(4 + capture.finger_position)
        for capture in s.scalars(select(CaptureRow).where(CaptureRow.intake_id == gone_back)):
            assert capture.template_sealed is None and capture.image_sealed is None
        assert len(s.get(Intake, gone_back).consents) == 2  # the consent and its withdrawal stay
        assert all(capture_template(s, c) for c in s.scalars(select(CaptureRow).where(CaptureRow.intake_id == fresh)))
        receipts = {r.rule: r for r in s.scalars(select(DeletionReceipt))}
    assert set(receipts) == set(by_rule) and set(report.receipts) == {r.id for r in receipts.values()}
    assert sorted(json.loads(receipts["intake-retention"].intake_ids)) == sorted([old, lone])
    assert receipts["intake-retention"].records == 2 and receipts["intake-retention"].reported_at is None
    assert all(as_utc(r.purged_at) == now for r in receipts.values())

    entries = _entries(log)
    assert [e.kind for e in entries] == [Kind.PURGE] * 4
    assert {e.subject for e in entries} == set(report.receipts)
    assert {r.audit_seq for r in receipts.values()} == {1, 2, 3, 4}
    assert {e.details["rule"]: e.details["records"] for e in entries} == {k: r.records for k, r in by_rule.items()}
    stored = b"".join(e.data for e in log.entries())
    for v_number in V_NUMBERS:
        assert v_number.encode() not in stored
        assert all(v_number not in r.intake_ids + r.reason for r in receipts.values())

    again = run_purge(rs, log, DEFAULTS, now)  # nothing left to do: no receipt, one entry that says so
    assert again.plan.rules == () and again.receipts == ()
    assert _entries(log)[-1].details == {"rule": "none", "records": 0} and len(_entries(log)) == 5
    log.close()
    rs.close()


def test_a_refusal_is_kept_refused_consent_days_then_deleted(sqlite_url, keyring, tmp_path):
    base = datetime.now(UTC)
    rs = RecordStore(sqlite_url, keyring)
    refusal = refused(rs, started=base)
    with AuditLog(tmp_path / "audit.sqlite3") as log:
        assert run_purge(rs, log, DEFAULTS, base + timedelta(days=29)).plan.rules == ()
        with rs.transaction() as s:
            assert s.get(Intake, refusal) is not None
        ten = RetentionSettings(refused_consent_days=10)
        report = run_purge(rs, log, ten, base + timedelta(days=11))
    assert [(r.rule, r.intake_ids) for r in report.plan.rules] == [("refused-consent", (refusal,))]
    assert "refused_consent_days=10" in report.plan.rules[0].reason
    with rs.transaction() as s:
        assert s.get(Intake, refusal) is None and s.scalar(select(func.count()).select_from(ConsentRecord)) == 0
    rs.close()


def test_deleted_ciphertext_is_in_neither_the_database_nor_its_wal(sqlite_url, keyring, tmp_path):
    now = datetime.now(UTC)
    rs = RecordStore(sqlite_url, keyring)
    old = consented(rs, 7, started=days_before(now, 3000), v_number=V_NUMBERS[4], image=b"an image kept too long")
    imaged = consented(rs, 8, image=b"a second raw image", captured=days_before(now, 2))
    consented(rs, 9)
    refusal = refused(rs)  # due 30 days after the refusal: the purge below runs 31 days on
    with rs.transaction() as s:  # an officer's reason and note on the old intake, typed free text
        intakes.add_officer_decision(s, s.get(Intake, old), officer_id="o-1", role="officer",
                                     decision=OfficerDecision.PROCEED, reason="seen by officer De Wit")
        intakes.flag_contra_indication(s, s.get(Intake, old), ContraIndication.EU_CITIZEN, recorded_by="o-1",
                                       note="holds a Belgian identity card")
    with rs.transaction() as s:
        sealed = [c.template_sealed for c in s.scalars(select(CaptureRow).where(CaptureRow.intake_id == old))]
        sealed += [c.image_sealed for c in s.scalars(select(CaptureRow).where(CaptureRow.intake_id.in_([old, imaged])))]
        intake = s.get(Intake, old)
        sealed += [intake.v_number_sealed, intake.person_sealed, intake.consents[0].signature_sealed]
        sealed += [intake.decisions[0].reason_sealed, intake.flags[0].note_sealed,
                   s.get(Intake, refusal).consents[0].reason_sealed]
    sealed = [bytes(value)[19:] for value in sealed]  # the ciphertext after the envelope's header
    before = _files(sqlite_url)
    assert all(value in before for value in sealed)  # the check can see them
    with AuditLog(tmp_path / "audit.sqlite3") as log:
        report = run_purge(rs, log, DEFAULTS, now + timedelta(days=31))
    assert report.wal_truncated is True
    after = _files(sqlite_url)
    assert [value for value in sealed if value in after] == []
    wal = Path(sqlite_url.removeprefix("sqlite:///") + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    rs.close()


def test_a_store_opened_with_other_keys_is_refused_and_left_as_it_was(sqlite_url, keyring, tmp_path):
    rs = RecordStore(sqlite_url, keyring)
    consented(rs, 10, started=datetime(2000, 1, 1, tzinfo=UTC))
    rs.close()
    before = _files(sqlite_url)
    with pytest.raises(StorageError, match="key"):
        RecordStore(sqlite_url, open_demo_keys(tmp_path / "other-keys" / "demo"))
    assert _files(sqlite_url) == before
    rs = RecordStore(sqlite_url, keyring)
    with rs.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Intake)) == 1
    rs.close()


def test_a_dry_run_writes_nothing(sqlite_url, keyring, tmp_path):
    now = datetime.now(UTC)
    rs = RecordStore(sqlite_url, keyring)
    old = consented(rs, 11, started=days_before(now, 4000))
    before = _files(sqlite_url)
    report = run_purge(rs, None, DEFAULTS, now, dry_run=True)
    assert [(r.rule, r.intake_ids) for r in report.plan.rules] == [("intake-retention", (old,))]
    assert report.receipts == () and _files(sqlite_url) == before
    rs.close()


class _Rollback(Exception):
    pass


@pytest.fixture
def store(sqlite_url, keyring):
    rs = RecordStore(sqlite_url, keyring)
    with rs.transaction() as s:
        intakes.sync_locations(s, DEFAULT_LOCATIONS)
    yield rs
    rs.close()


NOW = datetime(2031, 6, 1, 12, 0, tzinfo=UTC)
_age = st.one_of(st.integers(0, 4000).map(float), st.floats(0, 4000, allow_nan=False))  # whole days hit the edge


@settings(derandomize=True, max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(ages=st.lists(_age, min_size=1, max_size=6), days=st.integers(0, 4000))
def test_the_store_selects_what_the_rule_says_is_due(store, ages, days):
    """The SQL the purge runs agrees with :func:`is_due` (strictly older than ``days`` days) for any start times."""
    retention = RetentionSettings(biometrics_days=days)
    with pytest.raises(_Rollback), store.transaction() as s:
        started = {}
        for age in ages:
            intake = intakes.start_intake(s, location_id="utrecht", kiosk_id="k", v_number=None)
            intake.started_at = started[intake.id] = NOW - timedelta(days=age)
        s.flush()
        plan = plan_purge(s, retention, NOW)
        chosen = {i for r in plan.rules for i in r.intake_ids}
        assert chosen == {i for i, at in started.items() if is_due(at, NOW, days)}
        assert len(plan.person_ids) == len(chosen)
        raise _Rollback


def test_receipts_a_stopped_purge_left_unlogged_are_logged_by_the_next(sqlite_url, keyring, tmp_path):
    from enrollment.records.purge import apply_purge

    now = datetime.now(UTC)
    rs = RecordStore(sqlite_url, keyring)
    old = consented(rs, 12, started=days_before(now, 2500))
    with rs.transaction() as s:  # a purge killed after its commit, before its audit entry
        (stopped,) = apply_purge(s, plan_purge(s, DEFAULTS, now))
    with AuditLog(tmp_path / "audit.sqlite3") as log:
        report = run_purge(rs, log, DEFAULTS, now)
        entries = _entries(log)
    assert report.plan.rules == ()
    assert [(e.subject, e.details) for e in entries] == [(stopped.id, {"rule": "intake-retention", "records": 1,
                                                                        "intakes": 1})]
    with rs.transaction() as s:
        assert s.get(DeletionReceipt, stopped.id).audit_seq == 1 and s.get(Intake, old) is None
    rs.close()
