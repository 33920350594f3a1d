"""What the participant reads when a V-number reader (barcode scanner, camera) reads nothing usable: the
drivers' ``user_message`` of each reader error class, repeated here as literal source text so Qt's lupdate
extracts it (a test checks each one equals the driver's English text), translated through
``QCoreApplication.translate``. Every message offers the keypad as the way on."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from drivers.vnumber import errors as e


def _messages() -> dict[type[Exception], str]:
    translate = QCoreApplication.translate  # named so: lupdate finds only `translate(` and `tr(` calls
    return {
        e.InvalidVNumberError: translate("ReaderMessages",
                                         "That number could not be read as a V-number. Please check it or type it "
                                         "instead."),
        e.BarcodePayloadError: translate("ReaderMessages",
                                         "This code does not contain a V-number. You can type the number instead."),
        e.ReaderUnavailableError: translate("ReaderMessages", "The scanner is not available right now. You can "
                                                              "type the number instead."),
        e.MrzError: translate("ReaderMessages",
                              "The document could not be read. Please try again or type the number instead."),
        e.NoVNumberInDocumentError: translate("ReaderMessages",
                                              "This document does not show a V-number. Please type the number "
                                              "instead."),
        e.ReaderError: translate("ReaderMessages", "That did not work. You can type the number instead."),
    }


def reader_message(exc: Exception) -> str:
    """The participant's message for the reader error ``exc`` (the closest class that has one)."""
    messages = _messages()
    for cls in type(exc).__mro__:
        if cls in messages:
            return messages[cls]
    return messages[e.ReaderError]


def source_messages() -> dict[type[Exception], str]:
    """The untranslated table (for the test that keeps it equal to the drivers' texts)."""
    return _messages()
