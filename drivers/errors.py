"""The one base error of the drivers package and its typed subclasses.

Each error carries ``user_message``: what the kiosk says to the person at the glass (or the technician),
separate from the technical ``str(exc)`` that goes to the log. No biometric data is ever put in either.
"""

from __future__ import annotations


class DriverError(Exception):
    """Base of every error raised on purpose by ``drivers``."""

    user_message = "The scanner did not work. Please ask a staff member for help."
    #: True where trying again (same device, same person) can succeed.
    retryable = False

    def __init__(self, detail: str = "", *, user_message: str | None = None) -> None:
        super().__init__(detail or self.__class__.__doc__ or self.__class__.__name__)
        if user_message is not None:
            self.user_message = user_message


class CaptureError(DriverError):
    """A capture attempt failed for a reason the person can fix."""

    retryable = True


class NoFingerError(CaptureError):
    """No finger was detected on the glass."""

    user_message = "Place your finger flat on the glass."


class PartialFingerError(CaptureError):
    """The finger is not centred or only partly on the glass."""

    user_message = "Place the middle of your finger in the centre of the glass and press flat."


class MessyImageError(CaptureError):
    """The image is smudged: the finger or the glass is too wet, too dry or dirty."""

    user_message = "Wipe your finger and the glass, then try again."


class TooFewFeaturesError(CaptureError):
    """The image has too few features to make a template."""

    user_message = "Press a little harder and keep your finger still."


class CaptureTimeoutError(CaptureError):
    """No usable capture within the time allowed."""

    user_message = "We did not see a finger in time. Try again when you are ready."


class ImpressionsDifferError(CaptureError):
    """Two impressions meant to be the same finger could not be combined into one template."""

    user_message = "Place the same finger again, the same way."


class CaptureCancelled(DriverError):
    """The capture was cancelled by the user or the kiosk; unwinds silently, nothing to say."""

    user_message = ""


class DeviceError(DriverError):
    """A problem of the device itself; for the technician."""

    user_message = "The fingerprint scanner is not working. A staff member has been told."


class DeviceBusyError(DeviceError):
    """The device is in use by another operation."""

    retryable = True


class DeviceRemovedError(DeviceError):
    """The device was unplugged or stopped answering."""

    user_message = "The fingerprint scanner was disconnected. Please wait a moment."


class DeviceTimeoutError(DeviceError):
    """The device did not answer in time (wrong baud rate, address, or a hung device)."""


class DeviceStatusError(DeviceError):
    """The device refused a command with a status code that is no capture problem (``code`` says which)."""

    def __init__(self, detail: str = "", *, code: int = -1, user_message: str | None = None) -> None:
        super().__init__(detail, user_message=user_message)
        self.code = code


class WrongPasswordError(DeviceError):
    """The device refused the configured password (or address)."""


class UnsupportedDeviceError(DeviceError):
    """The device is not one this kiosk supports."""


class ProtocolError(DeviceError):
    """A packet from the device was malformed: bad header, length, checksum, or unexpected packet type."""


class ReaderError(DriverError):
    """A V-number reader (keypad, barcode scanner, camera) produced nothing usable."""

    user_message = "That did not work. You can type the number instead."
    retryable = True
