"""The one base error of the enrollment package and its typed subclasses.

Every error carries a message meant for a person (officer, technician or the log); none carries biometric
data. Subpackages define narrower subclasses next to the code that raises them.
"""

from __future__ import annotations


class EnrollmentError(Exception):
    """Base of every error raised on purpose by ``enrollment``."""


class SettingsError(EnrollmentError):
    """A setting is missing, malformed or out of range; says the file, key and reason."""

    def __init__(self, reason: str, *, file: str | None = None, key: str | None = None) -> None:
        self.reason = reason
        self.file = file
        self.key = key
        where = ", ".join(p for p in (f"file {file}" if file else "", f"key {key!r}" if key else "") if p)
        super().__init__(f"{where}: {reason}" if where else reason)


class VNumberError(EnrollmentError, ValueError):
    """A V-number is not exactly ten digits; the message names the problem."""


class LocationError(EnrollmentError, ValueError):
    """An LVV location id is unknown or malformed."""


class StorageError(EnrollmentError):
    """The record store refused an operation (schema out of date, integrity, I/O)."""


class ImageError(EnrollmentError, ValueError):
    """An image could not be decoded or is unusable (empty, tiny, not grey, truncated, absurd size, DPI)."""


class TemplateFormatError(EnrollmentError, ValueError):
    """A serialised template (native or ISO/IEC 19794-2) is corrupt, truncated or of an unknown version."""


class ExtractionError(EnrollmentError):
    """The image could be decoded but no template could be made from it."""


class MatchingError(EnrollmentError):
    """Matching or identification could not be carried out (e.g. incompatible templates, empty gallery)."""


class ReceiptCodeError(EnrollmentError, ValueError):
    """A receipt code is not eight characters of the receipt alphabet, or an intake id has no code."""
