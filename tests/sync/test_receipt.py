"""The upstream's signed receipt: made and verified, refused when forged, for another envelope or malformed."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sync import canonical
from sync.errors import ReceiptInvalid
from sync.receipt import SIGNATURE_DOMAIN, sign_receipt, verified_receipt
from tests.sync import fixed_keys

RECEIPT_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(128, 160)))


def _receipt(sequence: int = 1):
    envelope = fixed_keys.chain(sequence)[-1]
    return envelope, sign_receipt(RECEIPT_KEY, key_version=1, upstream_id="avim-test", envelope=envelope,
                                  received=1_800_000_100)


def test_a_receipt_verifies_and_names_its_envelope():
    envelope, receipt = _receipt(3)
    again = verified_receipt(receipt.encoded, keys={1: RECEIPT_KEY.public_key()}, envelope=envelope.encoded)
    assert (again.envelope_id, again.kiosk_id, again.sequence, again.envelope_hash) == (
        envelope.envelope_id, envelope.kiosk_id, 3, envelope.hash)
    assert again.upstream_id == "avim-test" and again.received == 1_800_000_100


def test_a_receipt_for_another_envelope_is_refused():
    _, receipt = _receipt(2)
    other = fixed_keys.chain(3)[-1]
    with pytest.raises(ReceiptInvalid, match="'hash'"):
        verified_receipt(receipt.encoded, keys={1: RECEIPT_KEY.public_key()}, envelope=other.encoded)


def test_a_receipt_signed_by_another_key_or_version_is_refused():
    envelope, receipt = _receipt()
    forger = Ed25519PrivateKey.generate()
    with pytest.raises(ReceiptInvalid, match="'sig'"):
        verified_receipt(receipt.encoded, keys={1: forger.public_key()}, envelope=envelope.encoded)
    with pytest.raises(ReceiptInvalid, match="'key'"):
        verified_receipt(receipt.encoded, keys={2: RECEIPT_KEY.public_key()}, envelope=envelope.encoded)


def test_a_changed_body_is_refused_even_when_re_signed_by_another_key():
    envelope, receipt = _receipt()
    outer = canonical.decode(receipt.encoded)
    body = canonical.decode(outer["body"])
    body["seq"] = 9
    changed = canonical.encode(body)
    forged = canonical.encode({"body": changed, "sig": outer["sig"]})
    with pytest.raises(ReceiptInvalid, match="'sig'"):
        verified_receipt(forged, keys={1: RECEIPT_KEY.public_key()}, envelope=envelope.encoded)
    resigned = canonical.encode({"body": changed, "sig": RECEIPT_KEY.sign(SIGNATURE_DOMAIN + changed)})
    assert verified_receipt(resigned, keys={1: RECEIPT_KEY.public_key()}, envelope=envelope.encoded).sequence == 9


@settings(derandomize=True, max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_any_bytes_are_a_receipt_or_a_clear_refusal(data):
    envelope, _ = _receipt()
    try:
        verified_receipt(data, keys={1: RECEIPT_KEY.public_key()}, envelope=envelope.encoded)
    except ReceiptInvalid as exc:
        assert exc.field and exc.reason
    else:
        pytest.fail("random bytes verified as a receipt")


@settings(derandomize=True, max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0), st.integers(min_value=0, max_value=255))
def test_every_flipped_byte_of_a_receipt_is_refused(position, xor):
    envelope, receipt = _receipt()
    data = bytearray(receipt.encoded)
    data[position % len(data)] ^= xor or 1
    with pytest.raises(ReceiptInvalid):
        verified_receipt(bytes(data), keys={1: RECEIPT_KEY.public_key()}, envelope=envelope.encoded)
