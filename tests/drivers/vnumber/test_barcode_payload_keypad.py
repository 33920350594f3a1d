"""Barcode payload forms and the keypad model."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drivers.errors import ReaderError
from drivers.vnumber.errors import BarcodePayloadError, InvalidVNumberError
from drivers.vnumber.keypad import KeypadBuffer, KeypadReader
from drivers.vnumber.payload import parse_payload
from drivers.vnumber.reader import ReaderResult
from enrollment.values.vnumber import VNumberError


@pytest.mark.parametrize("text", [
    "1234567890", "1234 567 890", "VNR 1234567890", "VNR:1234567890", "vnr: 1234.567.890", "V-nummer 1234567890",
    "VNR1234567890", "  VNR #1234567890\r\n",
])
def test_accepted_forms(text: str) -> None:
    assert str(parse_payload(text)) == "1234567890"


@pytest.mark.parametrize(("text", "error", "fragment"), [
    ("VNR 123456789", InvalidVNumberError, "this has 9"),
    ("VNR: 12345X7890", InvalidVNumberError, "character 6 ('X'"),
    ("12345678901", InvalidVNumberError, "this has 11"),
    ("1234-567-89", InvalidVNumberError, "this has 9"),
    ("https://example.org/1234567890", BarcodePayloadError, "neither"),
    ("", BarcodePayloadError, "empty"),
    ("9" * 600, BarcodePayloadError, "too long"),
])
def test_refused_forms(text: str, error: type, fragment: str) -> None:
    with pytest.raises(error, match=re.escape(fragment)):
        parse_payload(text)


@given(st.text(max_size=200))
def test_fuzz_payload_only_typed_errors(text: str) -> None:
    try:
        number = parse_payload(text)
    except ReaderError as exc:
        assert exc.user_message and str(exc)
    else:
        assert len(number.digits) == 10


def test_keypad_display_groups_4_3_3() -> None:
    buffer = KeypadBuffer()
    shown = []
    for key in "1234567890":
        assert buffer.append(key)
        shown.append(buffer.display())
    assert shown[3] == "1234" and shown[4] == "1234 5" and shown[6] == "1234 567" and shown[7] == "1234 567 8"
    assert buffer.display() == "1234 567 890" and buffer.complete
    assert not buffer.append("1")  # an eleventh digit is refused
    assert str(buffer.value()) == "1234567890"


def test_keypad_backspace_clear_and_non_digits() -> None:
    buffer = KeypadBuffer("12345")
    assert not buffer.append("a") and not buffer.append("12")
    assert buffer.append("٦")  # an Arabic-Indic six from a hardware keyboard counts as 6
    buffer.backspace()
    buffer.backspace()
    assert buffer.digits == "1234" and len(buffer) == 4
    with pytest.raises(VNumberError, match="this has 4"):
        buffer.value()
    buffer.clear()
    assert buffer.display() == "" and buffer.digits == ""
    buffer.backspace()  # on empty: nothing happens
    with pytest.raises(VNumberError, match="empty"):
        buffer.value()


def test_keypad_reader_submits_result_or_error() -> None:
    reader = KeypadReader()
    with reader:
        for key in "987654321":
            reader.buffer.append(key)
        reader.submit()
        reader.buffer.append("0")
        reader.submit()
    first, second = reader.events.get_nowait(), reader.events.get_nowait()
    assert isinstance(first, InvalidVNumberError) and "this has 9" in str(first)
    assert isinstance(second, ReaderResult) and second.source == "keypad" and str(second.vnumber) == "9876543210"
    assert "9876543210" not in repr(second)  # the number stays out of logs
