"""A logged-in staff session: who, in which role, and when it was last used, against an injected clock.

The session is the caller's token; only :class:`~enrollment.access.service.AccessService` makes one and checks
it on every call (:meth:`StaffSession.use`): ended, or idle longer than its limit, it is refused.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from enrollment.access.errors import SessionEnded, SessionExpired
from enrollment.access.roles import Role

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """``moment`` with its time zone (SQLite gives back the UTC times the store wrote without one)."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


@dataclass(eq=False)
class StaffSession:
    account_id: str
    name: str
    role: Role
    idle_limit: timedelta
    clock: Clock = field(repr=False)
    started_at: datetime
    last_used: datetime
    ended: bool = False

    def idle_for(self) -> timedelta:
        return self.clock() - self.last_used

    def use(self) -> None:
        """Mark the session used now; :class:`SessionEnded` when it was logged out, :class:`SessionExpired` (and
        the session ended) when it was idle longer than its limit."""
        if self.ended:
            raise SessionEnded(f"the session of account {self.account_id} was logged out: log in again")
        now = self.clock()
        if now - self.last_used > self.idle_limit:
            self.ended = True
            raise SessionExpired(f"the session of account {self.account_id} was idle for more than "
                                 f"{int(self.idle_limit.total_seconds() // 60)} minutes and is logged out")
        self.last_used = now
