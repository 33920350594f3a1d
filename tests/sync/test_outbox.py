"""The outbox in a real SQLite record store: an intake's envelopes in the intake's transaction (or neither),
a gapless chain under concurrent writers, nothing in the clear that the upstream alone may read."""

from __future__ import annotations

import random
import threading

import cbor2
import pytest
from sqlalchemy import func, select

from enrollment.consent import consent_text
from enrollment.errors import StorageError
from enrollment.records import intakes, store
from enrollment.records.consents import withdraw_consent
from enrollment.records.locations import DEFAULT_LOCATIONS
from enrollment.records.models import Intake, OutboxEnvelope, OutboxHead, Person
from enrollment.records.store import RecordStore
from enrollment.records.vocabulary import ConsentDecision, IdentificationDecision
from enrollment.values.vnumber import parse_vnumber
from sync import canonical
from sync.chain import verify_chain
from sync.envelope import seal_aad
from sync.errors import SealInvalid, UpstreamKeyError
from sync.kinds import EnvelopeKind
from sync.outbox import Sender, append, chain_of, signing_keys
from sync.payloads import Report, intake_reports, withdrawal_report
from sync.sealing import open_sealed
from sync.status import outbox_status
from tests.sync.fixed_keys import upstream_key

KIOSK = "zuil-rtd-01"
V_NUMBER = "8675309123"
TEMPLATE = random.Random(15).randbytes(300)


@pytest.fixture
def records(sqlite_url, keyring):
    rs = RecordStore(sqlite_url, keyring)
    yield rs
    rs.close()


def _sender(keyring, upstream=True) -> Sender:
    return Sender(KIOSK, keyring, upstream_key().public_key() if upstream else None)


def _intake(session) -> Intake:  # type: ignore[no-untyped-def]
    intakes.sync_locations(session, DEFAULT_LOCATIONS)
    intake = intakes.start_intake(session, location_id="rotterdam", kiosk_id=KIOSK, v_number=parse_vnumber(V_NUMBER))
    text = consent_text("nl")
    intakes.record_consent(session, intake, language="nl", text_version=text.version, text=text.text,
                           decision=ConsentDecision.GIVEN, signature_strokes=[[(0.1, 0.2), (0.3, 0.4)]])
    intakes.add_capture(session, intake, finger_position=2, quality=71, template=TEMPLATE, device_id="sim:1")
    intakes.add_capture(session, intake, finger_position=7, quality=0, template=None, device_id="sim:1",
                        failure_reason="timeout")
    intakes.add_identification(session, intake, decision=IdentificationDecision.NO_HIT,
                               threshold_name="FMR_1_IN_10000", gallery_size=0, candidates=[])
    intakes.finish_intake(session, intake)
    return intake


def _store_with_envelopes(records, keyring) -> tuple[str, list]:  # type: ignore[no-untyped-def]
    with records.transaction() as session:
        intake = _intake(session)
        made = [append(session, _sender(keyring), report) for report in intake_reports(session, intake)]
        return intake.id, made


def test_an_intake_is_reported_in_its_own_transaction_as_a_verified_chain(records, keyring):
    intake_id, made = _store_with_envelopes(records, keyring)
    assert [e.kind for e in made] == [EnvelopeKind.INTAKE, EnvelopeKind.CONSENT, EnvelopeKind.IDENTIFICATION]
    with records.transaction() as session:
        stored = chain_of(session, KIOSK)
        head = session.get(OutboxHead, KIOSK)
        status = outbox_status(session, KIOSK)
    assert stored == [e.encoded for e in made]
    verified = verify_chain(stored, keys=signing_keys(keyring), kiosk_id=KIOSK)
    assert (verified.length, verified.head) == (3, made[-1].hash) == (head.last_sequence, head.head_hash)
    assert status["queued"] == 3 and status["last_sequence"] == 3 and status["chain_head_sha256"] == made[-1].hash.hex()
    assert status["last_success"] is status["last_error"] is status["next_attempt"] is None and not status["stopped"]
    intake = made[0]
    assert intake.payload["intake"] == intake_id and intake.payload["has_v_number"] is True
    assert [c["template"] for c in intake.payload["captures"]] == [True, False]
    # the upstream opens what was sealed to it, bound to this envelope
    aad = seal_aad(intake.envelope_id, KIOSK, intake.sequence, intake.kind)
    secret = cbor2.loads(open_sealed(upstream_key(), intake.payload["sealed"], aad))
    assert secret["v_number"] == V_NUMBER and secret["templates"][0]["template"] == TEMPLATE
    with pytest.raises(SealInvalid):  # moved into another envelope, it does not open
        open_sealed(upstream_key(), intake.payload["sealed"], seal_aad(made[1].envelope_id, KIOSK, 2, intake.kind))
    assert "sealed" not in made[1].payload  # a consent without a reason has nothing to seal
    assert canonical.decode(made[2].encoded)  # canonical through and through


def test_no_template_or_v_number_in_the_clear_in_the_outbox(records, keyring, sqlite_url):
    _store_with_envelopes(records, keyring)
    with records.transaction() as session:
        blobs = b"".join(chain_of(session, KIOSK))
    for secret in (TEMPLATE, TEMPLATE[100:140], V_NUMBER.encode(), b"867 530 9123"):
        assert secret not in blobs


def test_a_rollback_leaves_neither_the_record_nor_its_envelope(records, keyring):
    class Interrupted(Exception):
        pass

    with pytest.raises(Interrupted), records.transaction() as session:
        intake = _intake(session)
        for report in intake_reports(session, intake):
            append(session, _sender(keyring), report)
        raise Interrupted
    with records.transaction() as session:
        assert session.scalar(select(func.count()).select_from(Intake)) == 0
        assert session.scalar(select(func.count()).select_from(OutboxEnvelope)) == 0
        assert session.get(OutboxHead, KIOSK) is None
    _intake_id, made = _store_with_envelopes(records, keyring)
    assert [e.sequence for e in made] == [1, 2, 3]


def test_sealing_without_an_upstream_key_is_refused_before_anything_is_written(records, keyring):
    with pytest.raises(UpstreamKeyError), records.transaction() as session:
        intake = _intake(session)
        append(session, _sender(keyring, upstream=False), intake_reports(session, intake)[0])
    with records.transaction() as session:
        assert session.scalar(select(func.count()).select_from(OutboxEnvelope)) == 0


def test_one_envelope_per_record(records, keyring):
    with pytest.raises(Exception, match="UNIQUE"), records.transaction() as session:
        report = intake_reports(session, _intake(session))[1]
        append(session, _sender(keyring), report)
        append(session, _sender(keyring), report)


@pytest.mark.timeout(300)  # only for hangs
@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_concurrent_writers_get_one_gapless_chain(request, backend, keyring):
    url = request.getfixturevalue("sqlite_url" if backend == "sqlite" else "postgres_url")
    writers, each = 4, 8
    stores = [RecordStore(url, keyring) for _ in range(writers)]
    failures: list[BaseException] = []

    def write(rs: RecordStore) -> None:
        try:
            for _ in range(each):
                with rs.transaction() as session:
                    person = Person()
                    session.add(person)
                    session.flush()  # the record first (the write lock), then its envelope
                    append(session, _sender(keyring, upstream=False),
                           Report(EnvelopeKind.CONSENT, person.id, {"record": person.id}, None))
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=write, args=(rs,)) for rs in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert not failures, failures
        with stores[0].transaction() as session:
            chain = chain_of(session, KIOSK)
            people = session.scalar(select(func.count()).select_from(Person))
        assert len(chain) == people == writers * each
        assert verify_chain(chain, keys=signing_keys(keyring)).length == writers * each
    finally:
        for rs in stores:
            rs.close()


def test_the_schema_cannot_go_back_over_queued_envelopes(records, keyring, sqlite_url):
    _store_with_envelopes(records, keyring)
    records.close()
    with pytest.raises(StorageError, match="3 envelopes not yet delivered"):
        store.downgrade(sqlite_url, "0005")
    engine = store.make_engine(sqlite_url)
    assert store.current_revision(engine) == store.head_revision()
    engine.dispose()


def test_a_withdrawal_is_reported_with_its_reason_sealed(records, keyring):
    intake_id, _made = _store_with_envelopes(records, keyring)
    with records.transaction() as session:
        done = withdraw_consent(session, intake_id, reason="moved to another city")
        envelope = append(session, _sender(keyring), withdrawal_report(session, done.records[0]))
    assert (envelope.kind, envelope.sequence, envelope.payload["withdraws"]) == \
        (EnvelopeKind.WITHDRAWAL, 4, done.records[0].withdraws_id)
    assert b"moved to another city" not in envelope.encoded
    aad = seal_aad(envelope.envelope_id, KIOSK, 4, envelope.kind)
    opened = open_sealed(upstream_key(), envelope.payload["sealed"], aad)
    assert cbor2.loads(opened) == {"reason": "moved to another city"}
    with records.transaction() as session:
        assert verify_chain(chain_of(session, KIOSK), keys=signing_keys(keyring)).length == 4


def test_a_refusal_is_reported_with_its_reason_sealed(records, keyring):
    with records.transaction() as session:
        intakes.sync_locations(session, DEFAULT_LOCATIONS)
        intake = intakes.start_intake(session, location_id="rotterdam", kiosk_id=KIOSK, v_number=None)
        text = consent_text("nl")
        intakes.record_consent(session, intake, language="nl", text_version=text.version, text=text.text,
                               decision=ConsentDecision.REFUSED, refusal_reason="my doctor advised against it")
        intakes.finish_intake(session, intake)
        made = [append(session, _sender(keyring), report) for report in intake_reports(session, intake)]
    refusal = made[1]
    assert (refusal.kind, refusal.payload["decision"]) == (EnvelopeKind.CONSENT, "refused")
    assert b"my doctor" not in refusal.encoded
    opened = open_sealed(upstream_key(), refusal.payload["sealed"],
                         seal_aad(refusal.envelope_id, KIOSK, refusal.sequence, refusal.kind))
    assert cbor2.loads(opened) == {"reason": "my doctor advised against it"}
