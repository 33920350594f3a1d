"""The sealed-field envelope: what is not a whole envelope of the right place and key is a typed refusal, never a
crash and never a wrong plaintext (hypothesis, derandomised)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from enrollment.keys.demo_keys import open_demo_keys
from enrollment.records import field_envelope
from enrollment.records.field_cipher import Field, FieldCipher, SealedFieldRefused
from enrollment.records.field_envelope import EnvelopeMalformed

HERE = Field("captures", "row-1", "template_sealed", "intake-1")
PLAIN = b"a template's bytes \x00\x01\x02" * 3


@pytest.fixture(scope="module")
def cipher(tmp_path_factory) -> FieldCipher:
    return FieldCipher(open_demo_keys(tmp_path_factory.mktemp("keys") / "demo"))


@pytest.fixture(scope="module")
def sealed(cipher) -> bytes:
    return cipher.seal(HERE, PLAIN)


def test_an_envelope_round_trips_and_names_its_key_version(cipher, sealed):
    envelope = field_envelope.parse(sealed)
    assert envelope.key_version == 1 and len(envelope.nonce) == 12
    assert len(sealed) == field_envelope.HEADER_BYTES + len(PLAIN) + field_envelope.TAG_BYTES
    assert sealed[:3] == b"ZF\x01"
    assert cipher.open(HERE, sealed) == PLAIN
    assert cipher.seal(HERE, PLAIN) != sealed  # a fresh nonce every time


@pytest.mark.parametrize("value", [None, "text", 12, b"", b"ZF", b"ZF\x02" + bytes(40), b"XX\x01" + bytes(40),
                                   b"ZF\x01\x00\x00\x00\x00" + bytes(40)])
def test_what_is_not_an_envelope_is_refused_by_the_parser(value):
    with pytest.raises(EnvelopeMalformed):
        field_envelope.parse(value)


@settings(max_examples=150, derandomize=True)
@given(cut=st.integers(min_value=0, max_value=200))
def test_every_truncation_is_refused(cipher, sealed, cut):
    short = sealed[:cut % len(sealed)]
    with pytest.raises(SealedFieldRefused) as refused:
        cipher.open(HERE, short)
    assert "captures.template_sealed of row row-1" in str(refused.value)


@settings(max_examples=200, derandomize=True)
@given(position=st.integers(min_value=0, max_value=10_000), bit=st.integers(min_value=0, max_value=7))
def test_every_flipped_bit_is_refused(cipher, sealed, position, bit):
    damaged = bytearray(sealed)
    damaged[position % len(damaged)] ^= 1 << bit
    with pytest.raises(SealedFieldRefused):
        cipher.open(HERE, bytes(damaged))


@settings(max_examples=200, derandomize=True)
@given(garbage=st.binary(max_size=300) | st.builds(lambda tail: b"ZF\x01" + tail, st.binary(max_size=120)))
def test_garbage_is_refused_never_a_crash(cipher, garbage):
    with pytest.raises(SealedFieldRefused):
        cipher.open(HERE, garbage)


@settings(max_examples=60, derandomize=True)
@given(table=st.sampled_from(["captures", "intakes"]), row=st.sampled_from(["row-1", "row-2"]),
       column=st.sampled_from(["template_sealed", "image_sealed"]), parent=st.sampled_from(["intake-1", "intake-2"]))
def test_a_ciphertext_opens_only_where_it_was_sealed(cipher, sealed, table, row, column, parent):
    where = Field(table, row, column, parent)
    if where == HERE:
        assert cipher.open(where, sealed) == PLAIN
    else:
        with pytest.raises(SealedFieldRefused):
            cipher.open(where, sealed)


def test_a_key_version_the_key_file_lacks_is_refused_by_name(cipher, sealed):
    other = bytearray(sealed)
    other[3:7] = (7).to_bytes(4, "big")
    with pytest.raises(SealedFieldRefused, match="gallery key version 7"):
        cipher.open(HERE, bytes(other))
