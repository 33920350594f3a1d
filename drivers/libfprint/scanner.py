"""``LibfprintScanner``: a USB fingerprint scanner driven by libfprint 2 through GObject introspection.

libfprint's synchronous calls run the calling thread's GLib main context, so every call of one scanner
belongs on one worker thread (the :class:`~drivers.scanner.Scanner` contract). ``cancel()`` from any
thread cancels the running capture through a ``Gio.Cancellable``; the timeout does the same from a timer
and surfaces as :class:`CaptureTimeoutError`. Images come as libfprint delivers them (8-bit grey); the
resolution is libfprint's pixels-per-millimetre when the driver knows it, else 500 dpi.
"""

from __future__ import annotations

import contextlib
import threading
from datetime import UTC, datetime
from typing import Any

import numpy as np

from drivers.capture import Capture, DeviceInfo
from drivers.errors import ProtocolError, UnsupportedDeviceError
from drivers.libfprint.errors import NoLibfprintDeviceError, map_glib_error
from drivers.libfprint.gi_loader import load_fprint
from drivers.scanner import PreviewCallback, Scanner

__all__ = ["LibfprintScanner"]

DEFAULT_DPI = 500
_MM_PER_INCH = 25.4


def image_to_array(image: Any) -> np.ndarray:
    """An ``FPrint.Image`` as a fresh H x W uint8 array; refuses data that does not fit its size."""
    width, height = int(image.get_width()), int(image.get_height())
    data = bytes(image.get_data())
    if width <= 0 or height <= 0 or len(data) != width * height:
        raise ProtocolError(f"libfprint image of {width}x{height} carries {len(data)} bytes, not {width * height}")
    return np.frombuffer(data, dtype=np.uint8).reshape(height, width).copy()


class LibfprintScanner(Scanner):
    """The first libfprint device that can capture images, or the one named by ``driver``/``device_id``."""

    def __init__(self, *, driver: str | None = None, device_id: str | None = None) -> None:
        super().__init__()
        self._want_driver = driver
        self._want_id = device_id
        self._context: Any = None
        self._device: Any = None
        self._cancellable: Any = None
        self._lock = threading.Lock()

    def open(self) -> None:
        if self._device is not None:
            return
        fprint, gio, glib = load_fprint()
        context = fprint.Context()
        context.enumerate()
        devices = [d for d in context.get_devices()
                   if (self._want_driver is None or d.get_driver() == self._want_driver)
                   and (self._want_id is None or d.get_device_id() == self._want_id)]
        if not devices:
            wanted = ", ".join(f"{k}={v}" for k, v in (("driver", self._want_driver), ("id", self._want_id)) if v)
            raise NoLibfprintDeviceError(f"libfprint found no fingerprint device{f' ({wanted})' if wanted else ''}")
        device = devices[0]
        if not device.has_feature(fprint.DeviceFeature.CAPTURE):
            raise UnsupportedDeviceError(f"libfprint device {device.get_name()!r} cannot deliver images")
        try:
            device.open_sync(None)
        except glib.Error as exc:
            raise map_glib_error(exc, fprint, gio) from None
        self._context, self._device = context, device

    def close(self) -> None:
        device, self._device = self._device, None
        if device is not None:
            _, _, glib = load_fprint()
            with contextlib.suppress(glib.Error):  # closing a removed device fails; nothing is left to release
                device.close_sync(None)
        self._context = None

    def _opened(self) -> Any:
        if self._device is None:
            raise NoLibfprintDeviceError("the libfprint scanner is not open")
        return self._device

    def info(self) -> DeviceInfo:
        device = self._opened()
        return DeviceInfo(driver="libfprint", vendor=device.get_driver(), model=device.get_name(),
                          serial=device.get_device_id(), resolution_dpi=DEFAULT_DPI)

    def capture(self, finger_position: int = 0, *, timeout: float = 20.0,
                preview: PreviewCallback | None = None) -> Capture:
        fprint, gio, glib = load_fprint()
        device = self._opened()
        self._begin()
        cancellable = gio.Cancellable()
        timed_out = threading.Event()

        def expire() -> None:
            timed_out.set()
            cancellable.cancel()

        with self._lock:
            self._cancellable = cancellable
        if self._cancel.is_set():  # cancel() came between _begin() and here
            cancellable.cancel()
        timer = threading.Timer(timeout, expire)
        timer.daemon = True
        started = datetime.now(UTC)
        timer.start()
        try:
            image = device.capture_sync(True, cancellable)
        except glib.Error as exc:
            raise map_glib_error(exc, fprint, gio, timed_out=timed_out.is_set()) from None
        finally:
            timer.cancel()
            with self._lock:
                self._cancellable = None
        pixels = image_to_array(image)
        ppmm = float(image.get_ppmm() or 0.0)
        dpi = round(ppmm * _MM_PER_INCH) if ppmm > 0 else DEFAULT_DPI
        if preview is not None:
            preview(pixels)
        return Capture(image=pixels, resolution_dpi=dpi, device=self.info(), finger_position=finger_position,
                       started_at=started, finished_at=datetime.now(UTC))

    def cancel(self) -> None:
        super().cancel()
        with self._lock:
            if self._cancellable is not None:
                self._cancellable.cancel()

    def self_test(self) -> str:
        device = self._opened()
        return f"libfprint {device.get_driver()} {device.get_name()}: open"
