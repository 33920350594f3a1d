"""Typed errors of the audit log. The message says what and where (the log file, the entry number)."""

from __future__ import annotations

from enrollment.errors import EnrollmentError


class AuditError(EnrollmentError):
    """Base of the audit log's errors."""


class EntryRefused(AuditError, ValueError):
    """An entry the log will not take: personal data in it (a V-number, bytes or arrays such as biometric data),
    an unknown kind or outcome, or a field too long. Nothing is written."""


class AuditLogCorrupt(AuditError):
    """The audit log's file is not an audit log this program can read (schema, a stored entry that does not
    decode)."""


class ChainBroken(AuditError):
    """``verify`` found the first entry or checkpoint that does not prove out; the message names it."""

    def __init__(self, message: str, *, entry: int | None = None) -> None:
        self.entry = entry
        super().__init__(message)
