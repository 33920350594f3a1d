"""The entry's encoding (one deterministic CBOR form, decoded back exactly) and what an entry refuses to hold."""

from __future__ import annotations

import random
import uuid

import cbor2
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from enrollment.audit.entries import GENESIS, Entry, Kind, Outcome, check_fields, decode, encode, entry_hash, utc_now
from enrollment.audit.errors import AuditLogCorrupt, EntryRefused
from tests.enrollment.audit.conftest import read

SAFE_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Nd")), max_size=40)
IDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=64).filter(
    lambda s: not any(c.isdigit() for c in s) or len([c for c in s if c.isdigit()]) < 10)
VALUES = st.none() | st.booleans() | st.integers(-(10 ** 9) + 1, 10 ** 9 - 1) | st.integers(10 ** 10, 2 ** 63) \
    | SAFE_TEXT
DETAILS = st.dictionaries(st.from_regex(r"[a-z][a-z0-9_-]{0,31}", fullmatch=True), VALUES, max_size=16)


@st.composite
def entries(draw) -> Entry:  # type: ignore[no-untyped-def]
    kind, outcome, details = check_fields(draw(st.sampled_from(Kind)), draw(IDS), draw(st.none() | IDS),
                                          draw(st.sampled_from(Outcome)), draw(DETAILS))
    return Entry(draw(st.integers(1, 2 ** 40)), utc_now(), kind, draw(IDS), draw(st.none() | IDS), outcome,
                 details, draw(st.binary(min_size=32, max_size=32)))


@settings(max_examples=150)
@given(entries())
def test_an_entry_decodes_to_itself_and_has_one_encoding(entry):
    data = encode(entry)
    assert decode(data) == entry
    assert encode(decode(data)) == data
    # the same values written in another key order are another encoding: refused, so the hash is unambiguous
    raw = cbor2.loads(data)
    shuffled = dict(sorted(raw.items(), reverse=True))
    if cbor2.dumps(shuffled) != data:
        with pytest.raises(AuditLogCorrupt, match="canonical"):
            decode(cbor2.dumps(shuffled))


@settings(max_examples=200)
@given(st.binary(max_size=300) | entries().map(encode).flatmap(
    lambda data: st.tuples(st.integers(0, len(data) - 1), st.integers(1, 255)).map(
        lambda change: data[:change[0]] + bytes([data[change[0]] ^ change[1]]) + data[change[0] + 1:])))
def test_damaged_or_random_bytes_are_refused_as_corrupt_never_with_another_error(data):
    try:
        decoded = decode(data)
    except AuditLogCorrupt:
        return
    assert encode(decoded) == data  # a flip that still makes a valid entry is another entry (another hash)


def test_the_hash_covers_the_previous_hash():
    entry = Entry(1, utc_now(), Kind.LOGIN, "officer-1", None, Outcome.OK, {}, GENESIS)
    other = Entry(1, entry.time, Kind.LOGIN, "officer-1", None, Outcome.OK, {}, b"\x01" * 32)
    assert entry_hash(encode(entry)) != entry_hash(encode(other))


V_NUMBERS = ["1234567890", "1234 567 890", "VNR 1234567890", "VNR:1234.567.890", "v-nummer: 1234-567-890",
             "\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u0660", "person 0123456789 at desk",
             "hit on 1234 567 890.", "V1234567890"]


@pytest.mark.parametrize("text", V_NUMBERS)
@pytest.mark.parametrize("where", ["details", "subject", "actor"])
def test_a_v_number_is_refused_in_every_field(text, where):
    fields = {"actor": "officer-1", "subject": "intake-1", "details": {}}
    fields[where] = {"note": text} if where == "details" else text
    with pytest.raises(EntryRefused, match="V-number"):
        check_fields(Kind.DECISION, fields["actor"], fields["subject"], Outcome.OK, fields["details"])


@pytest.mark.parametrize("value", [b"\x00\x01", bytearray(b"minutiae"), memoryview(b"img"),
                                   np.zeros((4, 4), np.uint8), np.float32(0.5)])
def test_bytes_and_arrays_are_refused_as_possible_biometrics(value):
    with pytest.raises(EntryRefused, match="biometrics"):
        check_fields(Kind.EVIDENCE_VIEW, "officer-1", "intake-1", Outcome.OK, {"template": value})


@pytest.mark.parametrize("value", [1234567890, -9876543210, 0.5, [1, 2], {"a": 1}, (1,), {1}])
def test_ten_digit_numbers_and_other_types_are_refused(value):
    with pytest.raises(EntryRefused):
        check_fields(Kind.DECISION, "officer-1", None, Outcome.OK, {"value": value})


@pytest.mark.parametrize(("field", "value"), [("kind", "coffee"), ("outcome", "maybe"), ("actor", ""),
                                              ("actor", "x" * 65), ("subject", "a\nb"), ("details", [1])])
def test_malformed_fields_are_refused(field, value):
    fields = {"kind": Kind.LOGIN, "actor": "officer-1", "subject": None, "outcome": Outcome.OK, "details": {}}
    fields[field] = value
    with pytest.raises(EntryRefused):
        check_fields(**fields)


@settings(max_examples=60)
@given(st.dictionaries(st.from_regex(r"[a-z][a-z0-9_-]{0,31}", fullmatch=True), VALUES, max_size=15),
       st.sampled_from(V_NUMBERS), st.data())
def test_a_v_number_hidden_among_harmless_details_is_refused(details, vnumber, data):
    key = data.draw(st.from_regex(r"[a-z][a-z0-9_-]{0,31}", fullmatch=True))
    with pytest.raises(EntryRefused, match="V-number"):
        check_fields(Kind.EXPORT, "officer-1", None, Outcome.OK, {**details, key: vnumber})


def test_opaque_ids_are_not_mistaken_for_v_numbers():
    rng = random.Random(13)
    for _ in range(2000):
        check_fields(Kind.DECISION, "officer-1", str(uuid.UUID(int=rng.getrandbits(128))), Outcome.OK,
                     {"intake": str(uuid.UUID(int=rng.getrandbits(128))), "count": 42, "year": 2026})


def test_a_refused_entry_writes_nothing(log):
    log.append(Kind.LOGIN, actor="officer-1")
    with pytest.raises(EntryRefused):
        log.append(Kind.EVIDENCE_VIEW, actor="officer-1", subject="intake-1", details={"image": b"\xff" * 64})
    assert read(log.path, "SELECT count(*) FROM audit_entries") == [(1,)]
