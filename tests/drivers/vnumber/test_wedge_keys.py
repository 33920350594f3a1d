"""Keyboard-wedge scanner versus a person typing, on synthetic, seeded key-event streams."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drivers.vnumber.errors import InvalidVNumberError, ScanLineError
from drivers.vnumber.mrz import compose_td1
from drivers.vnumber.reader import ReaderResult
from drivers.vnumber.wedge import KeyEvent, ScannedLine, TypedKeys, WedgeAssembler, WedgeReader


def burst(text: str, start: float, rng: random.Random, gap: tuple[float, float] = (0.002, 0.015)) -> list[KeyEvent]:
    """A scanner typing ``text``: every key 2-15 ms after the last."""
    events, t = [], start
    for char in text:
        events.append(KeyEvent(char, t))
        t += rng.uniform(*gap)
    return events


def human(text: str, start: float, rng: random.Random) -> list[KeyEvent]:
    """A person typing ``text``: 90-400 ms between keys."""
    return burst(text, start, rng, gap=(0.09, 0.4))


def run(assembler: WedgeAssembler, events: list[KeyEvent], end: float) -> list:
    out = []
    for event in events:
        out += assembler.feed(event)
    return out + assembler.flush(end)


def test_scanner_burst_with_enter_is_a_scanned_line() -> None:
    rng = random.Random(1)
    out = run(WedgeAssembler(), burst("VNR 1234567890\r", 0.0, rng), end=5.0)
    assert out == [ScannedLine("VNR 1234567890")]


def test_human_typing_is_passed_through_in_order() -> None:
    rng = random.Random(2)
    out = run(WedgeAssembler(), human("1234567890\n", 0.0, rng), end=20.0)
    assert all(isinstance(o, TypedKeys) for o in out)
    assert "".join(o.text for o in out) == "1234567890\n"


def test_suffixless_scanner_is_recognised_after_the_pause() -> None:
    rng = random.Random(3)
    assembler = WedgeAssembler()
    events = burst("0123456789", 10.0, rng)
    out = []
    for event in events:
        out += assembler.feed(event)
    assert out == [] and assembler.holding == 10
    assert assembler.flush(events[-1].time + 0.01) == []  # still within the gap: maybe more is coming
    assert assembler.flush(events[-1].time + 0.2) == [ScannedLine("0123456789")]


def test_short_fast_pair_is_still_a_person() -> None:
    # Two keys 20 ms apart happen when a person rolls two fingers; too short to be a scan.
    out = run(WedgeAssembler(), [KeyEvent("4", 0.0), KeyEvent("2", 0.02), KeyEvent("\r", 0.03)], end=1.0)
    assert out == [TypedKeys("42\r")]


def test_interleaved_person_then_scanner_then_person() -> None:
    rng = random.Random(4)
    events = human("12", 0.0, rng) + burst("1234567890\t", 2.0, rng) + human("9", 4.0, rng)
    out = run(WedgeAssembler(), events, end=10.0)
    assert out == [TypedKeys("1"), TypedKeys("2"), ScannedLine("1234567890"), TypedKeys("9")]


def test_slow_scanner_outside_the_threshold_is_typing() -> None:
    # A scanner configured with a 50 ms inter-key delay looks like a (superhuman) person: documented limit.
    rng = random.Random(5)
    out = run(WedgeAssembler(), burst("1234567890\r", 0.0, rng, gap=(0.05, 0.05)), end=10.0)
    assert not any(isinstance(o, ScannedLine) for o in out)


def test_bad_parameters_and_events_are_refused() -> None:
    with pytest.raises(ValueError):
        WedgeAssembler(max_gap=0)
    with pytest.raises(ValueError, match="one character"):
        WedgeAssembler().feed(KeyEvent("Enter", 0.0))


@given(st.integers(0, 2**32), st.text(alphabet="0123456789VNR :", min_size=8, max_size=40),
       st.text(alphabet="0123456789", max_size=12))
def test_fuzz_scans_and_typing_never_mix(seed: int, scanned: str, typed: str) -> None:
    rng = random.Random(seed)
    events = human(typed, 0.0, rng)
    start = (events[-1].time if events else 0.0) + 0.5
    events += burst(scanned + "\r", start, rng)
    out = run(WedgeAssembler(), events, end=start + 10)
    assert [o for o in out if isinstance(o, ScannedLine)] == [ScannedLine(scanned)]
    assert "".join(o.text for o in out if isinstance(o, TypedKeys)) == typed


def test_wedge_reader_delivers_scans_and_returns_typing() -> None:
    rng = random.Random(6)
    mrz = compose_td1(document_code="IR", issuing_state="NLD", document_number="ZZ9876543", birth_date="040229",
                      sex="<", expiry_date="310101", nationality="XXA", primary_identifier="HOSSEINI",
                      secondary_identifiers=("ZAHRA",), optional_data_2="5554443332")
    reader = WedgeReader()
    typed = ""
    with reader:
        t = 0.0
        for event in human("7", t, rng) + burst("VNR:1234567890\r", 1.0, rng) + burst("12345678\r", 2.0, rng):
            typed += reader.key(event.key, event.time)
        for event in burst("\r".join(mrz) + "\r", 3.0, rng):
            typed += reader.key(event.key, event.time)
        for event in burst(mrz[0] + "\r", 5.0, rng) + burst("0000000001\r", 6.0, rng):
            typed += reader.key(event.key, event.time)
        typed += reader.tick(10.0)
    events = [reader.events.get_nowait() for _ in range(5)]
    assert typed == "7"
    assert isinstance(events[0], ReaderResult) and str(events[0].vnumber) == "1234567890"
    assert events[0].source == "keyboard-wedge"
    assert isinstance(events[1], InvalidVNumberError)
    assert isinstance(events[2], ReaderResult) and str(events[2].vnumber) == "5554443332"
    assert isinstance(events[3], ScanLineError)  # one MRZ line, then another code: the MRZ line is dropped
    assert isinstance(events[4], ReaderResult) and str(events[4].vnumber) == "0000000001"


@given(st.lists(st.tuples(st.sampled_from("0123456789VNR: \r\n\t"), st.floats(0.0, 0.5)), max_size=60))
def test_fuzz_no_key_is_lost_or_duplicated(keys: list[tuple[str, float]]) -> None:
    assembler, t, out = WedgeAssembler(), 0.0, []
    for key, gap in keys:
        t += gap
        out += assembler.feed(KeyEvent(key, t))
    out += assembler.flush(t + 1.0)
    given_chars = "".join(k for k, _ in keys if k not in "\r\n\t")
    produced = "".join(o.text for o in out)
    assert "".join(c for c in produced if c not in "\r\n\t") == given_chars
    assert assembler.holding == 0
