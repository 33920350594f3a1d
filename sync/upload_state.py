"""The uploader's state in the kiosk's database (table ``upload_state``, one row per kiosk): failed attempts in a
row, when the next attempt may be made, the last delivery and the last error, and whether delivery is stopped
until a person looks. Kept in the database so that a restart keeps the wait and shows the last error."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from enrollment.records.models import UploadState
from sync.backoff import backoff_delay

MAX_ERROR_CHARS = 500


@dataclass(frozen=True)
class State:
    attempts: int = 0
    next_attempt_at: datetime | None = None
    last_success_at: datetime | None = None
    last_error_at: datetime | None = None
    last_error: str | None = None
    stopped: bool = False


def read_state(session: Session, kiosk_id: str) -> State:
    row = session.get(UploadState, kiosk_id)
    if row is None:
        return State()
    return State(row.attempts, _utc(row.next_attempt_at), _utc(row.last_success_at), _utc(row.last_error_at),
                 row.last_error, row.stopped)


def record_success(session: Session, kiosk_id: str, now: datetime) -> None:
    """A delivery: the failures in a row and the wait are over (the last error stays, with its time)."""
    _upsert(session, kiosk_id, attempts=0, next_attempt_at=None, last_success_at=now, stopped=False)


def record_failure(session: Session, kiosk_id: str, reason: str, now: datetime, rng: random.Random) -> datetime:
    """A failed attempt the upstream may recover from: one more in a row, and the next attempt after the backoff's
    wait; returns when."""
    attempts = (session.scalar(select(UploadState.attempts).where(UploadState.kiosk_id == kiosk_id)) or 0) + 1
    when = now + timedelta(seconds=backoff_delay(attempts, rng))
    _upsert(session, kiosk_id, attempts=attempts, next_attempt_at=when, last_error_at=now,
            last_error=reason[:MAX_ERROR_CHARS])
    return when


def record_stop(session: Session, kiosk_id: str, reason: str, now: datetime) -> None:
    """An answer that needs a person (400, 403, 409, an invalid receipt): delivery stops with ``reason``."""
    _upsert(session, kiosk_id, next_attempt_at=None, last_error_at=now, last_error=reason[:MAX_ERROR_CHARS],
            stopped=True)


def resume(session: Session, kiosk_id: str) -> None:
    """Delivery stopped for a person may go on (``zuil sync run`` does this when it starts: a person ran it); the
    backoff's wait stays."""
    _upsert(session, kiosk_id, stopped=False)


def _upsert(session: Session, kiosk_id: str, **values: object) -> None:
    if session.execute(update(UploadState).where(UploadState.kiosk_id == kiosk_id).values(**values)).rowcount == 0:
        defaults: dict[str, object] = {"attempts": 0, "stopped": False}
        session.execute(insert(UploadState).values(kiosk_id=kiosk_id, **{**defaults, **values}))


def _utc(moment: datetime | None) -> datetime | None:
    """SQLite gives naive datetimes back: they were stored as UTC."""
    return moment.replace(tzinfo=UTC) if moment is not None and moment.tzinfo is None else moment
