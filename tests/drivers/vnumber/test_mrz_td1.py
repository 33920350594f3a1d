"""TD1 MRZ (ICAO 9303 part 5): the published specimen, synthetic W-document-style zones, every failing check."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.vnumber.errors import MrzCheckError, MrzError, MrzFormatError, NoVNumberInDocumentError
from drivers.vnumber.mrz import check_digit, compose_td1, parse_td1
from drivers.vnumber.payload import parse_payload

TODAY = date(2026, 11, 29)
# The TD1 specimen of ICAO Doc 9303 part 5 (fictitious state "UTO", fictitious person).
SPECIMEN = ("I<UTOD231458907<<<<<<<<<<<<<<<\n"
            "7408122F1204159UTO<<<<<<<<<<<6\n"
            "ERIKSSON<<ANNA<MARIA<<<<<<<<<<")


def w_document(**overrides: object) -> tuple[str, str, str]:
    """A synthetic Dutch W-document-style TD1 zone (invented person, V-number in the optional data)."""
    fields: dict = dict(document_code="IR", issuing_state="NLD", document_number="WX1234567", birth_date="910317",
                        sex="M", expiry_date="290630", nationality="ERI", primary_identifier="TESFAYE",
                        secondary_identifiers=("AMANUEL", "KIDANE"), optional_data_1="1234567890")
    fields.update(overrides)
    return compose_td1(**fields)


@pytest.mark.parametrize(("data", "digit"), [("D23145890", "7"), ("740812", "2"), ("120415", "9"),
                                              ("D231458907" + "<" * 15 + "7408122" + "1204159" + "<" * 11, "6")])
def test_check_digits_of_the_icao_specimen(data: str, digit: str) -> None:
    assert check_digit(data) == digit


def test_specimen_parses_to_its_fields() -> None:
    td1 = parse_td1(SPECIMEN, today=TODAY)
    assert (td1.document_code, td1.issuing_state, td1.document_number) == ("I", "UTO", "D23145890")
    assert td1.birth_date == date(1974, 8, 12) and td1.expiry_date == date(2012, 4, 15)
    assert td1.sex == "F" and td1.nationality == "UTO"
    assert td1.primary_identifier == "ERIKSSON" and td1.secondary_identifiers == ("ANNA", "MARIA")
    assert td1.vnumber is None and td1.is_expired(TODAY)


def test_specimen_has_no_vnumber_so_the_payload_says_so() -> None:
    with pytest.raises(NoVNumberInDocumentError):
        parse_payload(SPECIMEN)


def test_w_document_vnumber_in_optional_data_1() -> None:
    lines = w_document()
    td1 = parse_td1("\n".join(lines), today=TODAY)
    assert str(td1.vnumber) == "1234567890"
    assert td1.optional_data_1 == "1234567890" and td1.nationality == "ERI"
    assert td1.secondary_identifiers == ("AMANUEL", "KIDANE")
    assert str(parse_payload("\r\n".join(lines))) == "1234567890"


def test_vnumber_in_optional_data_2_and_as_one_run_of_90() -> None:
    lines = w_document(optional_data_1="", optional_data_2="0987654321")
    assert str(parse_td1("".join(lines), today=TODAY).vnumber) == "0987654321"


def test_two_different_numbers_give_no_vnumber() -> None:
    lines = w_document(optional_data_2="0987654321")
    assert parse_td1("\n".join(lines), today=TODAY).vnumber is None


def test_long_document_number_continues_in_optional_data() -> None:
    lines = w_document(document_number="AB1234567890", optional_data_1="")
    assert lines[0][14] == "<"
    td1 = parse_td1("\n".join(lines), today=TODAY)
    assert td1.document_number == "AB1234567890" and td1.vnumber is None


def test_unknown_birth_date_is_allowed() -> None:
    td1 = parse_td1("\n".join(w_document(birth_date="91<<<<")), today=TODAY)
    assert td1.birth_date is None


def test_lower_case_from_a_wedge_with_caps_lock_is_read() -> None:
    assert parse_td1("\n".join(w_document()).lower(), today=TODAY).document_number == "WX1234567"


def _with(lines: tuple[str, str, str], line: int, position: int, char: str) -> str:
    changed = list(lines)
    changed[line] = changed[line][: position - 1] + char + changed[line][position:]
    return "\n".join(changed)


@pytest.mark.parametrize(("line", "position", "field"), [
    (0, 15, "document number"), (1, 7, "date of birth"), (1, 15, "date of expiry"), (1, 30, "composite"),
])
def test_each_broken_check_digit_is_named(line: int, position: int, field: str) -> None:
    lines = w_document()
    wrong = str((int(lines[line][position - 1]) + 1) % 10)
    with pytest.raises(MrzCheckError) as caught:
        parse_td1(_with(lines, line, position, wrong), today=TODAY)
    fields = [p.field for p in caught.value.problems]
    assert fields[0] == field and fields[-1] == "composite"  # the composite also covers the other check digits
    assert f"check digit is {wrong!r}" in str(caught.value)


def test_a_changed_field_fails_its_own_and_the_composite_check() -> None:
    lines = w_document()
    with pytest.raises(MrzCheckError) as caught:
        parse_td1(_with(lines, 0, 8, "9" if lines[0][7] != "9" else "8"), today=TODAY)
    assert {p.field for p in caught.value.problems} == {"document number", "composite"}


@pytest.mark.parametrize(("text", "fragment"), [
    ("I<UTO", "3 lines, got 1"),
    (SPECIMEN.replace("UTO<<<<", "UTO<<<", 1), "line 2: has 29 characters"),
    (SPECIMEN.replace("ERIKSSON", "ERIK#SON"), "'#' at position 5"),
    (SPECIMEN.replace("7408122F", "7413322F"), "date of birth: '741332' is not a calendar date"),
    (SPECIMEN.replace("2F120", "2Q120"), "sex: 'Q'"),
    (SPECIMEN.replace("I<UTO", "P<UTO"), "document code"),
    (SPECIMEN.replace("I<UTO", "I<U1O"), "issuing state"),
    (SPECIMEN.replace("ERIKSSON", "ERIKSS0N"), "name"),
    (SPECIMEN.replace("ERIKSSON<<ANNA", "<<<<<<<<<<ANNA"), "primary identifier"),
])
def test_format_errors_say_what_and_where(text: str, fragment: str) -> None:
    with pytest.raises(MrzFormatError, match=fragment.replace("(", r"\(")):
        parse_td1(text, today=TODAY)


def test_format_errors_are_collected() -> None:
    text = SPECIMEN.replace("2F120", "2Q120").replace("I<UTO", "I<U1O")
    with pytest.raises(MrzFormatError) as caught:
        parse_td1(text, today=TODAY)
    assert {p.field for p in caught.value.problems} == {"sex", "issuing state"}


def test_errors_carry_a_user_message() -> None:
    with pytest.raises(MrzError) as caught:
        parse_td1("nonsense")
    assert "type the number" in caught.value.user_message


@given(st.text(max_size=120))
def test_fuzz_arbitrary_text_gives_only_typed_errors(text: str) -> None:
    try:
        parse_td1(text, today=TODAY)
    except MrzError as exc:
        assert exc.problems


_MRZ_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"


@given(st.integers(0, 2), st.integers(1, 30), st.sampled_from(_MRZ_CHARS))
def test_fuzz_any_one_character_change_parses_or_fails_typed(line: int, position: int, char: str) -> None:
    try:
        parse_td1(_with(w_document(), line, position, char), today=TODAY)
    except MrzError as exc:
        assert exc.problems


@given(st.sampled_from([(0, p) for p in range(6, 15)] + [(1, p) for p in (*range(1, 7), *range(9, 15))]),
       st.integers(1, 9))
def test_fuzz_a_single_digit_misread_in_a_checked_field_is_always_caught(where: tuple[int, int], step: int) -> None:
    lines = w_document(document_number="123456789")
    line, position = where
    digit = str((int(lines[line][position - 1]) + step) % 10)
    with pytest.raises(MrzError):  # a check digit (or the calendar) catches it: weights 7, 3, 1 are prime to 10
        parse_td1(_with(lines, line, position, digit), today=TODAY)


# --- two-digit years: birth is the latest date not after today, expiry lies in [today - 50 y, today + 50 y) ---

def _dates(birth: str, expiry: str, today: date) -> tuple[date | None, date]:
    td1 = parse_td1("\n".join(w_document(birth_date=birth, expiry_date=expiry)), today=today)
    return td1.birth_date, td1.expiry_date


def _key(day: date, years: int = 0) -> tuple[int, int, int]:
    """``day`` moved by whole years, as a (year, month, day) tuple (comparable even for a 29 February)."""
    return day.year + years, day.month, day.day


@pytest.mark.parametrize(("birth", "today", "expected"), [
    ("261215", date(2026, 12, 1), date(1926, 12, 15)),  # same two-digit year, later in the year: last century
    ("261201", date(2026, 12, 1), date(2026, 12, 1)),  # born today
    ("261130", date(2026, 12, 1), date(2026, 11, 30)),
    ("991231", date(2000, 1, 1), date(1999, 12, 31)),
    ("000101", date(2000, 1, 1), date(2000, 1, 1)),
    ("000102", date(2000, 1, 1), date(1900, 1, 2)),
])
def test_birth_date_is_the_latest_date_not_after_today(birth: str, today: date, expected: date) -> None:
    assert _dates(birth, "290630", today)[0] == expected


@pytest.mark.parametrize(("expiry", "today", "expected"), [
    ("991231", date(2026, 12, 1), date(1999, 12, 31)),  # an old card: expired, not valid until 2099
    ("761130", date(2026, 12, 1), date(2076, 11, 30)),  # the window's last day
    ("761201", date(2026, 12, 1), date(1976, 12, 1)),  # today + 50 years is outside, today - 50 years inside
    ("290630", date(2026, 11, 29), date(2029, 6, 30)),
    ("000101", date(2099, 12, 31), date(2100, 1, 1)),
])
def test_expiry_date_lies_in_a_window_of_fifty_years_around_today(expiry: str, today: date, expected: date) -> None:
    assert _dates("910317", expiry, today)[1] == expected


def test_an_mrz_expired_last_century_is_expired() -> None:
    today = date(2026, 12, 1)
    td1 = parse_td1("\n".join(w_document(expiry_date="991231")), today=today)
    assert td1.is_expired(today)


_TODAY = st.dates(date(1901, 1, 1), date(2199, 12, 31))
_DIGITS = st.dates(date(2000, 1, 1), date(2099, 12, 31)).map(lambda d: d.strftime("%y%m%d"))


@settings(derandomize=True, max_examples=300, deadline=None)
@given(_DIGITS, _TODAY)
def test_birth_date_is_never_in_the_future_and_never_a_century_too_early(digits: str, today: date) -> None:
    try:
        born, _ = _dates(digits, "290630", today)
    except MrzFormatError as exc:  # only 29 February in a century year that is no leap year (e.g. 1900)
        assert digits[2:] == "0229" and "calendar date" in str(exc)
        return
    assert born is not None and born.strftime("%y%m%d") == digits
    assert born <= today
    assert _key(born, 100) > _key(today)  # the same digits a century later would be in the future


@settings(derandomize=True, max_examples=300, deadline=None)
@given(_DIGITS, _TODAY)
def test_expiry_date_is_within_fifty_years_either_side_of_today(digits: str, today: date) -> None:
    try:
        _, expires = _dates("910317", digits, today)
    except MrzFormatError as exc:
        assert digits[2:] == "0229" and "calendar date" in str(exc)
        return
    assert expires.strftime("%y%m%d") == digits
    assert _key(today, -50) <= _key(expires) < _key(today, 50)
