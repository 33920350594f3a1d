"""``POST /v1/envelopes:batch`` (sync/PROTOCOL.md "Delivering a batch") over real TLS against a real
``zuil upstream serve``, on SQLite and on PostgreSQL: one receipt per envelope, the same receipts for repeats
(the single endpoint's too), and a refusal in the middle of a batch after the envelopes before it are held."""

from __future__ import annotations

import json

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from sync.batch import decode_answer, encode_answer, encode_request
from sync.receipt import verified_receipt
from tests.sync import fixed_keys
from tests.sync.upstream.harness import chain_of, envelope_of, register, zuil


def post_batch(client: httpx.Client, upstream, envelopes: list[bytes]) -> httpx.Response:
    return client.post(f"{upstream.service}/v1/envelopes:batch", content=encode_request(envelopes),
                       headers={"content-type": "application/cbor"})


def _kiosk(upstream, tmp_path, kiosk_id: str):
    return register(upstream, kiosk_id, fixed_keys.signing_key(), tmp_path / kiosk_id)


def _faults(upstream, kiosk_id: str) -> list[str]:
    chains = json.loads(zuil("upstream", "chains", "--dir", str(upstream.folder), "--json"))
    return [f["reason"] for c in chains if c["kiosk"] == kiosk_id for f in c["faults"]]


def test_a_batch_gets_one_receipt_per_envelope_and_a_repeat_the_same_ones(upstream, tmp_path):
    kiosk = _kiosk(upstream, tmp_path, "zuil-batch-01")
    keys = {int(v): Ed25519PublicKey.from_public_bytes(bytes.fromhex(k))
            for v, k in kiosk.answer["receipt_keys"].items()}
    chain = chain_of(kiosk.kiosk_id, 7)
    with kiosk.client() as client:
        first = post_batch(client, upstream, [e.encoded for e in chain[:4]])
        assert first.status_code == 200 and first.headers["content-type"] == "application/cbor", first.text
        answer = decode_answer(first.content, 4)
        assert answer.refusal is None
        for envelope, receipt in zip(chain[:4], answer.receipts, strict=True):
            assert verified_receipt(receipt, keys=keys, envelope=envelope.encoded).sequence == envelope.sequence
        # the answer was lost: the kiosk sends 3 and 4 again with the next ones
        again = decode_answer(post_batch(client, upstream, [e.encoded for e in chain[2:]]).content, 5)
        assert again.refusal is None and again.receipts[:2] == answer.receipts[2:]
        single = client.post(f"{upstream.service}/v1/envelopes", content=chain[1].encoded,
                             headers={"content-type": "application/cbor"})
        assert single.status_code == 200 and single.content == answer.receipts[1]
        held = client.get(f"{upstream.service}/v1/chain").json()
    assert held == {"kiosk": kiosk.kiosk_id, "held": 7, "head": chain[-1].hash.hex()}
    assert _faults(upstream, kiosk.kiosk_id) == []


def test_a_refusal_in_the_middle_holds_those_before_it_and_is_recorded(upstream, tmp_path):
    kiosk = _kiosk(upstream, tmp_path, "zuil-batch-02")
    chain = chain_of(kiosk.kiosk_id, 6)
    forged = bytearray(chain[4].encoded)
    forged[10] ^= 1  # inside the signature
    with kiosk.client() as client:
        gap = post_batch(client, upstream, [e.encoded for e in (chain[0], chain[1], chain[3])])
        answer = decode_answer(gap.content, 3)
        assert gap.status_code == 200 and len(answer.receipts) == 2
        assert answer.refusal is not None and answer.refusal | {"detail": ""} == {
            "index": 2, "status": 409, "reason": "gap", "expected": 3, "detail": ""}
        fork = envelope_of(kiosk.kiosk_id, 4, chain[0].hash)
        answer = decode_answer(post_batch(client, upstream, [chain[2].encoded, fork.encoded]).content, 2)
        assert len(answer.receipts) == 1 and answer.refusal is not None
        assert (answer.refusal["reason"], answer.refusal["expected"]) == ("fork", 4)
        answer = decode_answer(post_batch(client, upstream, [chain[3].encoded, bytes(forged)]).content, 2)
        assert len(answer.receipts) == 1 and answer.refusal is not None
        assert (answer.refusal["status"], answer.refusal["reason"], answer.refusal["field"]) == (400, "invalid",
                                                                                                 "sig")
        assert client.get(f"{upstream.service}/v1/chain").json()["held"] == 4
        other = envelope_of("zuil-batch-99", 5, chain[3].hash)  # names another kiosk: nothing of it is taken
        refused = post_batch(client, upstream, [chain[4].encoded, other.encoded])
        assert refused.status_code == 403 and refused.json()["reason"] == "kiosk"
        assert client.get(f"{upstream.service}/v1/chain").json()["held"] == 4
        for body in (b"\xa0", encode_request([]), b"not cbor"):
            malformed = client.post(f"{upstream.service}/v1/envelopes:batch", content=body,
                                    headers={"content-type": "application/cbor"})
            assert malformed.status_code == 400 and malformed.json()["reason"] == "request"
    assert _faults(upstream, kiosk.kiosk_id) == ["gap", "fork", "invalid"]


def test_an_answer_that_does_not_fit_the_batch_sent_is_refused(sent=3):
    with pytest.raises(ValueError, match="receipts"):
        decode_answer(encode_answer([b"r"] * 3, None), 2)
    with pytest.raises(ValueError, match="refusal"):
        decode_answer(encode_answer([b"r"] * (sent - 1), {"index": sent, "status": 409}), sent)
    with pytest.raises(ValueError, match="no refusal"):
        decode_answer(encode_answer([b"r"], None), sent)
