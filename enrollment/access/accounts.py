"""Staff accounts in the record store (``staff_accounts``), each operation inside a caller's transaction.

The Argon2id hash is stored sealed (:mod:`enrollment.records.field_cipher`), bound to the account's row. An
account is never deleted, only disabled: the audit log names it by its id.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from enrollment.access.credentials import Secret, SecretKind, hash_secret
from enrollment.access.errors import AccountExists, UnknownAccount
from enrollment.access.roles import Role
from enrollment.records.field_cipher import Field, cipher_of
from enrollment.records.models import StaffAccount, new_id


@dataclass(frozen=True)
class AccountInfo:
    """An account as listed: never its hash."""

    id: str
    name: str
    role: Role
    secret_kind: SecretKind
    disabled: bool
    created_at: datetime
    disabled_at: datetime | None
    locked_until: datetime | None

    @classmethod
    def of(cls, row: StaffAccount) -> AccountInfo:
        return cls(row.id, row.name, Role(row.role), SecretKind(row.secret_kind), bool(row.disabled),
                   row.created_at, row.disabled_at, row.locked_until)


def _where(account_id: str) -> Field:
    return Field("staff_accounts", account_id, "secret_sealed")


def stored_hash(session: Session, row: StaffAccount) -> str:
    return cipher_of(session).open(_where(row.id), row.secret_sealed).decode("ascii")


def set_secret(session: Session, row: StaffAccount, secret_hash: str) -> None:
    row.secret_sealed = cipher_of(session).seal(_where(row.id), secret_hash.encode("ascii"))


def add(session: Session, name: str, role: Role, secret: Secret, *, now: datetime) -> StaffAccount:
    """A new account (``name`` and ``secret`` already parsed); :class:`AccountExists` for a name in use."""
    if by_name(session, name) is not None:
        raise AccountExists(f"an account named {name!r} exists already")
    row = StaffAccount(id=new_id(), name=name, role=Role(role).value, secret_kind=secret.kind.value, disabled=0,
                       created_at=now, failed_logins=0)
    set_secret(session, row, hash_secret(secret))
    session.add(row)
    session.flush()
    return row


def by_name(session: Session, name: str) -> StaffAccount | None:
    return session.scalars(select(StaffAccount).where(StaffAccount.name == name)).one_or_none()


def named(session: Session, name: str) -> StaffAccount:
    row = by_name(session, name)
    if row is None:
        raise UnknownAccount(f"no account named {name!r}")
    return row


def every(session: Session) -> list[AccountInfo]:
    return [AccountInfo.of(row) for row in session.scalars(select(StaffAccount).order_by(StaffAccount.name))]


def disable(session: Session, row: StaffAccount, *, now: datetime) -> bool:
    """Disable ``row``; False when it was disabled already (nothing changed)."""
    if row.disabled:
        return False
    row.disabled, row.disabled_at = 1, now
    return True
