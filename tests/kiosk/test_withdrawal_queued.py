"""``zuil consent withdraw`` queues each withdrawal record for upstream in the transaction that records it (the kiosk
wires the enrollment command to its outbox), and says so; without an upstream key it says nothing is queued."""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import select

from enrollment.records.models import ConsentRecord, OutboxEnvelope
from enrollment.records.vocabulary import ConsentDecision
from sync import canonical, sealing
from sync.chain import verify_chain
from sync.envelope import seal_aad
from sync.kinds import EnvelopeKind
from sync.outbox import signing_keys
from tests.enrollment.keys.conftest import cheap_argon2  # noqa: F401 - the cheap Argon2id fixture
from tests.enrollment.records.retention_records import consented
from tests.enrollment.test_retention_commands import _store, zuil  # noqa: F401 - the CLI fixture with real keys


def _upstream_key(cli) -> X25519PrivateKey:  # type: ignore[no-untyped-def]
    private = X25519PrivateKey.generate()
    (cli.data / "upstream-x25519.pem").write_bytes(private.public_key().public_bytes(
        Encoding.PEM, PublicFormat.SubjectPublicKeyInfo))
    return private


def test_a_withdrawal_at_the_desk_is_queued_as_a_signed_envelope(zuil, tmp_path):  # noqa: F811
    upstream = _upstream_key(zuil)
    config = tmp_path / "zuil.toml"
    config.write_text('[sync]\nupstream_public_key = "upstream-x25519.pem"\n')
    store = _store(zuil.data)
    intake = consented(store, 1)
    store.close()
    done = zuil("--config", str(config), "consent", "withdraw", "--intake", intake, "--reason", "changed my mind")
    assert done.exit_code == 0, done.output
    assert "1 withdrawal(s) queued for upstream" in done.output
    store = _store(zuil.data)
    try:
        with store.transaction() as session:
            withdrawal = session.scalars(select(ConsentRecord).where(
                ConsentRecord.decision == ConsentDecision.WITHDRAWN)).one()
            rows = session.scalars(select(OutboxEnvelope).where(OutboxEnvelope.kind == "withdrawal")).all()
            chain = [row.envelope for row in session.scalars(select(OutboxEnvelope).order_by(OutboxEnvelope.sequence))]
        ring = store.cipher.keyring
    finally:
        store.close()
    assert [row.record_id for row in rows] == [withdrawal.id]
    head = verify_chain(chain, keys=signing_keys(ring))
    assert head.length == len(chain)
    body = canonical.decode(canonical.decode(rows[0].envelope)["body"])
    assert body["kind"] == EnvelopeKind.WITHDRAWAL and body["payload"]["withdraws"] == withdrawal.withdraws_id
    secret = sealing.open_sealed(upstream, body["payload"]["sealed"],
                                 seal_aad(body["id"], body["kiosk"], body["seq"], body["kind"]))
    assert canonical.decode(secret) == {"reason": "changed my mind"}


def test_without_an_upstream_key_the_withdrawal_is_recorded_and_said_not_queued(zuil):  # noqa: F811
    store = _store(zuil.data)
    intake = consented(store, 2)
    store.close()
    done = zuil("consent", "withdraw", "--intake", intake)
    assert done.exit_code == 0, done.output
    assert "not queued for upstream: no upstream key is configured or registered" in done.output


def test_the_desk_may_name_the_intake_by_the_receipt_code_on_the_slip(zuil):  # noqa: F811
    from enrollment.records.receipt_code import receipt_code, shown

    store = _store(zuil.data)
    intake = consented(store, 1)
    store.close()
    wrong = zuil("consent", "withdraw", "--intake", "ZZZZ ZZZZ")
    assert wrong.exit_code == 2 and "no intake has it" in wrong.output and len(wrong.output.splitlines()) == 1
    done = zuil("consent", "withdraw", "--intake", shown(receipt_code(intake)).lower())
    assert done.exit_code == 0, done.output
    assert f"of the person of intake {intake}" in done.output
