"""Errors of the libfprint driver, and the mapping of libfprint's GLib errors onto the typed DriverErrors."""

from __future__ import annotations

from typing import Any

from drivers.errors import (
    CaptureCancelled,
    CaptureError,
    CaptureTimeoutError,
    DeviceBusyError,
    DeviceError,
    DeviceRemovedError,
    DriverError,
    PartialFingerError,
    ProtocolError,
    UnsupportedDeviceError,
)

__all__ = ["LibfprintUnavailableError", "NoLibfprintDeviceError", "map_glib_error"]

APT_PACKAGES = ("libfprint-2-2 gir1.2-fprint-2.0 (run time); "
                "libgirepository1.0-dev libcairo2-dev pkg-config (to build PyGObject)")


class LibfprintUnavailableError(UnsupportedDeviceError):
    """PyGObject or the FPrint 2.0 typelib is not installed, so no libfprint scanner can be used."""


class NoLibfprintDeviceError(DeviceRemovedError):
    """libfprint sees no (matching) fingerprint device: not plugged in, or not supported by libfprint."""

    user_message = "No fingerprint scanner was found. A staff member has been told."


# libfprint's FpDeviceRetry codes (fp-device.h): what the person should do differently.
_RETRY = {
    "TOO_SHORT": (PartialFingerError, "Swipe or press a little longer."),
    "CENTER_FINGER": (PartialFingerError, None),
    "REMOVE_FINGER": (CaptureError, "Lift your finger, then place it again."),
}
# libfprint's FpDeviceError codes: device problems for the technician.
_ERROR = {
    "NOT_SUPPORTED": UnsupportedDeviceError,
    "BUSY": DeviceBusyError,
    "PROTO": ProtocolError,
    "REMOVED": DeviceRemovedError,
    "TOO_HOT": DeviceBusyError,
}


def _code_name(enum: Any, code: int) -> str:
    for name in dir(enum):
        if name.isupper() and int(getattr(enum, name, -1)) == code:
            return name
    return str(code)


def map_glib_error(error: Any, fprint: Any, gio: Any, *, timed_out: bool = False) -> DriverError:
    """The typed DriverError for a ``GLib.Error`` raised by libfprint (``fprint``/``gio``: the gi modules)."""
    message = getattr(error, "message", str(error))
    if error.matches(gio.io_error_quark(), int(gio.IOErrorEnum.CANCELLED)):
        if timed_out:
            return CaptureTimeoutError("libfprint capture timed out")
        return CaptureCancelled("libfprint capture cancelled")
    if _same_domain(error, fprint.DeviceRetry.quark()):
        name = _code_name(fprint.DeviceRetry, error.code)
        kind, user = _RETRY.get(name, (CaptureError, None))
        return kind(f"libfprint asks to retry ({name}): {message}", user_message=user)
    if _same_domain(error, fprint.DeviceError.quark()):
        name = _code_name(fprint.DeviceError, error.code)
        return _ERROR.get(name, DeviceError)(f"libfprint device error ({name}): {message}")
    return DeviceError(f"libfprint: {message}")


def _same_domain(error: Any, quark: int) -> bool:
    # PyGObject exposes GLib.Error.domain as the quark's string; compare through GLib's own matcher.
    return bool(error.matches(quark, error.code))
