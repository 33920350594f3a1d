"""The upstream's protocol (sync/PROTOCOL.md) over real TLS against a real `zuil upstream serve`, on SQLite and on
PostgreSQL: registration, delivery, receipts, chain faults, refusals."""

from __future__ import annotations

import datetime
import hashlib
import json

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from sync.envelope import GENESIS
from sync.receipt import verified_receipt
from tests.sync import fixed_keys
from tests.sync.upstream.harness import csr_for, fetch_ca, register, register_request, zuil


@pytest.fixture(scope="module")
def kiosk(upstream, tmp_path_factory):
    return register(upstream, fixed_keys.KIOSK, fixed_keys.signing_key(), tmp_path_factory.mktemp("kiosk"))


def post(client: httpx.Client, upstream, data: bytes) -> httpx.Response:
    return client.post(f"{upstream.service}/v1/envelopes", content=data, headers={"content-type": "application/cbor"})


def receipt_keys(answer: dict) -> dict:
    return {int(v): Ed25519PublicKey.from_public_bytes(bytes.fromhex(k)) for v, k in answer["receipt_keys"].items()}


def test_the_ca_fingerprint_printed_is_the_served_cas(upstream, tmp_path):
    _token, fingerprint = upstream.token("zuil-fingerprint-01")
    ca = x509.load_pem_x509_certificate(fetch_ca(upstream, tmp_path).read_bytes())
    from cryptography.hazmat.primitives import serialization

    assert hashlib.sha256(ca.public_bytes(serialization.Encoding.DER)).hexdigest() == fingerprint


def _request(token: str, kiosk_id: str) -> dict:
    return {"token": token, "kiosk": kiosk_id, "csr": csr_for(kiosk_id, ec.generate_private_key(ec.SECP256R1())),
            "signing_keys": {"1": fixed_keys.signing_key().public_key().public_bytes_raw().hex()}}


def test_a_token_registers_once_and_only_its_own_kiosk(upstream, tmp_path):
    token, _ = upstream.token("zuil-once-01")
    other = register_request(upstream, tmp_path, _request(token, "zuil-once-02"))
    assert other.status_code == 403 and other.json()["reason"] == "token"
    assert register_request(upstream, tmp_path, _request(token, "zuil-once-01")).status_code == 200
    again = register_request(upstream, tmp_path, _request(token, "zuil-once-01"))
    assert again.status_code == 403 and again.json() == {"reason": "token", "detail": "the enrollment token is "
                                                                                        "used already"}
    unknown = register_request(upstream, tmp_path, _request("x" * 43, "zuil-once-03"))
    assert unknown.status_code == 403


def test_an_expired_token_is_refused(upstream, tmp_path):
    from sqlalchemy import update

    from sync.upstream import database
    from sync.upstream.folder import open_folder
    from sync.upstream.models import tokens

    token, _ = upstream.token("zuil-late-01")
    engine = database.make_engine(open_folder(upstream.folder).database)
    with engine.begin() as connection:  # 72 hours later
        connection.execute(update(tokens).where(tokens.c.token_sha256 == hashlib.sha256(token.encode()).digest())
                           .values(expires_at=datetime.datetime.now(datetime.UTC) - datetime.timedelta(hours=1)))
    engine.dispose()
    refused = register_request(upstream, tmp_path, _request(token, "zuil-late-01"))
    assert refused.status_code == 403 and "expired" in refused.json()["detail"]


def test_a_malformed_request_is_400(upstream, tmp_path):
    token, _ = upstream.token("zuil-bad-01")
    body = _request(token, "zuil-bad-01") | {"csr": "not a csr"}
    answer = register_request(upstream, tmp_path, body)
    assert answer.status_code == 400 and answer.json()["reason"] == "request"


def test_a_chain_is_held_and_a_repeat_gets_the_same_receipt(upstream, kiosk):
    chain = fixed_keys.chain(3)
    with kiosk.client() as client:
        receipts = []
        for envelope in chain:
            answer = post(client, upstream, envelope.encoded)
            assert answer.status_code == 200, answer.text
            assert answer.headers["content-type"] == "application/cbor"
            receipt = verified_receipt(answer.content, keys=receipt_keys(kiosk.answer), envelope=envelope.encoded)
            assert (receipt.upstream_id, receipt.sequence, receipt.envelope_id) == ("avim", envelope.sequence,
                                                                                   envelope.envelope_id)
            receipts.append(answer.content)
        again = post(client, upstream, chain[1].encoded)
        assert again.status_code == 200 and again.content == receipts[1]
        held = client.get(f"{upstream.service}/v1/chain").json()
    assert held == {"kiosk": fixed_keys.KIOSK, "held": 3, "head": chain[-1].hash.hex()}


def test_refusals_name_what_is_wrong_and_faults_are_recorded(upstream, kiosk):
    chain = fixed_keys.chain(5)
    with kiosk.client() as client:
        held = client.get(f"{upstream.service}/v1/chain").json()["held"]
        assert held >= 3  # the module's chain so far
        forged = bytearray(chain[held].encoded)
        forged[10] ^= 1  # inside the signature
        answer = post(client, upstream, bytes(forged))
        assert answer.status_code == 400 and answer.json()["field"] == "sig"
        other = fixed_keys.envelope(1, GENESIS, kiosk="zuil-other-01")
        answer = post(client, upstream, other.encoded)
        assert answer.status_code == 403 and answer.json()["reason"] == "kiosk"
        replay = fixed_keys.envelope(2, chain[0].hash, payload={"record": "another"})
        answer = post(client, upstream, replay.encoded)
        assert answer.status_code == 409 and answer.json()["reason"] == "replay"
        gap = fixed_keys.envelope(held + 2, chain[held].hash)
        answer = post(client, upstream, gap.encoded)
        assert answer.status_code == 409 and answer.json() | {"detail": ""} == {"reason": "gap", "expected": held + 1,
                                                                                 "detail": ""}
        fork = fixed_keys.envelope(held + 1, chain[0].hash)
        answer = post(client, upstream, fork.encoded)
        assert answer.status_code == 409 and answer.json()["reason"] == "fork" and answer.json()["expected"] == held + 1
        big = post(client, upstream, b"\x00" * (4 * 1024 * 1024 + 1))
        assert big.status_code == 413 and big.json()["reason"] == "size"
    chains = json.loads(zuil("upstream", "chains", "--dir", str(upstream.folder), "--json"))
    reasons = [f["reason"] for c in chains if c["kiosk"] == fixed_keys.KIOSK for f in c["faults"]]
    assert {"invalid", "replay", "gap", "fork"} <= set(reasons)
    assert "reason=fork" in zuil("upstream", "chains", "--dir", str(upstream.folder))


def test_a_client_without_the_cas_certificate_is_refused_in_the_handshake(upstream, kiosk, tmp_path):
    import ssl

    no_certificate = ssl.create_default_context(cafile=str(kiosk.folder / "ca.pem"))
    with pytest.raises(httpx.TransportError), httpx.Client(verify=no_certificate, timeout=60) as client:
        client.get(f"{upstream.service}/v1/chain")
    # a certificate of another CA, naming the same kiosk
    from tests.sync.upstream.conftest import started

    stranger = started(tmp_path / "other-upstream", None)
    try:
        foreign = register(stranger, fixed_keys.KIOSK, fixed_keys.signing_key(), tmp_path / "foreign")
    finally:
        assert stranger.stop() == 0
    context = ssl.create_default_context(cafile=str(kiosk.folder / "ca.pem"))
    context.load_cert_chain(str(foreign.folder / "cert.pem"), str(foreign.folder / "key.pem"))
    with pytest.raises(httpx.TransportError), httpx.Client(verify=context, timeout=60) as client:
        client.get(f"{upstream.service}/v1/chain")


def test_checkpoint_and_deletion_envelopes_are_recorded_and_chains_shows_the_last_checkpoint(upstream, tmp_path):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from enrollment.audit.checkpoints import Checkpoint, signed_message
    from sync.kinds import EnvelopeKind
    from sync.payloads import checkpoint_report
    from sync.upstream.admin import chain_list
    from sync.upstream.database import make_engine
    from sync.upstream.folder import open_folder
    from tests.sync.upstream.harness import envelope_of

    me = register(upstream, "zuil-checkpoint-01", fixed_keys.signing_key(), tmp_path)

    def checkpoint(number: int, signer: Ed25519PrivateKey) -> dict:
        head, when = bytes([number]) * 32, "2026-12-02T00:00:00.000000+00:00"
        return checkpoint_report(Checkpoint(number, 10 * number, head, when, 1,
                                            signer.sign(signed_message(10 * number, head, when, 1)))).public

    deletion = {"receipt": "c0ffee00-0000-4000-8000-000000000009", "rule": "intake-retention", "records": 1,
                "intakes": ["c0ffee00-0000-4000-8000-000000000001"], "captures": [], "deleted": 1_800_000_000}
    sent = [(EnvelopeKind.CHECKPOINT, checkpoint(1, fixed_keys.signing_key())), (EnvelopeKind.DELETION, deletion),
            (EnvelopeKind.CHECKPOINT, checkpoint(2, Ed25519PrivateKey.generate()))]  # signed with another key
    made: list = []
    shown = []
    engine = make_engine(open_folder(str(upstream.folder)).database)
    with me.client() as client:
        for kind, payload in sent:
            made.append(envelope_of(me.kiosk_id, len(made) + 1, made[-1].hash if made else GENESIS, kind=kind,
                                    payload=payload))
            assert post(client, upstream, made[-1].encoded).status_code == 200
            shown.append(next(c for c in chain_list(engine) if c["kiosk"] == me.kiosk_id))
    engine.dispose()
    assert shown[0]["checkpoint"] == {"number": 1, "entries": 10, "head": "01" * 32,
                                      "time": "2026-12-02T00:00:00.000000+00:00", "signature": "verified"}
    assert shown[1]["deletions"] == 1 and shown[1]["checkpoint"]["number"] == 1
    assert shown[2]["checkpoint"]["number"] == 2 and shown[2]["checkpoint"]["signature"] == "does not verify"
    assert "checkpoint number=2" in zuil("upstream", "chains", "--dir", str(upstream.folder))
