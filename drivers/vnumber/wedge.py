"""Tell a keyboard-wedge barcode scanner's burst of keys from a person typing, and assemble its lines.

A wedge scanner is a USB keyboard: it "types" the code, then Enter (or Tab), every key a few
milliseconds after the last. A person's keys come 60 ms or more apart. :class:`WedgeAssembler` holds
keys while they arrive faster than ``max_gap`` and decides when the burst ends:

- ended by Enter/Tab with at least ``min_burst`` characters: a :class:`ScannedLine`;
- went quiet (no key for ``max_gap``) with at least ``min_burst`` characters: a scanner without a
  suffix, also a :class:`ScannedLine`;
- otherwise the keys were typed by a person and are handed back as :class:`TypedKeys` for the focused
  field, in order, delayed by at most ``max_gap``.

Pure logic on timestamps; the kiosk feeds key events from its event filter and calls ``flush(now)``
from a timer. Times are seconds on a monotonic clock.
"""

from __future__ import annotations

from dataclasses import dataclass

from drivers.vnumber.errors import ScanLineError
from drivers.vnumber.lines import MrzLineGrouper
from drivers.vnumber.parameters import WEDGE_MAX_GAP_S, WEDGE_MIN_BURST_CHARS
from drivers.vnumber.reader import ReaderCallback, VNumberReader

__all__ = ["KeyEvent", "ScannedLine", "TypedKeys", "WedgeAssembler", "WedgeReader"]

_TERMINATORS = frozenset("\r\n\t")


@dataclass(frozen=True)
class KeyEvent:
    key: str  # one character; "\r", "\n" (Enter) or "\t" (Tab) end a line
    time: float


@dataclass(frozen=True)
class ScannedLine:
    text: str


@dataclass(frozen=True)
class TypedKeys:
    text: str


WedgeOutput = ScannedLine | TypedKeys


class WedgeAssembler:
    def __init__(self, max_gap: float = WEDGE_MAX_GAP_S, min_burst: int = WEDGE_MIN_BURST_CHARS) -> None:
        if max_gap <= 0 or min_burst < 1:
            raise ValueError("max_gap must be > 0 and min_burst >= 1")
        self.max_gap = max_gap
        self.min_burst = min_burst
        self._held: list[str] = []
        self._last: float | None = None

    def _release(self, terminator: str = "") -> list[WedgeOutput]:
        text, self._held = "".join(self._held), []
        if len(text) >= self.min_burst:  # with or without a suffix key: a scanner's burst
            return [ScannedLine(text)]
        return [TypedKeys(text + terminator)] if text or terminator else []

    def flush(self, now: float) -> list[WedgeOutput]:
        """Release held keys if no key came for ``max_gap``; call from a timer."""
        if self._held and self._last is not None and now - self._last > self.max_gap:
            return self._release()
        return []

    def feed(self, event: KeyEvent) -> list[WedgeOutput]:
        if len(event.key) != 1:
            raise ValueError(f"a key event carries one character, got {len(event.key)}")
        out = self.flush(event.time)  # after a pause, what was held was typed (or a suffix-less scan)
        self._last = event.time
        if event.key in _TERMINATORS:
            out += self._release(event.key)
            return out
        self._held.append(event.key)
        return out

    @property
    def holding(self) -> int:
        return len(self._held)


class WedgeReader(VNumberReader):
    """A reader fed key by key; scanned lines become V-number events, typed keys are returned to the caller."""

    source = "keyboard-wedge"

    def __init__(self, on_event: ReaderCallback | None = None, *, max_gap: float = WEDGE_MAX_GAP_S,
                 min_burst: int = WEDGE_MIN_BURST_CHARS) -> None:
        super().__init__(on_event)
        self._assembler = WedgeAssembler(max_gap, min_burst)
        self._grouper = MrzLineGrouper()

    def _start(self) -> None:
        self._assembler = WedgeAssembler(self._assembler.max_gap, self._assembler.min_burst)
        self._grouper = MrzLineGrouper()

    def _stop(self) -> None:
        pass

    def key(self, char: str, time: float) -> str:
        """Feed one key; returns the keys a person typed that the focused field should receive now."""
        return self._handle(self._assembler.feed(KeyEvent(char, time)))

    def tick(self, now: float) -> str:
        """Timer call: releases a finished burst or held typed keys."""
        return self._handle(self._assembler.flush(now))

    def _handle(self, outputs: list[WedgeOutput]) -> str:
        typed = []
        for item in outputs:
            if isinstance(item, TypedKeys):
                typed.append(item.text)
                continue
            if not self._running:
                continue
            dropped = self._grouper.dropped
            ready = self._grouper.push(item.text)
            if self._grouper.dropped > dropped:
                self._emit(ScanLineError("an incomplete MRZ (fewer than 3 lines) was interrupted and dropped"))
            if ready is not None:
                self._deliver_text(ready)
        return "".join(typed)
