"""The associated data a sealed field is bound to is written out field by field for speed: byte for byte the
sorted compact JSON it always was (a difference would make every stored value unreadable)."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from enrollment.records.field_cipher import Field


def _reference(where: Field, key_version: int) -> bytes:
    return json.dumps({"aad": "aanmeldzuil sealed field", "format": 1, "table": where.table, "row": where.row,
                       "column": where.column, "parent": where.parent, "key_version": key_version},
                      sort_keys=True, separators=(",", ":")).encode("utf-8")


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.text(max_size=12), st.text(max_size=40), st.text(max_size=12), st.text(max_size=40),
       st.integers(1, 2**32 - 1))
def test_associated_data_is_the_sorted_compact_json(table, row, column, parent, key_version):
    where = Field(table, row, column, parent)
    assert where.associated_data(key_version) == _reference(where, key_version)


def test_the_kiosk_s_fields():
    for where in (Field("captures", "0b6c-\u00e9\"\\\n", "template_sealed", "intake-1"),
                  Field("intakes", "a1", "person_sealed")):
        assert where.associated_data(7) == _reference(where, 7)
