"""What the participant reads when a capture goes wrong: the drivers' ``user_message`` of each error class,
repeated here as literal source text so Qt's lupdate extracts it (a test checks each one equals the driver's
English text), translated through ``QCoreApplication.translate``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from drivers import errors as e
from enrollment.errors import ExtractionError


def _messages() -> dict[type[Exception], str]:
    translate = QCoreApplication.translate  # named so: lupdate finds only `translate(` and `tr(` calls
    return {
        e.NoFingerError: translate("ScannerMessages", "Place your finger flat on the glass."),
        e.PartialFingerError: translate("ScannerMessages",
                                        "Place the middle of your finger in the centre of the glass and press flat."),
        e.MessyImageError: translate("ScannerMessages", "Wipe your finger and the glass, then try again."),
        e.TooFewFeaturesError: translate("ScannerMessages", "Press a little harder and keep your finger still."),
        e.CaptureTimeoutError: translate("ScannerMessages",
                                         "We did not see a finger in time. Try again when you are ready."),
        e.ImpressionsDifferError: translate("ScannerMessages", "Place the same finger again, the same way."),
        e.DeviceRemovedError: translate("ScannerMessages",
                                        "The fingerprint scanner was disconnected. Please wait a moment."),
        e.DeviceTimeoutError: translate("ScannerMessages",
                                        "The fingerprint scanner is not answering. A staff member has been told."),
        e.DeviceError: translate("ScannerMessages",
                                 "The fingerprint scanner is not working. A staff member has been told."),
        e.DriverError: translate("ScannerMessages", "The scanner did not work. Please ask a staff member for help."),
        ExtractionError: translate("ScannerMessages", "Let us try again. Place your finger flat on the glass."),
    }


def _closest(exc: Exception, messages: dict[type[Exception], str]) -> type[Exception]:
    return next((cls for cls in type(exc).__mro__ if cls in messages), e.DriverError)


def scanner_message(exc: Exception) -> str:
    """The participant's message for ``exc`` (the closest class that has one)."""
    messages = _messages()
    return messages[_closest(exc, messages)]


def scanner_message_id(exc: Exception) -> str:
    """The id ``exc``'s message is spoken (and recorded) under: ``scanner_`` and the class's name in lower case."""
    return f"scanner_{_closest(exc, _messages()).__name__.lower()}"


def source_messages() -> dict[type[Exception], str]:
    """The untranslated table (for the test that keeps it equal to the drivers' texts)."""
    return _messages()
