"""Applying a verified gallery feed delta to the kiosk's record store, in one transaction.

Every enrolment's templates are opened with the kiosk's feed key and decoded first (a template that does not open
or decode refuses the whole delta: :class:`sync.errors.FeedInvalid`); then, in the caller's one transaction, the
foreign persons and their prints are stored sealed with the gallery key (:mod:`enrollment.records.feed_prints`),
each withdrawal or deletion removes that person's feed records from its origin, and the cursor row is set to the
delta's next cursor. The returned :class:`Applied` updates the live 1:N index after the commit
(:meth:`Applied.update_gallery`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from enrollment.errors import EnrollmentError
from enrollment.records.feed_prints import add_feed_person, remove_feed_person
from enrollment.records.models import FeedCursor
from enrollment.shared_gallery import SharedGallery
from enrollment.template import Template, deserialize
from sync.errors import FeedInvalid
from sync.feed_delta import ENROLL, Delta, open_templates


@dataclass
class Applied:
    """What one delta changed: persons added (person, location, prints by finger) and persons removed (a withdrawal
    or a deletion at their origin)."""

    cursor: int
    added: list[tuple[str, str, dict[int, Template]]] = field(default_factory=list)
    withdrawn: list[str] = field(default_factory=list)
    prints_removed: int = 0

    def update_gallery(self, gallery: SharedGallery) -> None:
        """The live index brought in line with the committed delta (in the delta's order)."""
        for person in self.withdrawn:
            gallery.remove_person(person)
        gallery.add_persons(self.added)


def held_cursor(session: Session, upstream_id: str) -> int:
    """The cursor of the last delta applied from ``upstream_id`` (0: none yet)."""
    return session.scalar(select(FeedCursor.cursor).where(FeedCursor.upstream_id == upstream_id)) or 0


def opened_entries(delta: Delta, feed_key: X25519PrivateKey) -> dict[int, list[tuple[int, bytes, Template]]]:
    """Each enrolment's prints (finger, template bytes, decoded), by cursor; :class:`FeedInvalid` for any one
    that does not open or decode."""
    opened = {}
    for entry in delta.entries:
        if entry.kind != ENROLL:
            continue
        prints = []
        for position, data in open_templates(feed_key, entry, delta.kiosk_id):
            try:
                prints.append((position, data, deserialize(data)))
            except EnrollmentError as exc:
                raise FeedInvalid(f"entry {entry.cursor}", f"a template does not decode: {exc}") from None
        opened[entry.cursor] = prints
    return opened


def apply_delta(session: Session, delta: Delta, feed_key: X25519PrivateKey) -> Applied:
    """``delta`` (verified for this kiosk and its held cursor) written in ``session``'s transaction."""
    opened = opened_entries(delta, feed_key)
    applied = Applied(delta.next_cursor)
    for entry in delta.entries:
        if entry.kind == ENROLL:
            prints = opened[entry.cursor]
            add_feed_person(session, origin=entry.origin, person_id=entry.person, location_id=entry.location,
                            entry_cursor=entry.cursor, templates=[(p, data) for p, data, _t in prints])
            applied.added.append((entry.person, entry.location, {p: t for p, _d, t in prints}))
        else:
            applied.prints_removed += remove_feed_person(session, origin=entry.origin, person_id=entry.person)
            applied.added = [a for a in applied.added if a[0] != entry.person]
            applied.withdrawn.append(entry.person)
    row = session.get(FeedCursor, delta.upstream_id)
    now = datetime.now(UTC)
    if row is None:
        session.add(FeedCursor(upstream_id=delta.upstream_id, cursor=delta.next_cursor, applied_at=now))
    else:
        row.cursor, row.applied_at = delta.next_cursor, now
    session.flush()
    return applied
