"""What ``zuil sync status`` and the demo say about the outbox: queued, delivered, the oldest queued envelope's age,
the chain's last sequence number and head hash, and the uploader's registered upstream, last success, last error,
next attempt and whether delivery is stopped for a person (:mod:`sync.upload_state`), and the gallery
feed's cursor held."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from enrollment.records.models import FeedCursor, OutboxEnvelope, OutboxHead
from sync.outbox import DELIVERED, QUEUED
from sync.payloads import seconds
from sync.registration import Registration
from sync.upload_state import read_state


def outbox_status(session: Session, kiosk_id: str, *, now: datetime | None = None,
                  registration: Registration | None = None) -> dict[str, Any]:
    """The outbox and uploader of ``kiosk_id``; times are ISO 8601 UTC, None where there is none."""
    now = now or datetime.now(UTC)
    mine = OutboxEnvelope.kiosk_id == kiosk_id
    counts: dict[str, int] = dict(session.execute(select(OutboxEnvelope.state, func.count()).where(mine)
                                  .group_by(OutboxEnvelope.state)).all())
    oldest = session.scalar(select(func.min(OutboxEnvelope.created_at)).where(mine, OutboxEnvelope.state == QUEUED))
    head = session.execute(select(OutboxHead.last_sequence, OutboxHead.head_hash)
                           .where(OutboxHead.kiosk_id == kiosk_id)).one_or_none()
    state = read_state(session, kiosk_id)
    return {
        "kiosk_id": kiosk_id,
        "queued": counts.get(QUEUED, 0),
        "delivered": counts.get(DELIVERED, 0),
        "oldest_queued_age_s": None if oldest is None else max(0, (seconds(now) or 0) - (seconds(oldest) or 0)),
        "last_sequence": head.last_sequence if head else 0,
        "chain_head_sha256": (head.head_hash if head else bytes(32)).hex(),
        "last_success": _iso(state.last_success_at),
        "last_error": None if state.last_error is None else f"{_iso(state.last_error_at)}: {state.last_error}",
        "next_attempt": _iso(state.next_attempt_at),
        "stopped": state.stopped,
        "feed_cursor": 0 if registration is None else session.scalar(
            select(FeedCursor.cursor).where(FeedCursor.upstream_id == registration.upstream_id)) or 0,
        "upstream": None if registration is None else f"{registration.upstream_id} ({registration.service_url})",
    }


def envelope_list(session: Session, kiosk_id: str) -> list[dict[str, Any]]:
    """Each envelope of ``kiosk_id`` in sequence order: sequence, kind, state and size in bytes."""
    rows = session.execute(select(OutboxEnvelope.sequence, OutboxEnvelope.kind, OutboxEnvelope.state,
                                  func.length(OutboxEnvelope.envelope)).where(OutboxEnvelope.kiosk_id == kiosk_id)
                           .order_by(OutboxEnvelope.sequence)).all()
    return [{"sequence": seq, "kind": kind, "state": state, "bytes": size} for seq, kind, state, size in rows]


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).isoformat(timespec="seconds")
