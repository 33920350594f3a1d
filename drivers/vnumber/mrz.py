"""Parse and validate the TD1 machine-readable zone (ICAO Doc 9303 part 5): 3 lines of 30 characters.

The Dutch W-document (Vreemdelingen Identiteitsbewijs) is an ID-1 card with a TD1 MRZ. Layout (1-based):

- line 1: 1-2 document code, 3-5 issuing state, 6-14 document number, 15 its check digit, 16-30 optional
  data. A document number longer than 9 characters continues in 16.. followed by its check digit, and
  position 15 is then the filler ``<``.
- line 2: 1-6 date of birth YYMMDD, 7 check, 8 sex, 9-14 date of expiry, 15 check, 16-18 nationality,
  19-29 optional data, 30 composite check digit over line 1 positions 6-30 and line 2 positions 1-7,
  9-15 and 19-29.
- line 3: the name: primary identifier, ``<<``, secondary identifiers separated by ``<``.

Check digits (part 3, 4.9): characters valued 0-9, A-Z = 10-35, ``<`` = 0, weighted 7, 3, 1 repeating,
summed, modulo 10. Every failed rule becomes one :class:`MrzProblem`, so the officer sees all of them.

Two-digit years, read against a ``today``: the date of birth is the latest date with those digits that is not
after today (birth ``261215`` read on 2026-12-01 is 1926-12-15); the date of expiry is the one date with those
digits in the sliding window [today - 50 years, today + 50 years) (``991231`` read in 2026 is 1999-12-31). A
29 February whose year so chosen is no leap year is reported as not a calendar date.
The MRZ text itself comes from a document reader, a barcode/OCR device acting as a keyboard wedge, or a
serial line; this module does no optical character recognition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from drivers.vnumber.errors import MrzCheckError, MrzFormatError, MrzProblem
from enrollment.values.vnumber import VNumber

__all__ = ["Td1", "check_digit", "compose_td1", "parse_td1"]

LINE_LENGTH = 30
LINE_COUNT = 3
_ALPHABET = re.compile(r"^[A-Z0-9<]*$")
_WEIGHTS = (7, 3, 1)
_VNUMBER_IN_DATA = re.compile(r"(?<![0-9])([0-9]{10})(?![0-9])")
EXPIRY_WINDOW_YEARS = 50


def _value(char: str) -> int:
    if "0" <= char <= "9":
        return ord(char) - ord("0")
    if "A" <= char <= "Z":
        return ord(char) - ord("A") + 10
    if char == "<":
        return 0
    raise ValueError(f"{char!r} is not an MRZ character (A-Z, 0-9, '<')")


def check_digit(field: str) -> str:
    """The ICAO 9303 check digit of ``field`` (7-3-1 weighting, modulo 10), as one character."""
    return str(sum(_value(c) * _WEIGHTS[i % 3] for i, c in enumerate(field)) % 10)


@dataclass(frozen=True)
class Td1:
    """The fields of a validated TD1 MRZ. ``vnumber`` is None when the optional data holds no V-number."""

    lines: tuple[str, str, str]
    document_code: str
    issuing_state: str
    document_number: str
    optional_data_1: str
    birth_date: date | None  # None when the document gives the birth date (partly) as unknown '<'
    sex: str  # 'M', 'F', 'X' or '<' (unspecified)
    expiry_date: date
    nationality: str
    optional_data_2: str
    primary_identifier: str
    secondary_identifiers: tuple[str, ...]
    vnumber: VNumber | None

    def is_expired(self, today: date) -> bool:
        return self.expiry_date < today


def split_lines(text: str) -> list[str]:
    """The MRZ lines of ``text``: separated by CR/LF/CRLF, or one 90-character run; blank lines dropped."""
    lines = [line.strip() for line in re.split(r"\r\n|\r|\n", text.strip()) if line.strip()]
    if len(lines) == 1 and len(lines[0]) == LINE_COUNT * LINE_LENGTH:
        run = lines[0]
        lines = [run[i : i + LINE_LENGTH] for i in range(0, len(run), LINE_LENGTH)]
    return lines


def _shape(text: str) -> tuple[str, str, str]:
    if not isinstance(text, str):
        raise MrzFormatError([MrzProblem("mrz", f"an MRZ is text, got {type(text).__name__}")])
    lines = [line.upper() if line.isascii() else line for line in split_lines(text)]
    problems: list[MrzProblem] = []
    if len(lines) != LINE_COUNT:
        problems.append(MrzProblem("mrz", f"a TD1 MRZ has {LINE_COUNT} lines, got {len(lines)}"))
        raise MrzFormatError(problems)
    for number, line in enumerate(lines, start=1):
        if len(line) != LINE_LENGTH:
            problems.append(MrzProblem(f"line {number}", f"has {len(line)} characters, a TD1 line has 30"))
        bad = next((i for i, c in enumerate(line) if not _ALPHABET.match(c)), None)
        if bad is not None:
            problems.append(MrzProblem(
                f"line {number}", f"character {line[bad]!r} at position {bad + 1} is not A-Z, 0-9 or '<'"))
    if problems:
        raise MrzFormatError(problems)
    return lines[0], lines[1], lines[2]


def birth_year(yy: int, mm: int, dd: int, today: date) -> int:
    """The year of the latest date with two-digit year ``yy``, month ``mm`` and day ``dd`` not after ``today``
    (a birth date is never in the future; a birth date of today is allowed)."""
    year = today.year - (today.year - yy) % 100  # the latest year <= this year ending in yy
    return year - 100 if (year, mm, dd) > (today.year, today.month, today.day) else year


def expiry_year(yy: int, mm: int, dd: int, today: date) -> int:
    """The year that puts the expiry date in the sliding window [today - 50 years, today + 50 years)."""
    low = (today.year - EXPIRY_WINDOW_YEARS, today.month, today.day)
    year = low[0] + (yy - low[0]) % 100  # the first year >= the window's start year ending in yy
    return year + 100 if (year, mm, dd) < low else year


def _date(raw: str, field: str, *, birth: bool, today: date, problems: list[MrzProblem]) -> date | None:
    if birth and "<" in raw and re.fullmatch(r"[0-9<]{6}", raw):
        return None  # ICAO allows an unknown (part of a) birth date to be filled with '<'
    if not re.fullmatch(r"[0-9]{6}", raw):
        problems.append(MrzProblem(field, f"{raw!r} is not a date YYMMDD"))
        return None
    yy, mm, dd = int(raw[:2]), int(raw[2:4]), int(raw[4:])
    year = birth_year(yy, mm, dd, today) if birth else expiry_year(yy, mm, dd, today)
    try:
        return date(year, mm, dd)
    except ValueError:
        problems.append(MrzProblem(field, f"{raw!r} is not a calendar date (YYMMDD)"))
        return None


def _document_number(line1: str, problems: list[MrzProblem]) -> tuple[str, str, str, str]:
    """(document number, its check digit, the text the check covers, optional data 1 without extension)."""
    head, check, optional = line1[5:14], line1[14], line1[15:30]
    if check != "<":
        return head.rstrip("<"), check, head, optional
    extension = optional.split("<", 1)[0]
    if len(extension) < 2:
        problems.append(MrzProblem("document number", "position 15 is '<' but no continued number follows"))
        return head.rstrip("<"), "<", head, optional
    number = head + extension[:-1]
    return number, extension[-1], number, optional[len(extension):]


def _checks(line1: str, line2: str, doc_check: tuple[str, str]) -> list[MrzProblem]:
    covered, given = doc_check
    composite = line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29]
    problems = []
    for field, data, digit in (
        ("document number", covered, given),
        ("date of birth", line2[0:6], line2[6]),
        ("date of expiry", line2[8:14], line2[14]),
        ("composite", composite, line2[29]),
    ):
        expected = check_digit(data)
        if digit != expected:
            problems.append(MrzProblem(field, f"check digit is {digit!r}, the data gives {expected!r}"))
    return problems


def _vnumber(*fields: str) -> VNumber | None:
    found = {m for f in fields for m in _VNUMBER_IN_DATA.findall(f.replace("<", " "))}
    return VNumber(found.pop()) if len(found) == 1 else None


def parse_td1(text: str, *, today: date | None = None) -> Td1:
    """Validate a TD1 MRZ and return its fields; raise MrzFormatError or MrzCheckError listing every problem.

    Lower-case ASCII letters are taken as upper case (a wedge scanner with caps lock on); the check digits
    still protect every number. ``today`` fixes the century of the two-digit years of birth and expiry (see
    the module docstring; default: today's date).
    """
    today = today or date.today()
    line1, line2, line3 = _shape(text)
    problems: list[MrzProblem] = []
    code = line1[0:2]
    if code[0] not in "AIC":
        problems.append(MrzProblem("document code", f"{code!r} must start with A, C or I for a TD1 card"))
    if code[1].isdigit():
        problems.append(MrzProblem("document code", f"{code!r}: the second character is a letter or '<'"))
    for field, value in (("issuing state", line1[2:5]), ("nationality", line2[15:18])):
        if not re.fullmatch(r"[A-Z][A-Z<]{2}", value):
            problems.append(MrzProblem(field, f"{value!r} is not a three-letter code"))
    number, number_check, covered, optional_1 = _document_number(line1, problems)
    if not number:
        problems.append(MrzProblem("document number", "is empty"))
    for field, digit in (("document number", number_check), ("date of birth", line2[6]),
                         ("date of expiry", line2[14]), ("composite", line2[29])):
        if not digit.isdigit():
            problems.append(MrzProblem(field, f"check digit {digit!r} is not a digit"))
    birth = _date(line2[0:6], "date of birth", birth=True, today=today, problems=problems)
    expiry = _date(line2[8:14], "date of expiry", birth=False, today=today, problems=problems)
    sex = line2[7]
    if sex not in "MFX<":
        problems.append(MrzProblem("sex", f"{sex!r} is not M, F, X or '<'"))
    if not re.fullmatch(r"[A-Z<]+", line3):
        problems.append(MrzProblem("name", "the name line holds only letters and '<'"))
    primary, _, secondary = line3.partition("<<")
    if not primary.strip("<"):
        problems.append(MrzProblem("name", "the primary identifier (surname) is empty"))
    if problems:
        raise MrzFormatError(problems)
    failed = _checks(line1, line2, (covered, number_check))
    if failed:
        raise MrzCheckError(failed)
    assert expiry is not None  # a failed expiry date was reported above
    optional_2 = line2[18:29]
    return Td1(
        lines=(line1, line2, line3),
        document_code=code.rstrip("<"),
        issuing_state=line1[2:5].rstrip("<"),
        document_number=number,
        optional_data_1=optional_1.strip("<"),
        birth_date=birth,
        sex=sex,
        expiry_date=expiry,
        nationality=line2[15:18].rstrip("<"),
        optional_data_2=optional_2.strip("<"),
        primary_identifier=primary.strip("<").replace("<", " "),
        secondary_identifiers=tuple(n for n in secondary.strip("<").split("<") if n),
        vnumber=_vnumber(optional_1, optional_2),
    )


def _field(value: str, width: int) -> str:
    value = value.upper().replace(" ", "<")
    if len(value) > width or not _ALPHABET.match(value):
        raise ValueError(f"{value!r} does not fit an MRZ field of {width} characters")
    return value.ljust(width, "<")


def _name(value: str) -> str:
    value = value.upper().replace("-", " ").replace("'", "").strip()
    return _field(value, len(value))


def compose_td1(*, document_code: str, issuing_state: str, document_number: str, birth_date: str, sex: str,
                expiry_date: str, nationality: str, primary_identifier: str,
                secondary_identifiers: tuple[str, ...] = (), optional_data_1: str = "",
                optional_data_2: str = "") -> tuple[str, str, str]:
    """Build the three lines of a valid TD1 MRZ with correct check digits (for simulators and tests).

    Dates are YYMMDD strings; names are truncated to fit line 3 as ICAO allows.
    """
    number = document_number.upper()
    if len(number) <= 9:
        line1_tail = _field(number, 9) + check_digit(_field(number, 9)) + _field(optional_data_1, 15)
    else:
        extension = number[9:] + check_digit(number)
        line1_tail = number[:9] + "<" + _field(extension + optional_data_1, 15)
    line1 = _field(document_code, 2) + _field(issuing_state, 3) + line1_tail
    line2 = (birth_date + check_digit(birth_date) + _field(sex, 1) + expiry_date + check_digit(expiry_date)
             + _field(nationality, 3) + _field(optional_data_2, 11))
    composite = line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29]
    line2 += check_digit(composite)
    name = _name(primary_identifier)
    if secondary_identifiers:
        name += "<<" + "<".join(_name(n) for n in secondary_identifiers)
    line3 = name[:LINE_LENGTH].ljust(LINE_LENGTH, "<")
    for line in (line1, line2, line3):
        if len(line) != LINE_LENGTH:
            raise ValueError(f"composed MRZ line {line!r} is not {LINE_LENGTH} characters")
    return line1, line2, line3
