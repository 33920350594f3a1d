"""The entries other parts write, one function each: key operations, logins, failed logins, lockouts, logouts,
purges, subject-access exports and exchange-file exports.

Actors are account ids or ``"technician"`` / ``"system"``. A failed login for a name that is no account is
logged with the actor :data:`UNKNOWN_ACCOUNT`, never with what was typed (it may be a name or a V-number).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

import cbor2

from enrollment.audit.entries import DetailValue, Entry, Kind, Outcome, decode
from enrollment.audit.log_store import AuditLog
from enrollment.errors import EnrollmentError
from enrollment.keys.errors import KeysError

TECHNICIAN = "technician"
SYSTEM = "system"
UNKNOWN_ACCOUNT = "unknown-account"
KEY_FILE = "key_file"  # the detail naming the key file an operation left, by its checksum (64 hex digits)


@contextmanager
def key_operation(log: AuditLog, operation: str, *, actor: str = TECHNICIAN,
                  log_success: bool = True) -> Iterator[dict[str, DetailValue]]:
    """Log ``operation`` (``init``, ``rotate``, ``unlock``) when the block ends: ``ok`` with the details the
    block put in the yielded dict (unless not ``log_success``); ``refused`` for a key error (wrong passphrase,
    TPM refused, file exists), ``failed`` for another error, with those details and the error's name; the
    error goes on."""
    details: dict[str, DetailValue] = {}
    try:
        yield details
    except (EnrollmentError, OSError) as exc:
        outcome = Outcome.REFUSED if isinstance(exc, KeysError) else Outcome.FAILED
        log.append(Kind.KEY_OPERATION, actor=actor, outcome=outcome,
                   details={"operation": operation, **details, "error": type(exc).__name__})
        raise
    if log_success:
        log.append(Kind.KEY_OPERATION, actor=actor, details={"operation": operation, **details})


def key_file_seen(log: AuditLog, key_file: str, *, master_version: int) -> Entry | None:
    """Append an entry when the key file (named by its checksum, :attr:`KeyRing.checksum`) is not the one the last
    key-operation entry that names a key file left: a key file changed without its entry (a rotation killed after
    its rename and before its entry was committed, or a file replaced by hand) or one the log has not seen (demo
    keys, a log begun later). Call it before a key operation's own entries; returns the entry or None."""
    last = _last_key_file(log)
    if last == key_file:
        return None
    return log.append(Kind.KEY_OPERATION, actor=SYSTEM, details={
        "operation": "key-file-unlogged", KEY_FILE: key_file, "master_version": master_version,
        "last_logged_key_file": last})


def _last_key_file(log: AuditLog) -> str | None:
    for stored in log.newest_containing(cbor2.dumps(KEY_FILE)):
        entry = decode(stored.data, f"audit entry {stored.seq}")
        value = entry.details.get(KEY_FILE)
        if entry.kind is Kind.KEY_OPERATION and isinstance(value, str) and entry.outcome is Outcome.OK:
            return value
    return None


def login(log: AuditLog, account: str | None, *, ok: bool, role: str | None = None,
          reason: str | None = None) -> Entry:
    """A login (``ok``) or a failed one; ``account`` None when the name given is no account."""
    details: dict[str, object] = {k: v for k, v in (("role", role), ("reason", reason)) if v is not None}
    return log.append(Kind.LOGIN if ok else Kind.LOGIN_FAILED, actor=account or UNKNOWN_ACCOUNT,
                      outcome=Outcome.OK if ok else Outcome.REFUSED, details=details)


def lockout(log: AuditLog, account: str, *, failed_attempts: int, seconds: int) -> Entry:
    return log.append(Kind.LOCKOUT, actor=account, outcome=Outcome.REFUSED,
                      details={"failed_attempts": failed_attempts, "seconds": seconds})


def logout(log: AuditLog, account: str, *, idle: bool) -> Entry:
    return log.append(Kind.LOGOUT, actor=account, details={"idle": idle})


def purge(log: AuditLog, receipt_id: str | None, details: Mapping[str, DetailValue]) -> Entry:
    """A purge's deletion receipt (its id as the subject; the receipt names the intakes), or, with no receipt, a
    purge that found nothing due."""
    return log.append(Kind.PURGE, actor=SYSTEM, subject=receipt_id, details=details)


def subject_export(log: AuditLog, intake_id: str, *, actor: str, intakes: int, by: str) -> Entry:
    """Everything held about one person was written out; the subject is the intake id (never the V-number asked
    by, ``by`` says only whether it was an intake id or a V-number)."""
    return log.append(Kind.SUBJECT_EXPORT, actor=actor, subject=intake_id, details={"intakes": intakes, "by": by})


def data_export(log: AuditLog, intake_id: str, *, actor: str, details: Mapping[str, DetailValue]) -> Entry:
    """Data of intake ``intake_id`` left the kiosk in an exchange file (an ANSI/NIST-ITL transaction); ``details``
    say in what format, for whom and how many records (never the V-number or the prints)."""
    return log.append(Kind.EXPORT, actor=actor, subject=intake_id, details=details)
