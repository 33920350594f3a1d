"""``ReconnectingScanner``: hot-plug for any scanner. After the device vanished (``DeviceRemovedError``) the
next operation waits for it to come back, within that operation's time and cancellable, and re-opens it, so
the kiosk never needs a restart after someone pulls and re-plugs the scanner. A device never opened is not
waited for: a port that is not there at all fails at once."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from drivers.capture import Capture, DeviceInfo
from drivers.errors import CaptureCancelled, DeviceRemovedError, DeviceTimeoutError, ProtocolError
from drivers.scanner import PreviewCallback, Scanner

log = logging.getLogger(__name__)
#: How often to look for a vanished device while waiting for it to return.
RECONNECT_POLL = 0.25


class ReconnectingScanner(Scanner):
    """Builds its scanner with ``factory`` on demand; drops it when it vanishes and builds it anew."""

    def __init__(self, factory: Callable[[], Scanner], description: str = "scanner") -> None:
        super().__init__()
        self._factory, self.description = factory, description
        self._inner: Scanner | None = None
        self._last_info: DeviceInfo | None = None
        self.reconnects = 0

    @property
    def inner(self) -> Scanner | None:
        return self._inner

    def open(self) -> None:
        if self._inner is not None:
            return
        scanner = self._factory()
        scanner.open()
        if self._last_info is not None:
            self.reconnects += 1
            log.info("%s is back", self.description)
        self._inner, self._last_info = scanner, scanner.info()

    def close(self) -> None:
        inner, self._inner = self._inner, None
        if inner is not None:
            inner.close()

    def _drop(self, exc: Exception) -> None:
        log.info("%s lost: %s", self.description, exc)  # the caller gets exc and reports it
        self.close()

    def wait_for_device(self, timeout: float) -> None:
        """Open the device. One that was open before is waited for up to ``timeout`` s (cancellable): gone,
        it is :class:`DeviceRemovedError`; back but silent or garbled, the error of the last try to open it."""
        if self._last_info is None:
            self.open()
            return
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.open()
                return
            except DeviceRemovedError as exc:
                if time.monotonic() + RECONNECT_POLL >= deadline:
                    raise DeviceRemovedError(f"{self.description} not back within {timeout:.0f} s: {exc}") from exc
            except (DeviceTimeoutError, ProtocolError) as exc:
                if time.monotonic() + RECONNECT_POLL >= deadline:
                    raise type(exc)(f"{self.description} is back but {exc}") from exc
            if self._cancel.wait(RECONNECT_POLL):
                raise CaptureCancelled(f"cancelled while waiting for {self.description}")

    def info(self) -> DeviceInfo:
        if self._inner is not None:
            return self._inner.info()
        if self._last_info is not None:
            return self._last_info
        raise DeviceRemovedError(f"{self.description} has not been opened")

    def capture(self, finger_position: int = 0, *, timeout: float = 20.0,
                preview: PreviewCallback | None = None) -> Capture:
        self._begin()
        started = time.monotonic()
        self.wait_for_device(timeout)
        assert self._inner is not None
        if self._cancel.is_set():
            raise CaptureCancelled("cancelled")
        try:
            left = max(timeout - (time.monotonic() - started), 1.0)
            return self._inner.capture(finger_position, timeout=left, preview=preview)
        except (DeviceRemovedError, DeviceTimeoutError) as exc:
            self._drop(exc)
            raise

    def self_test(self) -> str:
        self.open()
        assert self._inner is not None
        try:
            return self._inner.self_test()
        except (DeviceRemovedError, DeviceTimeoutError) as exc:
            self._drop(exc)
            raise

    def set_led(self, on: bool) -> None:
        if self._inner is not None:
            self._inner.set_led(on)

    def cancel(self) -> None:
        super().cancel()
        inner = self._inner
        if inner is not None:
            inner.cancel()
