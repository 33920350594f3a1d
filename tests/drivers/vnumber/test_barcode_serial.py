"""The serial barcode scanner over a real pseudo-terminal, and the line assembler under it."""

from __future__ import annotations

import os
import queue
import tty

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drivers.vnumber.errors import (
    BarcodePayloadError,
    InvalidVNumberError,
    ReaderUnavailableError,
    ScanLineError,
)
from drivers.vnumber.lines import Line, LineAssembler, MrzLineGrouper, Overflow
from drivers.vnumber.mrz import compose_td1
from drivers.vnumber.reader import ReaderResult
from drivers.vnumber.serial_scanner import SerialBarcodeReader


def test_line_ends_cr_lf_and_crlf_split_across_chunks() -> None:
    assembler = LineAssembler()
    out = assembler.feed(b"1111111111\r") + assembler.feed(b"\n2222222222\n33") + assembler.feed(b"33\r\r\n\n")
    assert out == [Line(b"1111111111"), Line(b"2222222222"), Line(b"3333")]
    assert assembler.pending() == 0


def test_overlong_line_is_dropped_once_and_the_next_line_survives() -> None:
    assembler = LineAssembler(max_bytes=16)
    out = assembler.feed(b"x" * 40) + assembler.feed(b"yyy\n1234567890\n")
    assert out == [Overflow(17), Line(b"1234567890")]


@given(st.lists(st.binary(min_size=1, max_size=20).filter(lambda b: b"\r" not in b and b"\n" not in b),
                max_size=8), st.sampled_from([b"\r", b"\n", b"\r\n"]), st.integers(1, 7))
def test_fuzz_lines_survive_any_chunking(lines: list[bytes], end: bytes, chunk: int) -> None:
    stream = b"".join(line + end for line in lines)
    assembler = LineAssembler()
    out = []
    for i in range(0, len(stream), chunk):
        out += assembler.feed(stream[i : i + chunk])
    assert out == [Line(line) for line in lines]


def test_mrz_grouper_joins_three_lines_and_drops_interrupted_ones() -> None:
    grouper = MrzLineGrouper()
    mrz = compose_td1(document_code="IR", issuing_state="NLD", document_number="AB0000001", birth_date="800101",
                      sex="F", expiry_date="300101", nationality="NGA", primary_identifier="OKAFOR",
                      optional_data_1="1112223334")
    assert grouper.push(mrz[0]) is None and grouper.push(mrz[1]) is None
    assert grouper.push("1234567890") == "1234567890" and grouper.dropped == 2
    assert [grouper.push(line) for line in mrz][-1] == "\n".join(mrz)


def test_mrz_grouper_takes_a_full_line_2_without_fillers_but_not_a_30_digit_code() -> None:
    mrz = compose_td1(document_code="IR", issuing_state="NLD", document_number="AB0000001", birth_date="800101",
                      sex="F", expiry_date="300101", nationality="NGA", primary_identifier="OKAFOR",
                      optional_data_2="99988877766")
    assert "<" not in mrz[1]
    grouper = MrzLineGrouper()
    assert [grouper.push(line) for line in mrz][-1] == "\n".join(mrz)
    assert grouper.push("1" * 30) == "1" * 30


@pytest.fixture
def pty_pair():
    """A real pseudo-terminal: the reader opens the slave by name, the test writes as the scanner on the master."""
    master, slave = os.openpty()
    tty.setraw(slave)  # no echo, no line discipline: bytes pass as a serial line would carry them
    yield master, os.ttyname(slave)
    os.close(master)
    os.close(slave)


def _next(events: queue.Queue, timeout: float = 5.0):
    return events.get(timeout=timeout)


def test_scanner_lines_become_results_and_typed_errors(pty_pair) -> None:
    master, port = pty_pair
    mrz = compose_td1(document_code="IR", issuing_state="NLD", document_number="AB0000001", birth_date="800101",
                      sex="F", expiry_date="300101", nationality="NGA", primary_identifier="OKAFOR",
                      optional_data_1="1112223334")
    reader = SerialBarcodeReader(port)
    with reader:
        os.write(master, b"VNR 1234567890\r\n")
        os.write(master, b"1234 567")  # a line may arrive in pieces
        os.write(master, b" 891\r")
        os.write(master, b"12345\n")
        os.write(master, b"https://example.org\n")
        os.write(master, b"\xff\xfe1234567890\n")
        os.write(master, ("\r".join(mrz) + "\r\n").encode())
        events = [_next(reader.events) for _ in range(6)]
    first, second, short, url, garbled, document = events
    assert isinstance(first, ReaderResult) and str(first.vnumber) == "1234567890"
    assert first.source == "serial-barcode" and first.raw == "VNR 1234567890"
    assert isinstance(second, ReaderResult) and str(second.vnumber) == "1234567891"
    assert isinstance(short, InvalidVNumberError) and "this has 5" in str(short)
    assert isinstance(url, BarcodePayloadError)
    assert isinstance(garbled, ScanLineError) and "position 1" in str(garbled)
    assert isinstance(document, ReaderResult) and str(document.vnumber) == "1112223334"
    assert not reader.running


def test_callback_delivery_and_overflow(pty_pair) -> None:
    master, port = pty_pair
    got: queue.Queue = queue.Queue()
    with SerialBarcodeReader(port, got.put, max_line_bytes=32):
        os.write(master, b"7" * 100 + b"\n0000000001\n")
        overflow, result = _next(got), _next(got)
    assert isinstance(overflow, ScanLineError) and "dropped" in str(overflow)
    assert isinstance(result, ReaderResult) and str(result.vnumber) == "0000000001"


def test_missing_port_is_unavailable(tmp_path) -> None:
    with pytest.raises(ReaderUnavailableError, match="cannot open"):
        SerialBarcodeReader(str(tmp_path / "ttyNOPE")).start()


def test_hangup_is_reported_as_unavailable() -> None:
    master, slave = os.openpty()
    tty.setraw(slave)
    port = os.ttyname(slave)
    os.close(slave)
    reader = SerialBarcodeReader(port)
    reader.start()
    try:
        os.close(master)  # the scanner goes away: reads on the slave fail with EIO
        event = _next(reader.events)
        assert isinstance(event, ReaderUnavailableError) and "stopped answering" in str(event)
    finally:
        reader.stop()
