"""The capture screen's link to the scanner: captures run on the device worker's thread, extraction on the
engine's thread, and their results come back to the UI thread as signals (the UI never waits on either).

A result that arrives after :meth:`CaptureController.stop` (the intake was discarded or moved on) is dropped.
When the device fails (unplugged, silent, garbled), ``device_lost`` is emitted and the controller keeps
asking the worker to reopen it (``drivers.reconnect``) until it answers, then emits ``device_back``.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Executor, Future

from PySide6.QtCore import QObject, QTimer, Signal

from drivers.capture import Capture
from drivers.errors import CaptureCancelled, CaptureError, DeviceError
from drivers.worker import DeviceWorker
from enrollment.errors import ExtractionError
from enrollment.extraction import extract
from enrollment.imaging.encode import kept_image
from enrollment.template import serialize

RECONNECT_WAIT_S = 2.0  # each probe waits this long for the device to come back
PROBE_PAUSE_MS = 500


class CaptureController(QObject):
    image = Signal(object)  # the captured picture (numpy, uint8)
    succeeded = Signal(int, int, bytes, object)  # position, quality, serialized template, kept image (PNG) or None
    failed = Signal(int, object)  # position, the error the person can fix
    device_lost = Signal(object)
    device_back = Signal()
    _relay = Signal(int, object)  # (token, what to run on the UI thread)

    def __init__(self, worker: DeviceWorker, engine: Executor, *, timeout_s: float = 20.0,
                 keep_images: bool = False) -> None:
        super().__init__()
        self.worker, self.engine, self.timeout_s = worker, engine, timeout_s
        self.keep_images = keep_images  # the settings' keep_raw_images: hand each good impression's image on
        self._token = 0
        self._relay.connect(self._run)

    def _later(self, token: int, fn: Callable[[], None]) -> None:
        """Run ``fn`` on the UI thread unless the controller was stopped since ``token`` (any thread)."""
        self._relay.emit(token, fn)

    def _run(self, token: int, fn: Callable[[], None]) -> None:
        if token == self._token:
            fn()

    def start(self, position: int) -> None:
        """Ask the scanner for one impression of ``position``."""
        self._token += 1
        token = self._token
        future = self.worker.capture(position, timeout=self.timeout_s)
        future.add_done_callback(lambda f: self._later(token, lambda: self._captured(token, position, f)))

    def stop(self) -> None:
        """Forget what is under way and cancel the scanner's operation."""
        self._token += 1
        self.worker.cancel()

    def _captured(self, token: int, position: int, future: Future) -> None:
        if future.cancelled():
            return
        exc = future.exception()
        if isinstance(exc, CaptureCancelled):
            return
        if isinstance(exc, CaptureError):
            self.failed.emit(position, exc)
            return
        if isinstance(exc, DeviceError):
            self.device_lost.emit(exc)
            self._probe(token)
            return
        if exc is not None:
            raise exc
        capture = future.result()
        self.image.emit(capture.image)
        done = self.engine.submit(extract, capture.image, dpi=capture.resolution_dpi, finger_position=position)
        done.add_done_callback(lambda f: self._later(token, lambda: self._extracted(position, f, capture)))

    def _extracted(self, position: int, future: Future, capture: Capture) -> None:
        exc = future.exception()
        if isinstance(exc, ExtractionError):
            self.failed.emit(position, exc)
        elif exc is not None:
            raise exc
        else:
            template = future.result()
            image = kept_image(capture.image, capture.resolution_dpi) if self.keep_images else None
            self.succeeded.emit(position, template.quality, serialize(template), image)

    def _probe(self, token: int) -> None:
        def reopen(scanner) -> None:  # type: ignore[no-untyped-def]
            wait = getattr(scanner, "wait_for_device", None)
            wait(RECONNECT_WAIT_S) if wait else scanner.open()

        future = self.worker.submit(reopen, "reopen")
        future.add_done_callback(lambda f: self._later(token, lambda: self._probed(token, f)))

    def _probed(self, token: int, future: Future) -> None:
        if not future.cancelled() and future.exception() is None:
            self.device_back.emit()
        else:
            QTimer.singleShot(PROBE_PAUSE_MS, lambda: self._run(token, lambda: self._probe(token)))
