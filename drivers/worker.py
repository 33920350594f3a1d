"""``DeviceWorker``: every call into one scanner runs on ONE worker thread, in the order submitted.

The kiosk submits operations and gets :class:`concurrent.futures.Future` objects back (add callbacks with
``add_done_callback``; the Qt layer turns them into signals). No Qt here. ``cancel()`` is prompt: it drops
queued operations and makes a running capture raise :class:`~drivers.errors.CaptureCancelled`; a result
that races past a cancel is turned into ``CaptureCancelled`` too, so nobody acts on a capture they cancelled.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any, TypeVar

from drivers.capture import Capture
from drivers.errors import CaptureCancelled
from drivers.scanner import PreviewCallback, Scanner

log = logging.getLogger(__name__)
T = TypeVar("T")
#: A cancel is asserted again this long after it was asked, in case the operation had only just begun.
_RECANCEL_AFTER = 0.1


@dataclass(eq=False)
class _Job:
    name: str
    run: Callable[[Scanner], Any]
    future: Future = field(default_factory=Future)
    cancelled: bool = False


class DeviceWorker:
    """Owns ``scanner`` and runs submitted operations on its thread; ``close()`` releases the scanner there."""

    def __init__(self, scanner: Scanner, name: str = "scanner") -> None:
        self.scanner = scanner
        self._queue: queue.Queue[_Job | None] = queue.Queue()
        self._lock = threading.Lock()
        self._current: _Job | None = None
        self._thread = threading.Thread(target=self._loop, name=f"device-worker {name}", daemon=True)
        self._closed = False
        self._thread.start()

    # --- submitting --------------------------------------------------------------------------------------------
    def submit(self, run: Callable[[Scanner], T], name: str = "operation") -> Future[T]:
        if self._closed:
            raise RuntimeError("the device worker is closed")
        job = _Job(name, run)
        self._queue.put(job)
        return job.future

    def open(self) -> Future[None]:
        return self.submit(lambda s: s.open(), "open")

    def capture(self, finger_position: int = 0, *, timeout: float = 20.0,
                preview: PreviewCallback | None = None) -> Future[Capture]:
        return self.submit(lambda s: s.capture(finger_position, timeout=timeout, preview=preview), "capture")

    def self_test(self) -> Future[str]:
        return self.submit(lambda s: s.self_test(), "self-test")

    # --- cancelling and closing --------------------------------------------------------------------------------
    def cancel(self) -> None:
        """Drop every queued operation and cancel the running one (safe from any thread)."""
        dropped: list[_Job] = []
        while True:
            try:
                job = self._queue.get_nowait()
            except queue.Empty:
                break
            if job is None:
                self._queue.put(None)
                break
            dropped.append(job)
        for job in dropped:
            job.future.cancel()
        with self._lock:
            current = self._current
            if current is not None:
                current.cancelled = True
        if current is not None:
            self.scanner.cancel()
            timer = threading.Timer(_RECANCEL_AFTER, self._recancel, (current,))
            timer.daemon = True
            timer.start()

    def _recancel(self, job: _Job) -> None:
        with self._lock:
            if self._current is job:
                self.scanner.cancel()

    def close(self, timeout: float = 10.0) -> None:
        """Cancel what runs, close the scanner on the worker thread and end the thread."""
        if self._closed:
            return
        self.cancel()
        self._closed = True
        self._queue.put(_Job("close", lambda s: s.close()))
        self._queue.put(None)
        self._thread.join(timeout)

    # --- the thread --------------------------------------------------------------------------------------------
    def _loop(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            if not job.future.set_running_or_notify_cancel():
                continue
            with self._lock:
                self._current = job
            try:
                result = job.run(self.scanner)
            except BaseException as exc:  # delivered to the caller, never lost on this thread
                with self._lock:
                    self._current = None
                if not isinstance(exc, CaptureCancelled):
                    log.info("scanner %s failed: %s: %s", job.name, type(exc).__name__, exc)
                job.future.set_exception(exc)
                continue
            with self._lock:
                self._current = None
            if job.cancelled:
                job.future.set_exception(CaptureCancelled(f"{job.name} cancelled"))
            else:
                job.future.set_result(result)
