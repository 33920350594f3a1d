"""Account names, PINs and passwords: the parser takes any input and either accepts it under the rules or refuses
it with a typed error that does not repeat the secret; hashes are Argon2id with the stated parameters."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from enrollment.access import credentials
from enrollment.access.credentials import SecretKind, parse_account_name, parse_secret
from enrollment.access.errors import CredentialRefused
from enrollment.errors import EnrollmentError

ANY = st.one_of(st.text(max_size=40), st.text(st.sampled_from("0123456789"), max_size=14),
                st.text(st.sampled_from("abz09._-AZ é"), max_size=36), st.integers(), st.none(), st.binary(max_size=8))


@settings(derandomize=True, max_examples=300)
@given(ANY)
def test_any_account_name_is_accepted_by_the_rule_or_refused_with_a_typed_error(value):
    try:
        name = parse_account_name(value)
    except CredentialRefused as exc:
        assert isinstance(exc, EnrollmentError) and "\n" not in str(exc)
        assert not (isinstance(value, str) and re.fullmatch(r"[a-z][a-z0-9._-]{2,31}", value))
        return
    assert name == value and re.fullmatch(r"[a-z][a-z0-9._-]{2,31}", name)


@settings(derandomize=True, max_examples=300)
@given(ANY)
def test_any_secret_is_a_pin_a_password_or_refused_without_repeating_it(value):
    try:
        secret = parse_secret(value)
    except CredentialRefused as exc:
        assert "\n" not in str(exc)
        if isinstance(value, str) and len(value) >= 8:
            assert value not in str(exc)
        return
    assert isinstance(value, str) and value not in repr(secret)
    if secret.kind is SecretKind.PIN:
        assert value.isascii() and value.isdigit() and 6 <= len(value) <= 12 and len(set(value)) > 1
    else:
        assert not (value.isascii() and value.isdigit())
        assert 12 <= len(secret.text) <= 128 and secret.text == unicodedata.normalize("NFC", value)


@pytest.mark.parametrize(("value", "why"), [
    ("12345", "6 to 12 digits"), ("1234567890123", "6 to 12 digits"), ("000000", "one digit repeated"),
    ("123456", "run of digits"), ("987654", "run of digits"), ("890123", "run of digits"),
    ("short pass", "12 to 128 characters"), ("twelve chars\x00!", "control"), ("zero\u200bwidth-space", "format"),
])
def test_weak_or_malformed_secrets_are_refused(value, why):
    with pytest.raises(CredentialRefused, match=why):
        parse_secret(value)


def test_the_hash_is_argon2id_with_the_stated_parameters_and_verifies():
    secret = parse_secret("402913")
    stored = credentials.hash_secret(secret)
    assert stored.startswith(f"$argon2id$v=19$m={credentials.ARGON2_MEMORY_KIB},t={credentials.ARGON2_TIME_COST},"
                             f"p={credentials.ARGON2_PARALLELISM}$")
    assert credentials.verify_secret(stored, "402913") and not credentials.verify_secret(stored, "402914")
    assert not credentials.verify_secret(None, "402913") and not credentials.verify_secret("garbage", "402913")
    decomposed = "cafe\u0301 au lait, zonder suiker"  # typed with a combining accent
    assert credentials.verify_secret(credentials.hash_secret(parse_secret("caf\u00e9 au lait, zonder suiker")),
                                     decomposed)
