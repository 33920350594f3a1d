"""One audit entry: what happened, who did it, to which case, and the hash of the entry before it.

An entry's bytes are deterministic CBOR (RFC 8949 section 4.2, ``cbor2.dumps(..., canonical=True)``: map keys
sorted, shortest integer forms, definite lengths), so one entry has exactly one encoding and its SHA-256 is
well defined; :func:`decode` refuses any other encoding of the same values. An entry holds no personal data
beyond an opaque subject reference (an intake or person id): :func:`check_fields` refuses a V-number (ten
digits, however grouped or prefixed), bytes and arrays (biometric data), and any value of another type, in the
actor, the subject and the details alike.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

import cbor2

from enrollment.audit.errors import AuditLogCorrupt, EntryRefused
from enrollment.errors import VNumberError
from enrollment.values.vnumber import parse_vnumber

FORMAT_VERSION = 1
HASH_BYTES = 32
GENESIS = bytes(HASH_BYTES)  # the "previous hash" of entry 1
MAX_ENTRY_BYTES = 8192
MAX_ID_CHARS = 64
MAX_DETAILS = 16
MAX_DETAIL_CHARS = 200
_DETAIL_KEY = re.compile(r"[a-z][a-z0-9_-]{0,31}")
# Ten decimal digits (any script), optionally grouped by the separators a V-number is typed with and
# prefixed by V/VNR, not inside a longer word or number.
_VNUMBER_LIKE = re.compile(r"(?<![^\W_])(?:v(?:nr)?[:\s]*)?\d(?:[ .\-\u00a0\u202f\t]?\d){9}(?![^\W_])",
                           re.IGNORECASE)
_FIELDS = {"v", "seq", "time", "kind", "actor", "subject", "outcome", "details", "prev"}

DetailValue = str | int | bool | None


class Kind(StrEnum):
    """What an entry records."""

    EVIDENCE_VIEW = "evidence-view"  # an officer looked at biometric evidence (a hit, prints side by side)
    DECISION = "decision"  # an officer's decision on an intake, including a four-eyes override
    EXPORT = "export"  # data left the kiosk (an upstream envelope batch, an ANSI/NIST export)
    SUBJECT_EXPORT = "subject-export"  # everything held about one person, for a subject-access request
    KEY_OPERATION = "key-operation"  # key file made, rotated, unlocked or refused
    LOGIN = "login"
    LOGIN_FAILED = "login-failed"
    LOCKOUT = "lockout"
    LOGOUT = "logout"
    ACCOUNT_CHANGE = "account-change"  # an account added, disabled or its role changed
    PURGE = "purge"  # data deleted on retention
    CONSENT_WITHDRAWAL = "consent-withdrawal"


class Outcome(StrEnum):
    OK = "ok"
    REFUSED = "refused"  # the kiosk said no (wrong passphrase, locked account, a rule)
    FAILED = "failed"  # it went wrong (I/O, a damaged file)


@dataclass(frozen=True)
class Entry:
    seq: int  # 1, 2, 3, ... without gaps
    time: str  # ISO 8601, UTC
    kind: Kind
    actor: str  # an account id, or "system" / "technician"
    subject: str | None  # an opaque reference (intake id, person id); never a V-number or a name
    outcome: Outcome
    details: Mapping[str, DetailValue]
    prev: bytes  # SHA-256 of the previous entry's encoding; GENESIS for entry 1

    @property
    def encoded(self) -> bytes:
        return encode(self)


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def check_fields(kind: object, actor: object, subject: object, outcome: object,
                 details: Mapping[str, object]) -> tuple[Kind, Outcome, dict[str, DetailValue]]:
    """The kind and outcome as enums and a plain copy of ``details``, or :class:`EntryRefused` naming the field."""
    try:
        kind, outcome = Kind(kind), Outcome(outcome)
    except ValueError as exc:
        raise EntryRefused(f"audit entry: {exc}") from None
    _check_id("actor", actor, optional=False)
    _check_id("subject", subject, optional=True)
    if not isinstance(details, Mapping):
        raise EntryRefused(f"audit entry details must be a mapping, got {type(details).__name__}")
    if len(details) > MAX_DETAILS:
        raise EntryRefused(f"audit entry details: {len(details)} items, at most {MAX_DETAILS}")
    plain: dict[str, DetailValue] = {}
    for key, value in details.items():
        if not isinstance(key, str) or not _DETAIL_KEY.fullmatch(key):
            raise EntryRefused(f"audit entry details: key {key!r} is not a short lower-case name")
        _check_value(f"details[{key!r}]", value)
        plain[key] = value  # type: ignore[assignment]  # checked above
    return kind, outcome, plain


def _check_id(name: str, value: object, *, optional: bool) -> None:
    if value is None and optional:
        return
    if not isinstance(value, str) or not value or len(value) > MAX_ID_CHARS or not value.isprintable():
        raise EntryRefused(f"audit entry {name} must be printable text of 1 to {MAX_ID_CHARS} characters")
    _check_value(name, value)


def _check_value(name: str, value: object) -> None:
    if isinstance(value, bool) or value is None:
        return
    if isinstance(value, int):
        if 10 ** 9 <= abs(value) < 10 ** 10:
            raise EntryRefused(f"audit entry {name} is a ten-digit number, like a V-number: not logged")
        return
    if isinstance(value, str):
        if len(value) > MAX_DETAIL_CHARS:
            raise EntryRefused(f"audit entry {name}: {len(value)} characters, at most {MAX_DETAIL_CHARS}")
        if _looks_like_vnumber(value):
            raise EntryRefused(f"audit entry {name} looks like a V-number (ten digits): not logged")
        return
    if isinstance(value, bytes | bytearray | memoryview) or hasattr(value, "__array__"):
        raise EntryRefused(f"audit entry {name} is {type(value).__name__} (binary or array data such as "
                           f"biometrics): not logged")
    raise EntryRefused(f"audit entry {name} is a {type(value).__name__}; only text, whole numbers, "
                       f"true/false and none are logged")


def _looks_like_vnumber(text: str) -> bool:
    try:
        parse_vnumber(text)
    except VNumberError:
        return _VNUMBER_LIKE.search(text) is not None
    return True


def encode(entry: Entry) -> bytes:
    return cbor2.dumps({"v": FORMAT_VERSION, "seq": entry.seq, "time": entry.time, "kind": entry.kind.value,
                        "actor": entry.actor, "subject": entry.subject, "outcome": entry.outcome.value,
                        "details": dict(entry.details), "prev": entry.prev}, canonical=True)


def entry_hash(encoded: bytes) -> bytes:
    return hashlib.sha256(encoded).digest()


def decode(data: bytes, where: str = "audit entry") -> Entry:
    """The entry ``data`` encodes, or :class:`AuditLogCorrupt`: not CBOR, not canonical, a field missing, extra
    or of the wrong type, or content an entry may not hold."""
    if len(data) > MAX_ENTRY_BYTES:
        raise AuditLogCorrupt(f"{where}: {len(data)} bytes, more than an entry may have ({MAX_ENTRY_BYTES})")
    try:
        raw = cbor2.loads(data)
    except (cbor2.CBORDecodeError, ValueError, TypeError, OverflowError, RecursionError) as exc:
        raise AuditLogCorrupt(f"{where} is not CBOR: {exc}") from None
    if not isinstance(raw, dict) or set(raw) != _FIELDS or raw["v"] != FORMAT_VERSION:
        raise AuditLogCorrupt(f"{where} does not have the fields of an entry of format {FORMAT_VERSION}")
    try:
        kind, outcome, details = check_fields(raw["kind"], raw["actor"], raw["subject"], raw["outcome"],
                                              raw["details"])
    except EntryRefused as exc:
        raise AuditLogCorrupt(f"{where}: {exc}") from None
    seq, time, prev = raw["seq"], raw["time"], raw["prev"]
    if type(seq) is not int or seq < 1 or not isinstance(prev, bytes) or len(prev) != HASH_BYTES \
            or not _is_utc(time):
        raise AuditLogCorrupt(f"{where}: sequence number, time or previous hash malformed")
    entry = Entry(seq, time, kind, raw["actor"], raw["subject"], outcome, details, prev)
    if encode(entry) != data:
        raise AuditLogCorrupt(f"{where} is not in canonical form")
    return entry


def _is_utc(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return False
    return parsed.utcoffset() is not None and not parsed.utcoffset()
