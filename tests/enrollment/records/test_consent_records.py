"""Consent records: what was shown is a text the kiosk has, the signature is sealed, the store refuses to change or
delete a record (SQLite and PostgreSQL) but for a purge, and a withdrawal takes the person's prints out at once."""

from __future__ import annotations

import json
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import DBAPIError

from enrollment import identification
from enrollment.consent import ConsentText, consent_text
from enrollment.records import consents, intakes
from enrollment.records.enrolled_prints import enrolled_prints, prints_for_vnumber
from enrollment.records.locations import DEFAULT_LOCATIONS
from enrollment.records.models import ConsentPurge, ConsentRecord, ConsentReportPending, Intake, Person
from enrollment.records.store import RecordStore
from enrollment.records.vocabulary import ConsentDecision
from enrollment.template import Template, serialize
from enrollment.values.vnumber import parse_vnumber

PASSPHRASE = "a kiosk passphrase, long enough"
STROKES = [[(0.1234, 0.5678), (0.2468, 0.1357)], [(0.9753, 0.8642)]]


def _template(seed: int) -> bytes:
    positions = [[10 + seed + 7 * i, 20 + 5 * i] for i in range(14)]
    return serialize(Template.create(width=300, height=400, positions=positions,
                                     directions=[0.1 * i for i in range(14)], quality=60, finger_position=2))


def _intake(rs: RecordStore, seed: int, *, person: Person | None = None, v_number: str | None = None) -> str:
    with rs.transaction() as s:
        intakes.sync_locations(s, DEFAULT_LOCATIONS)
        if person is not None:
            person = s.get(Person, person.id)
        intake = intakes.start_intake(s, location_id="utrecht", kiosk_id="k", person=person,
                                      v_number=parse_vnumber(v_number) if v_number else None)
        consents.record_consent(s, intake, consent_text("en"), signature_strokes=STROKES)
        for position in (2, 7):
            intakes.add_capture(s, intake, finger_position=position, quality=50, template=_template(seed + position),
                                device_id="sim")
        return intake.id


def _person(rs: RecordStore, intake_id: str) -> Person:
    from enrollment.records.intake_reads import person_id_of

    with rs.transaction() as s:
        return s.get(Person, person_id_of(s, s.get(Intake, intake_id)))


def _check_immutable(url: str, keyring) -> None:  # type: ignore[no-untyped-def]
    rs = RecordStore(url, keyring)
    try:
        intake_id = _intake(rs, 1)
        attempts = [
            update(ConsentRecord).values(decision="refused", reason_sealed=b"changed my mind"),
            update(ConsentRecord).values(text_sha256="0" * 64),
            delete(ConsentRecord),
            delete(Intake).where(Intake.id == intake_id),  # the foreign key's cascade meets the trigger
        ]
        for statement in attempts:
            with pytest.raises(DBAPIError, match="consent records are immutable"), rs.transaction() as s:
                s.execute(statement, execution_options={"synchronize_session": False})
        with rs.transaction() as s:
            (record,) = s.scalars(select(ConsentRecord)).all()
            assert record.decision is ConsentDecision.GIVEN and record.reason_sealed is None
            assert consents.signature_of(s, record) == [[list(p) for p in stroke] for stroke in STROKES]
            assert s.get(Intake, intake_id) is not None
        with pytest.raises(DBAPIError, match="consent records are immutable"), rs.transaction() as s:
            s.get(ConsentRecord, record.id).reason_sealed = b"edited through the ORM"
        with rs.transaction() as s:
            consents.withdraw_consent(s, intake_id, reason="a withdrawal is a record like the others")
        with pytest.raises(DBAPIError, match="consent records are immutable"), rs.transaction() as s:
            s.execute(delete(ConsentRecord).where(ConsentRecord.decision == ConsentDecision.WITHDRAWN))
        with rs.transaction() as s:  # a purge deletes the intake with its consent records and leaves no marker
            assert consents.delete_intakes(s, Intake.id == intake_id) == 1
        with rs.transaction() as s:
            for model in (Intake, ConsentRecord, ConsentPurge, ConsentReportPending):
                assert s.scalar(select(func.count()).select_from(model)) == 0
    finally:
        rs.close()


def test_sqlite_store_refuses_to_change_or_delete_a_consent_record(sqlite_url, keyring):
    _check_immutable(sqlite_url, keyring)
    db = sqlite_url.removeprefix("sqlite:///")
    rs = RecordStore(sqlite_url, keyring)
    _intake(rs, 2)
    rs.close()
    with sqlite3.connect(db) as conn, pytest.raises(sqlite3.DatabaseError, match="immutable"):
        conn.execute("INSERT INTO consent_purges VALUES ('x')")  # fine on its own ...
        conn.execute("UPDATE consent_records SET reason_sealed = x'00'")  # ... but no update passes (any client)


@pytest.mark.postgres
def test_postgres_store_refuses_to_change_or_delete_a_consent_record(postgres_url, keyring):
    _check_immutable(postgres_url, keyring)


def test_the_signature_is_not_in_the_database_in_plaintext(sqlite_url, tmp_path, keyring):
    rs = RecordStore(sqlite_url, keyring)
    _intake(rs, 1)
    rs.close()
    files = [p for p in tmp_path.iterdir() if p.name.startswith("records.sqlite3")]
    raw = b"".join(p.read_bytes() for p in files)
    assert files and b"0.1234" not in raw and b"0.9753" not in raw and b"[[[" not in raw
    assert json.dumps(STROKES).encode()[:20] not in raw


@pytest.mark.parametrize("shown", [
    ConsentText("2026-12.1", "en", "The prints are deleted at once."),  # a text the kiosk never had
    ConsentText("2026-12.1", "ti", "anything"),  # a language the version does not have
    ConsentText("2099-01.1", "en", consent_text("en").text),  # a version that does not exist
    ConsentText("2026-12.1", "en", consent_text("en").text, text_id="some-other-notice"),
    ConsentText("2026-11.1", "en", consent_text("en").text),  # the current text under an older version
])
def test_a_text_the_kiosk_lacks_is_refused_and_nothing_written(sqlite_url, keyring, shown):
    rs = RecordStore(sqlite_url, keyring)
    with rs.transaction() as s:
        intakes.sync_locations(s, DEFAULT_LOCATIONS)
        intake = intakes.start_intake(s, location_id="emmen", kiosk_id="k", v_number=None)
        with pytest.raises(consents.UnknownConsentText):
            consents.record_consent(s, intake, shown, signature_strokes=STROKES)
        with pytest.raises(consents.UnknownConsentText):
            consents.record_refusal(s, intake, shown)
        assert s.scalar(select(func.count()).select_from(ConsentRecord)) == 0
        older = consent_text("en", "2026-11.1")  # an older text the kiosk still has is accepted
        refused = consents.record_refusal(s, intake, older)
        assert refused.reason_sealed is None and refused.text_sha256 == consents.text_digest(older.text)
    rs.close()


def test_withdrawal_takes_the_persons_prints_out_of_the_gallery_and_an_index(sqlite_url, keyring):
    rs = RecordStore(sqlite_url, keyring)
    first = _intake(rs, 1, v_number="1112223334")
    second = _intake(rs, 1, person=_person(rs, first), v_number="1112223334")  # the same person, a second visit
    other = _intake(rs, 40)
    with rs.transaction() as s:
        index, locations = identification.build_index(enrolled_prints(s))
        person = next(p.person_id for p in enrolled_prints(s) if p.intake_id == first)
        assert index.subjects == 2 and len(index.prints(person)) == 4
        assert sum(map(len, prints_for_vnumber(s, parse_vnumber("1112223334")).values())) == 4
        given_ids = {r.id for r in s.scalars(select(ConsentRecord).where(ConsentRecord.intake_id != other))}
    with rs.transaction() as s:
        done = consents.withdraw_consent(s, second, reason="  ")
    assert done.person_id == person and len(done.records) == 2
    assert identification.drop_person(index, locations, done.person_id) == 4
    assert person not in index and person not in locations and index.subjects == 1
    with rs.transaction() as s:
        assert {p.intake_id for p in enrolled_prints(s)} == {other}
        assert prints_for_vnumber(s, parse_vnumber("1112223334")) == {}
        rebuilt, _ = identification.build_index(enrolled_prints(s))
        assert person not in rebuilt and rebuilt.subjects == 1
        withdrawals = s.scalars(select(ConsentRecord).where(ConsentRecord.decision == ConsentDecision.WITHDRAWN)).all()
        assert {w.withdraws_id for w in withdrawals} == given_ids  # each names the consent it withdraws
        for w in withdrawals:
            original = s.get(ConsentRecord, w.withdraws_id)
            assert w.intake_id == original.intake_id and w.reason_sealed is None and w.text_sha256 is None
        pending = set(s.scalars(select(ConsentReportPending.record_id)))
        assert pending == {w.id for w in withdrawals}
    with pytest.raises(consents.NoConsentInForce), rs.transaction() as s:
        consents.withdraw_consent(s, first)
    with pytest.raises(consents.UnknownIntake), rs.transaction() as s:
        consents.withdraw_consent(s, "no-such-intake")
    with rs.transaction() as s:  # a purge takes consents, withdrawals and their queued reports together
        assert consents.delete_intakes(s, Intake.id.in_([first, second])) == 2
    with rs.transaction() as s:
        assert s.scalar(select(func.count()).select_from(ConsentRecord)) == 1
        assert s.scalar(select(func.count()).select_from(ConsentReportPending)) == 0
    rs.close()


def test_zuil_consent_withdraw_at_the_desk(tmp_path, monkeypatch):
    """With the kiosk's keys made by `zuil keys init` (a cheaper Argon2id) and unlocked by the passphrase."""
    from click.testing import CliRunner

    from enrollment.audit.log_store import AuditLog, audit_log_path
    from enrollment.keys import parameters
    from enrollment.keys.kek_sources import Secrets
    from enrollment.keys.key_store import unlock_keys
    from kiosk.cli import main

    monkeypatch.setattr(parameters, "ARGON2_MEMORY_KIB", 8 * 1024)
    monkeypatch.setattr(parameters, "ARGON2_TIME_COST", 1)
    monkeypatch.setenv("ZUIL_KEYS_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("ZUIL_CONFIG", raising=False)
    data = tmp_path / "kiosk"

    def zuil(*args: str):  # type: ignore[no-untyped-def]
        return CliRunner().invoke(main, ["--data-dir", str(data), *args])

    assert zuil("keys", "init", "--seal", "passphrase").exit_code == 0
    rs = RecordStore(f"sqlite:///{data / 'zuil.sqlite3'}", unlock_keys(data, Secrets(passphrase=lambda: PASSPHRASE)))
    intake_id = _intake(rs, 3)
    rs.close()
    result = zuil("consent", "withdraw", "--intake", intake_id, "--reason", "I want to leave")
    assert result.exit_code == 0, result.output
    assert "withdrew 1 consent" in result.output
    with AuditLog(audit_log_path(data)) as log:
        logged = [e.data for e in log.entries() if b"consent-withdrawal" in e.data]
    assert len(logged) == 1 and intake_id.encode() in logged[0] and b"leave" not in logged[0]
    for again in (zuil("consent", "withdraw", "--intake", intake_id), zuil("consent", "withdraw", "--intake", "x")):
        assert again.exit_code == 2 and len(again.output.strip().splitlines()) == 1, again.output
    assert "NoConsentInForce" in again.output or "UnknownIntake" in again.output
    assert "does not ask who runs it" in zuil("consent", "withdraw", "--help").output


_json = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
                     lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=3), inner,
                                                                                   max_size=3), max_leaves=20)


@settings(derandomize=True, max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_json, st.lists(st.lists(st.tuples(st.floats(), st.floats()), max_size=5), max_size=4)))
def test_any_strokes_are_parsed_or_refused_with_a_typed_error(value):
    try:
        parsed = consents.parse_strokes(value)
    except consents.StrokesInvalid:
        return
    assert consents.strokes_from_json(json.dumps(parsed).encode()) == parsed


@settings(derandomize=True, max_examples=100)
@given(st.binary(max_size=64))
def test_any_opened_signature_bytes_are_parsed_or_refused(data):
    try:
        parsed = consents.strokes_from_json(data)
    except consents.StrokesInvalid:
        return
    assert all(len(point) == 2 for stroke in parsed for point in stroke)
