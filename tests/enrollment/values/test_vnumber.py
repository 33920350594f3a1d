import pytest
from hypothesis import given
from hypothesis import strategies as st

from enrollment.errors import VNumberError
from enrollment.values.vnumber import VNumber, parse_vnumber


@pytest.mark.parametrize(
    "text",
    ["1234567890", " 1234 567 890 ", "1234.567.890", "VNR 1234567890", "vnr:1234-567-890", "١٢٣٤٥٦٧٨٩٠", "۱۲۳۴۵۶۷۸۹۰"],
)
def test_accepts_ten_digits_with_separators_and_non_ascii_digits(text):
    assert parse_vnumber(text) == VNumber("1234567890")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("123456789", "this has 9"),
        ("12345678901", "this has 11"),
        ("12345A7890", "character 6 ('A'"),
        ("1234567890!", "character 11"),
    ],
)
def test_refuses_with_a_message_naming_the_problem(text, fragment):
    with pytest.raises(VNumberError) as err:
        parse_vnumber(text)
    assert fragment in str(err.value)


def test_refuses_non_text():
    with pytest.raises(VNumberError, match="is text"):
        parse_vnumber(1234567890)


def test_display_groups_digits():
    assert parse_vnumber("1234567890").display() == "1234 567 890"


@given(st.text(max_size=40))
def test_fuzz_only_typed_errors(text):
    try:
        v = parse_vnumber(text)
    except VNumberError:
        return
    assert len(v.digits) == 10 and v.digits.isascii() and v.digits.isdigit()


@given(st.text(alphabet="0123456789", min_size=10, max_size=10))
def test_every_ten_digit_string_round_trips(digits):
    assert str(parse_vnumber(digits)) == digits
