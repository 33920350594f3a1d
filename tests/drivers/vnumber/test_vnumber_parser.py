"""enrollment.records.vnumber.parse_vnumber: exactly ten digits, with clear errors (tested here with its readers)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from enrollment.records.vnumber import VNumber, VNumberError, parse_vnumber


@pytest.mark.parametrize("text", [
    "1234567890", "  1234567890\n", "1234 567 890", "1234.567.890", "12 34.56 78.90", "1234\u00a0567\u00a0890",
])
def test_accepts_ten_digits_with_separators(text: str) -> None:
    assert parse_vnumber(text) == VNumber("1234567890")


def test_leading_zeros_are_kept() -> None:
    assert str(parse_vnumber("0012345678")) == "0012345678"


def test_no_check_digit_is_applied() -> None:
    # 1234567890 fails the BSN 11-test; a V-number has no public check rule, so it is accepted.
    assert parse_vnumber("1234567890").digits == "1234567890"


@pytest.mark.parametrize(("text", "ascii_digits"), [
    ("١٢٣٤٥٦٧٨٩٠", "1234567890"),  # Arabic-Indic
    ("۱۲۳۴۵۶۷۸۹۰", "1234567890"),  # Extended Arabic-Indic (Persian keyboards)
    ("０１２３ ４５６ ７８９", "0123456789"),  # full-width
    ("12٣4 567 ۸90", "1234567890"),  # mixed, as when a layout switches mid-number
])
def test_non_ascii_decimal_digits_become_ascii(text: str, ascii_digits: str) -> None:
    assert parse_vnumber(text).digits == ascii_digits


@pytest.mark.parametrize(("text", "fragment"), [
    ("", "empty"),
    ("   \t ", "empty"),
    (" . . ", "no digits"),
    ("123456789", "9 digits (too few)"),
    ("12345678901", "11 digits (too many)"),
    ("12A4567890", "'A' at position 3"),
    ("  12A4567890", "'A' at position 5"),  # positions count in the text as given
    ("1234-567890", "'-' at position 5"),
    ("123456789²", "position 10"),  # a superscript is not a decimal digit
    ("1234\t567890", "U+0009"),  # an invisible character is named by code point
])
def test_refusals_name_the_problem(text: str, fragment: str) -> None:
    with pytest.raises(VNumberError, match=re.escape(fragment)):
        parse_vnumber(text)


def test_non_text_is_refused() -> None:
    with pytest.raises(VNumberError, match="is text"):
        parse_vnumber(1234567890)


def test_grouped_display() -> None:
    assert parse_vnumber("1234567890").grouped() == "1234 567 890"


def test_vnumber_value_refuses_bad_digits() -> None:
    with pytest.raises(VNumberError):
        VNumber("١٢٣٤٥٦٧٨٩٠")


@given(st.text(max_size=80))
def test_fuzz_only_typed_errors(text: str) -> None:
    try:
        number = parse_vnumber(text)
    except VNumberError as exc:
        assert str(exc)
    else:
        assert len(number.digits) == 10 and number.digits.isascii() and number.digits.isdigit()


@given(st.text(alphabet="0123456789", min_size=10, max_size=10), st.lists(st.sampled_from([" ", "."]), max_size=5))
def test_fuzz_separators_never_change_the_number(digits: str, separators: list[str]) -> None:
    text = digits
    for i, sep in enumerate(separators):
        at = 1 + (i * 3) % 9
        text = text[:at] + sep + text[at:]
    assert parse_vnumber(f"  {text} ").digits == digits
