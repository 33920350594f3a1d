"""Officers' decisions queued upstream through the kiosk's hook on a real SQLite record: each decision and each
second officer's confirmation is a signed envelope in the chain, appended in the step's own transaction; the
reason and the contra-indications open only with the upstream's key; a refused confirmation queues nothing."""

from __future__ import annotations

import cbor2
import pytest
from sqlalchemy import func, select

from enrollment.access.errors import FourEyesRefused
from enrollment.access.service import KEY_HOLDER, AccessService
from enrollment.audit.log_store import AuditLog
from enrollment.records.models import OfficerDecisionRow, OutboxEnvelope
from enrollment.records.store import RecordStore
from enrollment.records.vocabulary import ContraIndication, OfficerDecision
from kiosk.decision_reports import outbox_hook
from sync.chain import verify_chain
from sync.envelope import seal_aad, verified_envelope
from sync.errors import UpstreamKeyError
from sync.kinds import EnvelopeKind
from sync.outbox import Sender, chain_of, signing_keys
from sync.sealing import open_sealed
from tests.enrollment.access.conftest import PIN, ROLE_OF, SETTINGS, make_intake
from tests.sync.fixed_keys import upstream_key

KIOSK = "zuil-rtd-01"
REASON = "same scar on the left index, same birth date in the file"


@pytest.fixture
def records(sqlite_url, keyring):
    opened = RecordStore(sqlite_url, keyring)
    yield opened
    opened.close()


@pytest.fixture
def log(tmp_path):
    with AuditLog(tmp_path / "audit.sqlite3") as opened:
        yield opened


def _service(records, keyring, log, *, upstream=True) -> AccessService:  # type: ignore[no-untyped-def]
    sender = Sender(KIOSK, keyring, upstream_key().public_key() if upstream else None)
    service = AccessService(records, log, SETTINGS, on_decision=outbox_hook(lambda: sender))
    for name in ("officer", "officer2"):
        service.add_account(KEY_HOLDER, name, ROLE_OF[name], PIN[name])
    return service


def _chain(records, keyring) -> list:  # type: ignore[no-untyped-def]
    with records.transaction() as session:
        stored = chain_of(session, KIOSK)
    verify_chain(stored, keys=signing_keys(keyring), kiosk_id=KIOSK)
    return [verified_envelope(data, keys=signing_keys(keyring)) for data in stored]


def _opened(envelope) -> dict:  # type: ignore[no-untyped-def]
    aad = seal_aad(envelope.envelope_id, KIOSK, envelope.sequence, envelope.kind)
    return cbor2.loads(open_sealed(upstream_key(), envelope.payload["sealed"], aad))


def test_a_decision_is_queued_with_its_reason_and_flags_sealed(records, keyring, log):
    service = _service(records, keyring, log)
    hit = make_intake(records)
    officer = service.login("officer", PIN["officer"])
    decided = service.record_decision(officer, hit, OfficerDecision.SAME_PERSON, REASON,
                                      contra_indications=[ContraIndication.DUBLIN_CLAIMANT])
    [envelope] = _chain(records, keyring)
    assert envelope.kind == EnvelopeKind.DECISION
    assert {k: v for k, v in envelope.payload.items() if k != "sealed"} == {
        "decision": decided.decision_id, "intake": hit, "outcome": "same_person", "officer": officer.account_id,
        "decided": int(decided.decided_at.timestamp()), "needs_second_officer": False}
    secret = _opened(envelope)
    assert secret["reason"] == REASON
    assert [(f["flag"], f["set_by"]) for f in secret["contra_indications"]] == [("dublin_claimant",
                                                                                  officer.account_id)]
    with records.transaction() as session:
        blobs = b"".join(chain_of(session, KIOSK))
    assert b"scar" not in blobs and b"dublin" not in blobs


def test_an_override_and_its_second_officers_confirmation_are_two_envelopes(records, keyring, log):
    service = _service(records, keyring, log)
    hit = make_intake(records)
    first, second = service.login("officer", PIN["officer"]), service.login("officer2", PIN["officer2"])
    decided = service.record_decision(first, hit, OfficerDecision.DIFFERENT_PERSON, "different scars")
    with pytest.raises(FourEyesRefused):
        service.confirm_decision(first, decided.decision_id)
    assert len(_chain(records, keyring)) == 1  # the refused confirmation queued nothing
    confirmed = service.confirm_decision(second, decided.decision_id)
    assert confirmed.in_force
    override, confirmation = _chain(records, keyring)
    assert override.payload["needs_second_officer"] is True and _opened(override)["reason"] == "different scars"
    assert _opened(override)["contra_indications"] == []
    assert confirmation.kind == EnvelopeKind.CONFIRMATION and "sealed" not in confirmation.payload
    assert {k: confirmation.payload[k] for k in ("decision", "intake", "confirmed_by")} == {
        "decision": decided.decision_id, "intake": hit, "confirmed_by": second.account_id}


def test_a_decision_that_cannot_be_queued_is_not_recorded(records, keyring, log):
    service = _service(records, keyring, log, upstream=False)
    hit = make_intake(records)
    officer = service.login("officer", PIN["officer"])
    with pytest.raises(UpstreamKeyError):
        service.record_decision(officer, hit, OfficerDecision.REFER_TO_LSO, "for the LSO")
    with records.transaction() as session:
        assert session.scalar(select(func.count()).select_from(OfficerDecisionRow)) == 0
        assert session.scalar(select(func.count()).select_from(OutboxEnvelope)) == 0
