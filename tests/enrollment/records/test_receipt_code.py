"""The short receipt code: eight unambiguous characters that read back as the beginning of the intake's id."""

from __future__ import annotations

import random
import uuid

import pytest

from enrollment.errors import ReceiptCodeError
from enrollment.records.receipt_code import ALPHABET, id_prefix, receipt_code, shown


def test_alphabet_has_32_characters_and_none_read_as_another():
    assert len(set(ALPHABET)) == 32 and not set("0O1I") & set(ALPHABET)


def test_each_code_reads_back_as_its_ids_beginning_however_it_is_typed():
    rng = random.Random(14)
    for _ in range(200):
        intake_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        code = receipt_code(intake_id)
        assert len(code) == 8 and set(code) <= set(ALPHABET)
        for typed in (code, code.lower(), shown(code), f" {code[:4]}-{code[4:]} "):
            assert intake_id.startswith(id_prefix(typed)) and len(id_prefix(typed)) == 11


def test_the_first_and_last_codes():
    assert receipt_code("00000000-0000-4000-8000-000000000000") == "22222222"
    assert receipt_code("ffffffff-ff00-4000-8000-000000000000") == "ZZZZZZZZ"
    assert id_prefix("zzzz zzzz") == "ffffffff-ff"


@pytest.mark.parametrize("typed", ["", "ABCDEFG", "ABCDEFGHJ", "ABCDEFGO", "ABCD1FGH", "ABCD EF0H"])
def test_what_is_not_a_code_is_refused_with_the_alphabet_named(typed):
    with pytest.raises(ReceiptCodeError, match="not a receipt code"):
        id_prefix(typed)


@pytest.mark.parametrize("intake_id", ["", "not-a-uuid", "3f6c2a9e5b1d4c8e", "3f6c2a9g-5b1d-4c8e-9a07-d2e41b6f8c35",
                                       "3f6c_a9e-5b1d-4c8e-9a07-d2e41b6f8c35"])
def test_an_id_that_does_not_begin_like_a_uuid_has_no_code(intake_id):
    with pytest.raises(ReceiptCodeError, match="no receipt code"):
        receipt_code(intake_id)
