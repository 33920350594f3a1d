"""The small interface every V-number reader implements, and what it delivers.

A reader is started, delivers events, and is stopped. An event is a :class:`ReaderResult` (a
well-formed V-number, where it came from, and the raw text read) or a :class:`ReaderError`
subclass saying why a read gave nothing usable. Events go to the callback given at construction,
or, without one, to the reader's ``events`` queue. Readers with a device thread (serial, camera)
call the callback from that thread: the kiosk hands events to its UI thread itself.
"""

from __future__ import annotations

import queue
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from drivers.errors import ReaderError
from drivers.vnumber.payload import parse_payload
from enrollment.values.vnumber import VNumber

__all__ = ["ReaderCallback", "ReaderEvent", "ReaderResult", "ThreadedReader", "VNumberReader"]


@dataclass(frozen=True)
class ReaderResult:
    """A V-number as read: ``source`` names the reader kind, ``raw`` is the text it produced (personal
    data: it may be a whole MRZ; never log it)."""

    vnumber: VNumber
    source: str
    raw: str

    def __repr__(self) -> str:  # keep the raw text out of logs and tracebacks
        return f"ReaderResult(vnumber=<{len(self.vnumber.digits)} digits>, source={self.source!r})"


ReaderEvent = ReaderResult | ReaderError
ReaderCallback = Callable[[ReaderEvent], None]


class VNumberReader(ABC):
    """Base of the V-number readers (keypad, serial barcode, keyboard wedge, camera)."""

    #: Short name of the reader kind, put in ``ReaderResult.source``.
    source: ClassVar[str] = "reader"

    def __init__(self, on_event: ReaderCallback | None = None) -> None:
        self.events: queue.Queue[ReaderEvent] = queue.Queue()
        self._on_event = on_event or self.events.put
        self._running = False

    @property
    def running(self) -> bool:
        return self._running

    def start(self) -> None:
        """Begin listening (open the device, start its thread). Raises ReaderUnavailableError."""
        if not self._running:
            self._start()
            self._running = True

    def stop(self) -> None:
        """Stop listening and release the device; safe to call twice and from any thread."""
        if self._running:
            self._running = False
            self._stop()

    @abstractmethod
    def _start(self) -> None: ...

    @abstractmethod
    def _stop(self) -> None: ...

    def _emit(self, event: ReaderEvent) -> None:
        self._on_event(event)

    def _deliver_text(self, raw: str) -> ReaderEvent:
        """Parse what the device produced and emit the result or the typed error; returns the event."""
        event: ReaderEvent
        try:
            event = ReaderResult(parse_payload(raw), self.source, raw)
        except ReaderError as exc:
            event = exc
        self._emit(event)
        return event

    def __enter__(self) -> VNumberReader:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


class ThreadedReader(VNumberReader):
    """A reader whose device is polled on a thread of its own: ``_run`` loops until ``_halt`` is set."""

    THREAD_JOIN_S = 2.0

    def __init__(self, on_event: ReaderCallback | None = None) -> None:
        super().__init__(on_event)
        self._halt = threading.Event()
        self._thread: threading.Thread | None = None

    @abstractmethod
    def _run(self) -> None: ...

    def _spawn(self, name: str) -> None:
        self._halt.clear()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def _halt_thread(self) -> None:
        """Ask the thread to end and wait for it (unless called from it, e.g. on a device error)."""
        self._halt.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=self.THREAD_JOIN_S)
        self._thread = None
