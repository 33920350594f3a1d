"""Recording the gallery feed's entries as envelopes are ingested (``sync/PROTOCOL.md`` "The gallery feed").

Called inside the ingest transaction of a newly stored envelope. An ``intake`` envelope with biometrics and
templates has its sealed part opened with the upstream's sealing key for the person's pseudonymous id (kept in
``feed_intakes`` with the location); the templates are not copied anywhere: they stay in the envelope's sealed part
as received and are opened only when a delta is served. A ``consent`` envelope with decision ``given`` marks its
intake consented. Once an intake is both held and consented, an ``enroll`` entry is recorded (the next cursor);
a ``withdrawal`` of an intake with an enroll entry records a ``withdraw`` entry for its person. A ``deletion`` naming
an intake with an enroll entry records a ``delete`` entry for its person (the kiosks remove every feed record of that
person from that origin), followed by a new enroll entry for each other intake of the person from that origin still
entered, so the person's younger enrolments stay fed. An envelope whose sealed part does not open, or whose payload
is not as ``sync/ENVELOPE.md`` says, records nothing for the feed.
"""

from __future__ import annotations

from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import Connection, insert, select, text, update

from sync import canonical, sealing
from sync.envelope import Envelope, seal_aad
from sync.errors import SealInvalid
from sync.feed_delta import DELETE, ENROLL, WITHDRAW
from sync.kinds import EnvelopeKind
from sync.upstream.kiosk_reports import deleted_intakes
from sync.upstream.models import feed_entries, feed_intakes


def opened_secret(sealing_key: X25519PrivateKey, envelope: Envelope) -> dict[str, Any] | None:
    """The envelope's sealed part opened (None when it has none or it does not open)."""
    sealed = envelope.payload.get("sealed")
    if sealed is None:
        return None
    try:
        secret = canonical.decode(sealing.open_sealed(sealing_key, sealed, seal_aad(
            envelope.envelope_id, envelope.kiosk_id, envelope.sequence, str(envelope.kind))))
    except (SealInvalid, ValueError):
        return None
    return secret if isinstance(secret, dict) else None


def templates_of(secret: dict[str, Any] | None) -> list[tuple[int, bytes]]:
    """(finger position, template bytes) of an intake's opened sealed part."""
    items = (secret or {}).get("templates")
    if not isinstance(items, list):
        return []
    return [(t["finger"], t["template"]) for t in items if isinstance(t, dict)
            and type(t.get("finger")) is int and isinstance(t.get("template"), bytes)]


def record_feed(connection: Connection, envelope: Envelope, sealing_key: X25519PrivateKey) -> None:
    """What ``envelope`` (just stored) means for the feed, in the caller's transaction."""
    payload, kiosk_id = envelope.payload, envelope.kiosk_id
    if envelope.kind is EnvelopeKind.DELETION:
        _record_deletion(connection, kiosk_id, deleted_intakes(payload))
        return
    intake_id = payload.get("intake")
    if not isinstance(intake_id, str) or not 0 < len(intake_id) <= 36:
        return
    key = (feed_intakes.c.kiosk_id == kiosk_id) & (feed_intakes.c.intake_id == intake_id)
    row = connection.execute(select(feed_intakes).where(key)).first()
    if envelope.kind is EnvelopeKind.WITHDRAWAL:
        if row is not None and row.entered:
            _append(connection, origin=kiosk_id, kind=WITHDRAW, intake_id=intake_id, person=row.person,
                    location=row.location)
            connection.execute(update(feed_intakes).where(key).values(entered=False, consented=False))
        return
    values: dict[str, Any] = {}
    if envelope.kind is EnvelopeKind.CONSENT and payload.get("decision") == "given":
        values["consented"] = True
    elif envelope.kind is EnvelopeKind.INTAKE and payload.get("biometrics") is True:
        secret = opened_secret(sealing_key, envelope)
        person, location = (secret or {}).get("person"), payload.get("location")
        if not (templates_of(secret) and isinstance(person, str) and isinstance(location, str)
                and 0 < len(person) <= 200 and 0 < len(location) <= 200):
            return
        values.update(envelope_id=envelope.envelope_id, person=person, location=location)
    else:
        return
    if row is None:
        connection.execute(insert(feed_intakes).values(kiosk_id=kiosk_id, intake_id=intake_id, consented=False,
                                                       entered=False, **values))
    else:
        connection.execute(update(feed_intakes).where(key).values(**values))
    row = connection.execute(select(feed_intakes).where(key)).one()
    if row.consented and row.envelope_id is not None and not row.entered:
        _append(connection, origin=kiosk_id, kind=ENROLL, intake_id=intake_id, person=row.person,
                location=row.location, envelope_id=row.envelope_id)
        connection.execute(update(feed_intakes).where(key).values(entered=True))


def _record_deletion(connection: Connection, kiosk_id: str, intake_ids: list[str]) -> None:
    """A delete entry per person of the entered intakes ``intake_ids`` of ``kiosk_id``, then a fresh enroll entry
    for each of those persons' intakes from that kiosk still entered."""
    if not intake_ids:
        return
    origin = feed_intakes.c.kiosk_id == kiosk_id
    gone = connection.execute(select(feed_intakes).where(origin, feed_intakes.c.intake_id.in_(intake_ids),
                                                         feed_intakes.c.entered)
                              .order_by(feed_intakes.c.intake_id)).all()
    if not gone:
        return
    connection.execute(update(feed_intakes).where(origin, feed_intakes.c.intake_id.in_(intake_ids))
                       .values(entered=False, consented=False))
    for person in sorted({row.person for row in gone}):
        first = next(row for row in gone if row.person == person)
        _append(connection, origin=kiosk_id, kind=DELETE, intake_id=first.intake_id, person=person,
                location=first.location)
        for kept in connection.execute(select(feed_intakes).where(origin, feed_intakes.c.person == person,
                                                                  feed_intakes.c.entered)
                                       .order_by(feed_intakes.c.intake_id)).all():
            _append(connection, origin=kiosk_id, kind=ENROLL, intake_id=kept.intake_id, person=person,
                    location=kept.location, envelope_id=kept.envelope_id)


def _append(connection: Connection, **values: Any) -> None:
    """One feed entry. Cursors must become visible in their order (a kiosk asks for those after the last it
    holds): on PostgreSQL the table is locked against other writers until this transaction ends, so no entry
    with a lower cursor commits after one with a higher; SQLite's one writer gives that already."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("LOCK TABLE feed_entries IN SHARE ROW EXCLUSIVE MODE"))
    connection.execute(insert(feed_entries).values(**values))
