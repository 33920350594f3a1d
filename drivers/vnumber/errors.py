"""Typed errors of the V-number readers, all subclasses of :class:`drivers.errors.ReaderError`.

``str(exc)`` is the technical detail for the log (it may quote what a reader produced: a V-number or an
MRZ is personal data, so the kiosk logs the error class, not the text); ``user_message`` is what the
participant hears, and always offers the keypad as the way on.
"""

from __future__ import annotations

from dataclasses import dataclass

from drivers.errors import ReaderError

__all__ = [
    "BarcodePayloadError",
    "InvalidVNumberError",
    "MrzCheckError",
    "MrzError",
    "MrzFormatError",
    "MrzProblem",
    "NoVNumberInDocumentError",
    "ReaderError",
    "ReaderUnavailableError",
    "ScanLineError",
]


class InvalidVNumberError(ReaderError):
    """The reader produced a number that is not a well-formed V-number (the detail says why)."""

    user_message = "That number could not be read as a V-number. Please check it or type it instead."


class BarcodePayloadError(ReaderError):
    """A barcode was read but its content is not one of the V-number forms we accept."""

    user_message = "This code does not contain a V-number. You can type the number instead."


class ScanLineError(ReaderError):
    """A scanner line was garbled: not ASCII text, or too long without a line end."""


class ReaderUnavailableError(ReaderError):
    """The reader device cannot be opened or stopped answering (unplugged, wrong port, no camera)."""

    user_message = "The scanner is not available right now. You can type the number instead."
    retryable = False


@dataclass(frozen=True)
class MrzProblem:
    """One failed rule of a machine-readable zone: which field, and what is wrong with it."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class MrzError(ReaderError):
    """A machine-readable zone (ICAO 9303) could not be accepted; ``problems`` lists every failed rule."""

    user_message = "The document could not be read. Please try again or type the number instead."

    def __init__(self, problems: list[MrzProblem] | tuple[MrzProblem, ...]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(str(p) for p in self.problems) or "machine-readable zone refused")


class MrzFormatError(MrzError):
    """The MRZ has the wrong shape: line count, line length, characters outside A-Z 0-9 '<', field syntax."""


class MrzCheckError(MrzError):
    """One or more check digits of the MRZ do not match the fields they protect (a misread or a forgery)."""


class NoVNumberInDocumentError(ReaderError):
    """The document was read and is valid, but carries no V-number we can find."""

    user_message = "This document does not show a V-number. Please type the number instead."
