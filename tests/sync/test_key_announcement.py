"""After a signing key rotation the outbox announces the new public keys in a ``keys`` envelope signed with the old
version, then signs with the new one (a real SQLite record store, real key files); the announcement's payload
parser, fuzzed."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from enrollment.keys.kek_sources import Secrets
from enrollment.keys.key_store import rotate_keys
from enrollment.keys.keyring import Purpose
from enrollment.records.models import OutboxEnvelope
from enrollment.records.store import RecordStore
from sync.chain import verify_chain
from sync.envelope import verified_envelope
from sync.errors import EnvelopeInvalid
from sync.key_announcement import MAX_ANNOUNCED, announced_keys
from sync.kinds import EnvelopeKind
from sync.outbox import Sender, append, chain_of, signing_keys
from sync.payloads import Report
from tests.sync import fixed_keys
from tests.sync.test_envelope import CBOR_VALUES

KIOSK = "zuil-rot-01"


@pytest.fixture
def records(sqlite_url, keyring):
    rs = RecordStore(sqlite_url, keyring)
    yield rs
    rs.close()


def _report(n: int) -> Report:
    return Report(EnvelopeKind.CONSENT, f"00000000-0000-4000-8000-{n:012d}", {"n": n}, None)


def _append(records, ring, n: int):  # type: ignore[no-untyped-def]
    with records.transaction() as session:
        append(session, Sender(KIOSK, ring, None), _report(n))
        return chain_of(session, KIOSK)


def _rotated(ring):  # type: ignore[no-untyped-def]
    return rotate_keys(ring.path.parent, Secrets(), master=False, purposes=[Purpose.SIGNING])


def _public_hex(ring, version: int) -> str:  # type: ignore[no-untyped-def]
    return ring.signing_key(version)[1].public_key().public_bytes_raw().hex()


def test_after_a_rotation_the_keys_are_announced_with_the_old_version_then_the_report_signed_with_the_new(
        records, keyring):
    _append(records, keyring, 1)
    _append(records, keyring, 2)
    rotated = _rotated(keyring)
    assert rotated.signing_key()[0] == 2
    keys = signing_keys(rotated)
    chain = [verified_envelope(data, keys=keys) for data in _append(records, rotated, 3)]
    assert [(e.sequence, e.kind, e.key_version) for e in chain] == [
        (1, EnvelopeKind.CONSENT, 1), (2, EnvelopeKind.CONSENT, 1), (3, EnvelopeKind.KEYS, 1),
        (4, EnvelopeKind.CONSENT, 2)]
    assert chain[2].payload == {"signing_keys": {"2": _public_hex(rotated, 2)}}
    assert chain[3].payload == {"n": 3}
    # the upstream, holding version 1 only, verifies the announcement and then the report with what it announces
    held = {1: keys[1]}
    assert verified_envelope(chain[2].encoded, keys=held) == chain[2]
    assert announced_keys(chain[2]) == {2: bytes.fromhex(_public_hex(rotated, 2))}
    again = _append(records, rotated, 4)  # announced once: the next report is signed with version 2 straight away
    assert [(e.kind, e.key_version) for e in (verified_envelope(d, keys=keys) for d in again[4:])] == \
        [(EnvelopeKind.CONSENT, 2)]
    head = verify_chain(again, keys=keys, kiosk_id=KIOSK)
    assert head.length == 5
    with records.transaction() as session:
        rows = session.execute(select(OutboxEnvelope.sequence, OutboxEnvelope.kind)
                               .order_by(OutboxEnvelope.sequence)).all()
    assert [tuple(r) for r in rows] == [(1, "consent"), (2, "consent"), (3, "keys"), (4, "consent"), (5, "consent")]


def test_a_process_with_the_ring_from_before_the_rotation_signs_with_the_old_version(records, keyring):
    _append(records, keyring, 1)
    rotated = _rotated(keyring)
    _append(records, rotated, 2)
    chain = _append(records, keyring, 3)  # unlocked before the rotation: it cannot verify version 2, nor must it
    keys = signing_keys(rotated)
    assert [(e.kind, e.key_version) for e in (verified_envelope(d, keys=keys) for d in chain)] == [
        (EnvelopeKind.CONSENT, 1), (EnvelopeKind.KEYS, 1), (EnvelopeKind.CONSENT, 2), (EnvelopeKind.CONSENT, 1)]
    assert verify_chain(chain, keys=keys, kiosk_id=KIOSK).length == 4


def test_a_kiosks_first_envelope_announces_nothing(records, keyring):
    twice = _rotated(_rotated(keyring))
    first = _append(records, twice, 1)  # registration sends every version the ring holds: nothing to announce
    assert [verified_envelope(d, keys=signing_keys(twice)).key_version for d in first] == [3]


def test_a_rotation_between_two_appends_announces_every_newer_version(records, keyring):
    _append(records, keyring, 1)
    twice = _rotated(_rotated(keyring))
    keys = signing_keys(twice)
    chain = [verified_envelope(d, keys=keys) for d in _append(records, twice, 2)]
    assert [(e.kind, e.key_version) for e in chain] == [(EnvelopeKind.CONSENT, 1), (EnvelopeKind.KEYS, 1),
                                                        (EnvelopeKind.CONSENT, 3)]
    assert chain[1].payload == {"signing_keys": {"2": _public_hex(twice, 2), "3": _public_hex(twice, 3)}}
    assert verify_chain([e.encoded for e in chain], keys=keys, kiosk_id=KIOSK).length == 3


KEYS_ENVELOPE = fixed_keys.envelope(kind=EnvelopeKind.KEYS, payload={"signing_keys": {}})


def _keys_envelope(payload, key_version: int = 1):  # type: ignore[no-untyped-def]
    return dataclasses.replace(KEYS_ENVELOPE, payload=payload, key_version=key_version)


def test_the_parser_refuses_what_is_not_an_announcement_of_newer_versions():
    public = "ab" * 32
    assert announced_keys(_keys_envelope({"signing_keys": {"2": public, "10": public}})) == \
        {2: bytes.fromhex(public), 10: bytes.fromhex(public)}
    refused = {
        "payload": [{}, {"signing_keys": {"2": public}, "x": 1}],
        "payload.signing_keys": [{"signing_keys": {}}, {"signing_keys": [public]},
                                 {"signing_keys": {"1": public}}, {"signing_keys": {"0": public}},
                                 {"signing_keys": {"02": public}}, {"signing_keys": {2: public}},
                                 {"signing_keys": {str(v): public for v in range(2, MAX_ANNOUNCED + 3)}}],
        "payload.signing_keys.2": [{"signing_keys": {"2": public.upper()}}, {"signing_keys": {"2": public[:62]}},
                                   {"signing_keys": {"2": bytes.fromhex(public)}}],
    }
    for field, payloads in refused.items():
        for payload in payloads:
            with pytest.raises(EnvelopeInvalid) as caught:
                announced_keys(_keys_envelope(payload))
            assert caught.value.field == field, payload
    with pytest.raises(EnvelopeInvalid, match="version 3 is not newer than the signing key version 3"):
        announced_keys(_keys_envelope({"signing_keys": {"3": public}}, key_version=3))


VERSIONS = st.one_of(st.integers(0, 12).map(str), st.integers(0, 12).map(str), st.integers(0, 2**40).map(str),
                     st.text(max_size=10), st.integers(-5, 5))
PUBLIC_KEYS = st.one_of(st.binary(min_size=32, max_size=32).map(bytes.hex),
                        st.binary(min_size=32, max_size=32).map(bytes.hex), CBOR_VALUES)
ANNOUNCEMENTS = st.fixed_dictionaries({"signing_keys": st.dictionaries(VERSIONS, PUBLIC_KEYS, min_size=1, max_size=3)})


@settings(derandomize=True, max_examples=150, deadline=None)
@given(st.one_of(st.dictionaries(st.sampled_from(["signing_keys", "sealed", "x"]), CBOR_VALUES, max_size=3),
                 ANNOUNCEMENTS, ANNOUNCEMENTS),
       st.one_of(st.integers(1, 3), st.integers(1, 2**31)))
def test_an_arbitrary_payload_is_refused_with_a_typed_error_or_announces_only_newer_keys(payload, key_version):
    try:
        announced = announced_keys(_keys_envelope(payload, key_version))
    except EnvelopeInvalid:
        event("refused")
        return
    event("announced")
    assert 0 < len(announced) <= MAX_ANNOUNCED
    assert all(key_version < version < 10**9 and len(public) == 32 for version, public in announced.items())
    assert announced == {int(v): bytes.fromhex(k) for v, k in payload["signing_keys"].items()}
