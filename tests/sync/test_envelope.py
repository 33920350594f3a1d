"""The envelope: round trip, every tampering refused with the field named, chain faults named, fuzzed parsing."""

from __future__ import annotations

import hashlib

import cbor2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sync import canonical
from sync.chain import verify_chain
from sync.envelope import GENESIS, SIGNATURE_DOMAIN, parse_envelope, sign_envelope
from sync.errors import ChainBroken, EnvelopeInvalid, SyncError
from sync.kinds import EnvelopeKind
from tests.sync import fixed_keys
from tests.sync.fixed_keys import KIOSK, chain, envelope, keys, signing_key


def test_round_trip_keeps_every_field_and_hashes_the_whole_envelope():
    made = envelope(payload={"record": "r1", "n": 3, "blob": b"\x00\x01"})
    back = parse_envelope(made.encoded, keys=keys(), previous_hash=GENESIS)
    assert back == made
    assert (back.kiosk_id, back.sequence, back.kind, back.key_version) == (KIOSK, 1, EnvelopeKind.CONSENT, 1)
    assert back.payload == {"record": "r1", "n": 3, "blob": b"\x00\x01"}
    assert back.hash == hashlib.sha256(made.encoded).digest()
    outer = cbor2.loads(made.encoded)
    signing_key().public_key().verify(outer["sig"], SIGNATURE_DOMAIN + outer["body"])


def _resigned(made, **changes) -> bytes:
    """The envelope with body fields changed and signed again with the right key (only the link or key differs)."""
    body = cbor2.loads(cbor2.loads(made.encoded)["body"])
    body.update(changes)
    raw = canonical.encode(body)
    return canonical.encode({"body": raw, "sig": signing_key().sign(SIGNATURE_DOMAIN + raw)})


def test_a_changed_payload_or_signature_is_refused_by_the_signature():
    made = envelope()
    outer = cbor2.loads(made.encoded)
    body = cbor2.loads(outer["body"])
    body["payload"] = {"record": "r2"}
    forged = canonical.encode({"body": canonical.encode(body), "sig": outer["sig"]})
    with pytest.raises(EnvelopeInvalid) as caught:
        parse_envelope(forged, keys=keys(), previous_hash=GENESIS)
    assert caught.value.field == "sig"
    flipped = canonical.encode({"body": outer["body"], "sig": bytes([outer["sig"][0] ^ 1]) + outer["sig"][1:]})
    with pytest.raises(EnvelopeInvalid, match="'sig'"):
        parse_envelope(flipped, keys=keys(), previous_hash=GENESIS)


def test_an_envelope_linked_elsewhere_is_refused_as_prev():
    first, second = chain(2)
    with pytest.raises(EnvelopeInvalid) as caught:
        parse_envelope(second.encoded, keys=keys(), previous_hash=hashlib.sha256(b"another").digest())
    assert caught.value.field == "prev"
    assert parse_envelope(second.encoded, keys=keys(), previous_hash=first.hash) == second


def test_a_key_version_not_held_or_not_the_signer_is_refused():
    made = envelope(key_version=2)
    with pytest.raises(EnvelopeInvalid) as caught:
        parse_envelope(made.encoded, keys=keys(1), previous_hash=GENESIS)
    assert caught.value.field == "key"
    # the body names version 2, the verifier holds another key under 2: the signature does not verify
    other = fixed_keys.Ed25519PrivateKey.from_private_bytes(bytes(32)).public_key()
    with pytest.raises(EnvelopeInvalid) as caught:
        parse_envelope(made.encoded, keys={2: other}, previous_hash=GENESIS)
    assert caught.value.field == "sig"


@pytest.mark.parametrize(("changes", "field"), [
    ({"v": 2}, "v"), ({"id": "not-a-uuid"}, "id"), ({"kiosk": "Bad Kiosk"}, "kiosk"), ({"seq": 0}, "seq"),
    ({"seq": True}, "seq"), ({"prev": b"\x01" * 31}, "prev"), ({"kind": "ransom"}, "kind"),
    ({"created": -1}, "created"), ({"key": 0}, "key"), ({"payload": [1]}, "payload"), ({"extra": 1}, "extra"),
    ({"payload": {"sealed": {"alg": "rot13"}}}, "payload.sealed"),
])
def test_a_malformed_field_is_named(changes, field):
    with pytest.raises(EnvelopeInvalid) as caught:
        parse_envelope(_resigned(envelope(), **changes), keys=keys(), previous_hash=GENESIS)
    assert caught.value.field == field


def test_the_first_envelope_and_only_it_links_to_the_genesis():
    with pytest.raises(EnvelopeInvalid, match="'prev'"):
        sign_envelope(signing_key(), key_version=1, envelope_id="00000000-0000-4000-8000-000000000002",
                      kiosk_id=KIOSK, sequence=2, previous_hash=GENESIS, kind=EnvelopeKind.INTAKE, created=1,
                      payload={})
    with pytest.raises(EnvelopeInvalid, match="'prev'"):
        parse_envelope(_resigned(envelope(), prev=b"\x07" * 32), keys=keys(), previous_hash=b"\x07" * 32)


def test_every_single_byte_flip_of_a_valid_envelope_is_refused():
    made = envelope(payload={"record": "r1", "sealed": {"alg": "X25519-HKDF-SHA256-A256GCM", "rk": bytes(32),
                                                        "epk": bytes(32), "nonce": bytes(12), "ct": bytes(20)}})
    data = made.encoded
    refused = 0
    for index in range(len(data)):
        for mask in (0x01, 0x80, 0xFF):
            mutated = data[:index] + bytes([data[index] ^ mask]) + data[index + 1:]
            with pytest.raises(EnvelopeInvalid):
                parse_envelope(mutated, keys=keys(), previous_hash=GENESIS)
            refused += 1
    for cut in range(len(data)):  # and every truncation, and one byte appended
        with pytest.raises(EnvelopeInvalid):
            parse_envelope(data[:cut], keys=keys(), previous_hash=GENESIS)
    with pytest.raises(EnvelopeInvalid):
        parse_envelope(data + b"\x00", keys=keys(), previous_hash=GENESIS)
    assert refused == 3 * len(data)


@settings(derandomize=True, max_examples=300)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_are_refused_with_a_typed_error(data):
    with pytest.raises(EnvelopeInvalid):
        parse_envelope(data, keys=keys(), previous_hash=GENESIS)


CBOR_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-2**64, 2**64) | st.binary(max_size=40) | st.text(max_size=20)
    | st.floats(allow_nan=False),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=5),
    max_leaves=20)


@settings(derandomize=True, max_examples=300)
@given(st.dictionaries(st.sampled_from(["v", "id", "kiosk", "seq", "prev", "kind", "created", "key", "payload",
                                        "x"]), CBOR_VALUES, max_size=9),
       st.binary(min_size=64, max_size=64))
def test_structured_garbage_signed_or_not_is_refused_with_a_typed_error(body, signature):
    raw = canonical.encode(body)
    for sig in (signature, signing_key().sign(SIGNATURE_DOMAIN + raw)):
        try:
            parsed = parse_envelope(canonical.encode({"body": raw, "sig": sig}), keys=keys(), previous_hash=GENESIS)
        except EnvelopeInvalid:
            continue
        # only a body that is a whole, valid first envelope passes, and only with the real signature
        assert sig != signature and parsed.sequence == 1


def test_the_chain_verifier_names_the_first_gap_fork_replay_and_reorder():
    made = chain(5)
    data = [e.encoded for e in made]
    head = verify_chain(data, keys=keys())
    assert (head.kiosk_id, head.length, head.head) == (KIOSK, 5, made[-1].hash)
    assert verify_chain([], keys=keys()).head == GENESIS
    cases = {
        "gap": (data[:2] + data[3:], 3, "gap: sequence 4 where 3"),
        "replay": ([*data[:3], data[2], *data[3:]], 4, "replay or reordering: sequence 3 where 4"),
        "reorder": ([data[0], data[2], data[1], *data[3:]], 2, "gap: sequence 3 where 2"),
        "fork": ([*data[:2], envelope(3, hashlib.sha256(b"elsewhere").digest()).encoded, *data[3:]], 3, "fork"),
        "other kiosk": ([*data[:1], envelope(2, made[0].hash, kiosk="zuil-other-01").encoded], 2, "kiosk"),
        "tampered": ([*data[:4], data[4][:-1] + bytes([data[4][-1] ^ 1])], 5, "invalid envelope"),
    }
    for name, (broken, at, reason) in cases.items():
        with pytest.raises(ChainBroken) as caught:
            verify_chain(broken, keys=keys())
        assert caught.value.sequence == at and reason in caught.value.reason, name
        assert isinstance(caught.value, SyncError)


@pytest.mark.parametrize(("data", "reason"), [
    (cbor2.dumps(1.5), "float"), (cbor2.dumps(cbor2.CBORTag(1, 1_800_000_000)), "datetime"),
    (cbor2.dumps(2**70), "64 bits"), (bytes.fromhex("0102"), "after"),
    (bytes.fromhex("a2616201616101"), "canonical"),  # {"b": 1, "a": 1}: keys out of order
    (bytes.fromhex("a2616101616102"), "canonical"),  # {"a": 1, "a": 2}: a duplicate key
    (bytes.fromhex("1801"), "canonical"),  # 1 written in two bytes
    (bytes.fromhex("9f01ff"), "canonical"),  # an indefinite-length array
    (bytes.fromhex("81" * 9 + "01"), "deeper"), (bytes.fromhex("f7"), "UndefinedType"),
])
def test_strict_decoding_refuses_what_a_canonical_encoder_of_this_format_would_not_write(data, reason):
    with pytest.raises(ValueError, match=reason):
        canonical.decode(data)
