"""The kiosk's recent warnings and errors for the technician: kept newest first, at most CAPACITY, one line each,
exceptions by type only, and every long run of digits (a V-number) masked, whatever the message holds."""

from __future__ import annotations

import logging

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.recent_log import CAPACITY, DIGIT_RUN, RecentLog, masked

VNUMBER = "1234567890"


def _logger(handler: RecentLog) -> logging.Logger:
    logger = logging.getLogger("tests.recent_log")
    logger.handlers[:] = [handler]
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    return logger


def test_warnings_and_errors_are_kept_newest_first_and_info_is_not():
    handler = RecentLog()
    logger = _logger(handler)
    logger.info("an intake started")
    logger.warning("the scanner answered late")
    logger.error("the record did not open: %s", "locked")
    lines = handler.lines()
    assert len(lines) == 2
    assert lines[0].endswith("ERROR tests.recent_log: the record did not open: locked")
    assert "WARNING tests.recent_log: the scanner answered late" in lines[1]


def test_a_vnumber_in_a_message_and_an_exception_text_never_reach_the_lines():
    handler = RecentLog()
    logger = _logger(handler)
    logger.warning("read %s from the letter", VNUMBER)
    try:
        raise ValueError(f"bad MRZ line with {VNUMBER}\nsecond line")
    except ValueError:
        logger.exception("the reader failed")
    text = "\n".join(handler.lines())
    assert VNUMBER not in text and "bad MRZ" not in text
    assert "read [digits] from the letter" in text and "the reader failed (ValueError)" in text


def test_only_the_last_capacity_records_are_kept():
    handler = RecentLog()
    logger = _logger(handler)
    for n in range(CAPACITY + 7):
        logger.warning("warning number %s", f"n{n}")
    lines = handler.lines()
    assert len(lines) == CAPACITY and lines[0].endswith("n56") and lines[-1].endswith(f"n{7}")


@settings(derandomize=True, max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("0123456789 ab-/\n٠١٢"), max_size=60))
def test_masked_text_holds_no_run_of_ascii_digits_as_long_as_a_masked_run(text):
    out = masked(text)
    run = 0
    for ch in out:
        run = run + 1 if ch in "0123456789" else 0
        assert run < DIGIT_RUN


def test_with_a_file_the_masked_lines_are_kept_there_and_read_back_at_the_next_start(tmp_path):
    from kiosk.recent_log import LOG_FILE, read_lines

    handler = RecentLog(file=tmp_path / LOG_FILE)
    logger = _logger(handler)
    logger.warning("read %s from the letter", VNUMBER)
    try:
        raise ValueError("no match for Jansen, Pieter")
    except ValueError:
        logger.exception("the identification failed")
    text = (tmp_path / LOG_FILE).read_text()
    assert VNUMBER not in text and "Jansen" not in text
    assert read_lines(tmp_path) == handler.lines() and len(handler.lines()) == 2
    assert read_lines(tmp_path)[0].endswith("the identification failed (ValueError)")
    restarted = RecentLog(file=tmp_path / LOG_FILE)
    _logger(restarted).warning("the scanner answered late")
    assert restarted.lines()[1:] == handler.lines() and restarted.lines()[0].endswith("answered late")
    assert len((tmp_path / LOG_FILE).read_text().splitlines()) == 3


def test_a_file_written_by_hand_is_masked_when_read(tmp_path):
    from kiosk.recent_log import LOG_FILE, read_lines

    (tmp_path / LOG_FILE).write_text(f"2026-01-01 00:00:00 WARNING x: {VNUMBER}\n")
    assert read_lines(tmp_path) == ["2026-01-01 00:00:00 WARNING x: [digits]"]
    assert read_lines(tmp_path / "absent") == []
