"""The configured V-number reader (barcode scanner, camera) brought to the UI thread.

:class:`VNumberReading` makes the reader from the ``[vnumber_reader]`` settings and starts it with
:meth:`~VNumberReading.start` (the window does so while the V-number screen is shown) and stops it with
:meth:`~VNumberReading.stop`. The reader calls back on its own thread; its events cross to the UI thread
through a queued Qt signal and come out as ``read(str)`` (the ten digits) or ``failed(object)`` (the typed
:class:`~drivers.errors.ReaderError`). An event of a reader already stopped is dropped.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from drivers.errors import ReaderError
from drivers.vnumber.reader import ReaderEvent, ReaderResult, VNumberReader
from drivers.vnumber.settings import VNumberReaderSettings

log = logging.getLogger(__name__)


class VNumberReading(QObject):
    read = Signal(str)
    failed = Signal(object)
    _arrived = Signal(int, object)  # (the start it belongs to, the event): emitted on the reader's thread

    def __init__(self, settings: VNumberReaderSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.reader: VNumberReader | None = None
        self._started = 0  # counts starts: events of an earlier one are stale
        self._arrived.connect(self._deliver)

    @property
    def configured(self) -> bool:
        return self.settings.configured

    @property
    def running(self) -> bool:
        return self.reader is not None and self.reader.running

    def start(self) -> None:
        """Start the reader unless it runs; a reader that cannot start is reported through ``failed``."""
        if not self.configured or self.running:
            return
        self._started += 1
        started = self._started
        self.reader = self.settings.make_reader(lambda event: self._arrived.emit(started, event))
        try:
            assert self.reader is not None
            self.reader.start()
        except ReaderError as exc:
            log.warning("the V-number reader did not start: %s: %s", type(exc).__name__, exc)
            self.reader = None
            self.failed.emit(exc)

    def stop(self) -> None:
        """Stop the reader and wait for its thread; events still on their way are dropped."""
        self._started += 1
        if self.reader is not None:
            self.reader.stop()
            self.reader = None

    def _deliver(self, started: int, event: ReaderEvent) -> None:
        if started != self._started:
            return
        if isinstance(event, ReaderResult):
            self.read.emit(event.vnumber.digits)
        else:
            log.info("the V-number reader read nothing usable: %s", type(event).__name__)  # never the text
            self.failed.emit(event)
