import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, inspect, select
from sqlalchemy.exc import IntegrityError

from enrollment.consent import consent_text
from enrollment.errors import LocationError, StorageError
from enrollment.records import intakes, store
from enrollment.records.intake_reads import capture_template, intakes_of_person, person_id_of, vnumber_of
from enrollment.records.locations import DEFAULT_LOCATIONS
from enrollment.records.models import Base, ConsentRecord, Intake, Person
from enrollment.records.vocabulary import (
    ConsentDecision,
    ContraIndication,
    IdentificationDecision,
    IntakeStatus,
    OfficerDecision,
    Outcome,
    OutcomeCategory,
)
from enrollment.values.vnumber import parse_vnumber

TABLES = {
    "locations",
    "persons",
    "intakes",
    "consent_records",
    "consent_purges",
    "consent_reports_pending",
    "deletion_receipts",
    "captures",
    "identification_results",
    "officer_decisions",
    "contra_indications",
    "key_checks",
    "staff_accounts",
    "decision_confirmations",
    "outbox_envelopes",
    "outbox_heads",
    "upload_state",
    "feed_persons",
    "feed_prints",
    "feed_cursor",
    "gallery_generation",
    "alembic_version",
}


def _full_intake(rs: store.RecordStore) -> str:
    with rs.transaction() as s:
        intakes.sync_locations(s, DEFAULT_LOCATIONS)
        intake = intakes.start_intake(
            s, location_id="rotterdam", kiosk_id="zuil-rtd-01", v_number=parse_vnumber("1234 567 890")
        )
        text = consent_text("nl")
        intakes.record_consent(
            s,
            intake,
            language="nl",
            text_version=text.version,
            text=text.text,
            decision=ConsentDecision.GIVEN,
            signature_strokes=[[(0, 0), (1, 1)]],
        )
        intakes.add_capture(s, intake, finger_position=2, quality=71, template=b"\x01\x02", device_id="sim:1")
        intakes.add_identification(
            s,
            intake,
            decision=IdentificationDecision.NO_HIT,
            threshold_name="FMR_1_IN_10000",
            gallery_size=0,
            candidates=[],
        )
        intakes.add_officer_decision(s, intake, officer_id="avim-7", role="avim", decision=OfficerDecision.PROCEED)
        intakes.flag_contra_indication(s, intake, ContraIndication.DUBLIN_CLAIMANT, recorded_by="avim-7")
        intakes.record_outcome(s, intake, Outcome.ARTICLE_64)
        intakes.finish_intake(s, intake)
        return intake.id


def _check_round_trip(url: str, keyring) -> None:  # type: ignore[no-untyped-def]
    rs = store.RecordStore(url, keyring)
    try:
        intake_id = _full_intake(rs)
        with rs.transaction() as s:
            intake = s.get(Intake, intake_id)
            assert str(vnumber_of(s, intake)) == "1234567890" and intake.status is IntakeStatus.COMPLETED
            assert intake.outcome_category is OutcomeCategory.SEMI_DURABLE
            assert intake.consents[0].text_sha256 == intakes.text_digest(consent_text("nl").text)
            assert capture_template(s, intake.captures[0]) == b"\x01\x02"
            assert intake.flags[0].flag is ContraIndication.DUBLIN_CLAIMANT
            # a second intake of the same pseudonymous person, elsewhere, without a V-number
            person = s.get(Person, person_id_of(s, intake))
            second = intakes.start_intake(
                s, location_id="groningen", kiosk_id="zuil-gro-01", v_number=None, person=person
            )
            assert second.has_v_number == 0 and vnumber_of(s, second) is None
            assert len(intakes.intakes_for_vnumber(s, parse_vnumber("1234567890"))) == 1
        with rs.transaction() as s:
            assert [i.id for i in intakes_of_person(s, person.id)] == [intake_id, second.id]
    finally:
        rs.close()


def _check_migrations(url: str) -> None:
    store.upgrade(url)
    engine = store.make_engine(url)
    try:
        assert set(inspect(engine).get_table_names()) == TABLES
        with engine.connect() as conn:  # the migrations create exactly what the models describe
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == []
        store.downgrade(url, "base")
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        store.upgrade(url)
        assert store.current_revision(engine) == store.head_revision()
    finally:
        engine.dispose()


def test_round_trip_sqlite(sqlite_url, keyring):
    _check_round_trip(sqlite_url, keyring)


def test_migrations_sqlite(sqlite_url):
    _check_migrations(sqlite_url)


@pytest.mark.postgres
def test_round_trip_postgres(postgres_url, keyring):
    _check_round_trip(postgres_url, keyring)


@pytest.mark.postgres
def test_migrations_postgres(postgres_url):
    _check_migrations(postgres_url)


def test_sqlite_is_in_wal_mode(sqlite_url, tmp_path, keyring):
    store.RecordStore(sqlite_url, keyring).close()
    with sqlite3.connect(tmp_path / "records.sqlite3") as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_failed_transaction_writes_nothing(sqlite_url, keyring):
    rs = store.RecordStore(sqlite_url, keyring)
    with rs.transaction() as s:
        intakes.sync_locations(s, DEFAULT_LOCATIONS)
    with pytest.raises(StorageError), rs.transaction() as s:
        intake = intakes.start_intake(s, location_id="utrecht", kiosk_id="k", v_number=None)
        intakes.record_consent(
            s, intake, language="en", text_version="v1", text="t", decision=ConsentDecision.REFUSED
        )  # a text the kiosk does not have
    with rs.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Intake)) == 0
        assert s.scalar(select(func.count()).select_from(ConsentRecord)) == 0
    rs.close()


def test_invalid_input_is_refused_before_writing(sqlite_url, keyring):
    rs = store.RecordStore(sqlite_url, keyring)
    with rs.transaction() as s:
        intakes.sync_locations(s, DEFAULT_LOCATIONS)
    with pytest.raises(LocationError), rs.transaction() as s:
        intakes.start_intake(s, location_id="atlantis", kiosk_id="k", v_number=None)
    with pytest.raises(StorageError, match="parsed VNumber"), rs.transaction() as s:
        intakes.start_intake(s, location_id="emmen", kiosk_id="k", v_number="123")
    with rs.transaction() as s:
        intake = intakes.start_intake(s, location_id="emmen", kiosk_id="k", v_number=None)
        with pytest.raises(StorageError, match="ISO code"):
            intakes.add_capture(s, intake, finger_position=11, quality=50, template=None, device_id="d")
        with pytest.raises(StorageError, match="quality"):
            intakes.add_capture(s, intake, finger_position=1, quality=101, template=None, device_id="d")
        with pytest.raises(StorageError, match="ISO 639"):
            intakes.record_consent(
                s, intake, language="Dutch", text_version="v", text="t", decision=ConsentDecision.GIVEN
            )
    rs.close()


def test_database_constraint_holds_the_v_number_rule(sqlite_url, keyring):
    rs = store.RecordStore(sqlite_url, keyring)
    with rs.transaction() as s:
        intakes.sync_locations(s, DEFAULT_LOCATIONS)
    with pytest.raises(IntegrityError), rs.transaction() as s:
        s.add(Intake(person_sealed=b"x", location_id="emmen", kiosk_id="k", has_v_number=1, v_number_hmac="1:00"))
    rs.close()


def test_refuses_an_old_schema(sqlite_url, keyring):
    engine = store.make_engine(sqlite_url)
    engine.dispose()
    with pytest.raises(StorageError, match="zuil db upgrade"):
        store.RecordStore(sqlite_url, keyring, auto_upgrade=False)
