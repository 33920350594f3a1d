"""The one small base class every fingerprint scanner driver implements (Electrum's plugin style).

Drivers are blocking and not thread-safe; the kiosk runs every call of one device on one worker thread
(``drivers.worker``) so the UI never blocks. ``cancel()`` is the only method safe to call from another
thread: it makes a running ``capture`` raise :class:`~drivers.errors.CaptureCancelled` promptly.
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Callable

import numpy as np

from drivers.capture import Capture, DeviceInfo

PreviewCallback = Callable[[np.ndarray], None]


class Scanner(ABC):
    def __init__(self) -> None:
        self._cancel = threading.Event()

    @abstractmethod
    def open(self) -> None:
        """Connect and handshake; raises DeviceError subclasses."""

    @abstractmethod
    def close(self) -> None:
        """Release the device; safe to call twice."""

    @abstractmethod
    def info(self) -> DeviceInfo: ...

    @abstractmethod
    def capture(self, finger_position: int = 0, *, timeout: float = 20.0,
                preview: PreviewCallback | None = None) -> Capture:
        """Wait for a finger and return its image; raises CaptureError / DeviceError subclasses."""

    def set_led(self, on: bool) -> None:  # noqa: B027 - optional feature, no-op by default
        """Light or dim the device's LED where it has one."""

    def self_test(self) -> str:
        """Check the device answers; returns a one-line status, raises DeviceError."""
        return f"{self.info().vendor} {self.info().model}: ok"

    def cancel(self) -> None:
        self._cancel.set()

    def _begin(self) -> None:
        self._cancel.clear()

    def __enter__(self) -> Scanner:
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
