"""The one base error of the drivers package and its typed subclasses.

Each error carries ``user_message``: what the kiosk says to the person at the glass, separate from the
technical ``str(exc)`` that goes to the log. Technician tools show ``technician_message``: what happened and,
for device problems, what to check. No biometric data is ever put in any of them.
"""

from __future__ import annotations


class DriverError(Exception):
    """Base of every error raised on purpose by ``drivers``."""

    user_message = "The scanner did not work. Please ask a staff member for help."
    #: What a technician should check; ``technician_message`` puts it after what happened.
    technician_hint = ""
    #: True where trying again (same device, same person) can succeed.
    retryable = False

    def __init__(self, detail: str = "", *, user_message: str | None = None) -> None:
        super().__init__(detail or self.__class__.__doc__ or self.__class__.__name__)
        if user_message is not None:
            self.user_message = user_message

    @property
    def technician_message(self) -> str:
        """What happened and, where known, what to check: for technician tools, never shown to participants."""
        return f"{self}; check {self.technician_hint}" if self.technician_hint else str(self)


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
    technician_hint = "the scanner's cable and power, then run `zuil scanner test`"


class DeviceBusyError(DeviceError):
    """The device is in use by another operation."""

    retryable = True
    technician_hint = "that no other program (another zuil, a serial console) has the port open"


class DeviceRemovedError(DeviceError):
    """The device's port is gone or cannot be opened: unplugged, or not there at all."""

    user_message = "The fingerprint scanner was disconnected. Please wait a moment."
    technician_hint = ("that the scanner is plugged in and, for a serial scanner, that the setting scanner.port "
                       "names its port (`zuil scanner ports` lists them)")


class DeviceTimeoutError(DeviceError):
    """The port is there but the device is not answering (wrong baud rate, address, or a hung device)."""

    user_message = "The fingerprint scanner is not answering. A staff member has been told."
    technician_hint = ("the scanner's power and cable, and that scanner.baudrate and scanner.address "
                       "match the module")


class DeviceStatusError(DeviceError):
    """The device refused a command with a status code that is no capture problem (``code`` says which)."""

    def __init__(self, detail: str = "", *, code: int = -1, user_message: str | None = None) -> None:
        super().__init__(detail, user_message=user_message)
        self.code = code


class WrongPasswordError(DeviceError):
    """The device refused the configured password (or address)."""

    technician_hint = "scanner.password and scanner.address in the settings"


class UnsupportedDeviceError(DeviceError):
    """The device is not one this kiosk supports."""

    technician_hint = "scanner.driver in the settings"


class ProtocolError(DeviceError):
    """A packet from the device was malformed: bad header, length, checksum, or unexpected packet type."""

    technician_hint = "the cable and its connectors (noise on the line) and scanner.baudrate"


class ReaderError(DriverError):
    """A V-number reader (keypad, barcode scanner, camera) produced nothing usable."""

    user_message = "That did not work. You can type the number instead."
    retryable = True
