"""Typed refusals of the access layer; each message is one line saying what was refused and why."""

from __future__ import annotations

from enrollment.errors import EnrollmentError


class AccessError(EnrollmentError):
    """Base of the access layer's errors."""


class CredentialRefused(AccessError, ValueError):
    """An account name, PIN or password that does not meet the rules (nothing is stored)."""


class LoginRefused(AccessError):
    """The name or the PIN/password is wrong (the message does not say which)."""


class AccountLocked(AccessError):
    """Too many failed logins: the account is locked until the time the message names."""


class AccountDisabled(AccessError):
    """The account is disabled: it cannot log in, and its open sessions are refused."""


class SessionEnded(AccessError):
    """The session was logged out (explicitly, or after its idle limit): log in again."""


class SessionExpired(SessionEnded):
    """The session was idle longer than the idle limit: it is logged out now."""


class RoleRefused(AccessError):
    """The session's role may not do this."""


class AccountExists(AccessError):
    """An account of this name exists already."""


class UnknownAccount(AccessError):
    """No account of this name."""


class NotFound(AccessError):
    """The intake or decision named does not exist."""


class FourEyesRefused(AccessError):
    """A confirmation that the four-eyes rule refuses: by the officer who made the decision, of a decision that
    needs none, or given twice."""
