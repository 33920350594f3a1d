"""The prints of persons enrolled at other kiosks, as the gallery feed stored them (``feed_persons``,
``feed_prints``): sealed with the gallery key like the kiosk's own, opened here for the 1:N gallery."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from enrollment.records.field_cipher import Field, FieldCipher, cipher_of
from enrollment.records.models import FeedPerson, FeedPrint


def person_field(feed_person_id: str) -> Field:
    return Field("feed_persons", feed_person_id, "person_sealed")


def template_field(print_id: str, feed_person_id: str) -> Field:
    return Field("feed_prints", print_id, "template_sealed", feed_person_id)


def add_feed_person(session: Session, *, origin: str, person_id: str, location_id: str, entry_cursor: int,
                    templates: Iterable[tuple[int, bytes]]) -> FeedPerson:
    """A foreign person and their prints, sealed with the gallery key, added to the caller's transaction."""
    cipher = cipher_of(session)
    row_id = str(uuid.uuid4())
    person = FeedPerson(id=row_id, origin=origin, location_id=location_id, entry_cursor=entry_cursor,
                        person_sealed=cipher.seal(person_field(row_id), person_id.encode("utf-8")))
    session.add(person)
    for position, template in templates:
        print_id = str(uuid.uuid4())
        session.add(FeedPrint(id=print_id, feed_person_id=row_id, finger_position=position,
                              template_sealed=cipher.seal(template_field(print_id, row_id), template)))
    return person


def remove_feed_person(session: Session, *, origin: str, person_id: str) -> int:
    """Every feed record of ``person_id`` from ``origin`` and their prints deleted in the caller's transaction;
    returns how many prints went."""
    cipher = cipher_of(session)
    removed = 0
    for person in session.scalars(select(FeedPerson).where(FeedPerson.origin == origin)).all():
        if cipher.open(person_field(person.id), person.person_sealed).decode("utf-8") != person_id:
            continue
        for row in session.scalars(select(FeedPrint).where(FeedPrint.feed_person_id == person.id)).all():
            session.delete(row)
            removed += 1
        session.flush()
        session.delete(person)
    session.flush()
    return removed


def opened_feed_prints(session: Session, cipher: FieldCipher | None = None) -> list[tuple[str, str, str, int, bytes]]:
    """(person id, feed person row id, location, finger position, template bytes) of every feed print, opened."""
    cipher = cipher or cipher_of(session)
    people: dict[str, str] = {}
    out = []
    for print_id, person_row, sealed_template, position, sealed_person, location in session.execute(
            select(FeedPrint.id, FeedPrint.feed_person_id, FeedPrint.template_sealed, FeedPrint.finger_position,
                   FeedPerson.person_sealed, FeedPerson.location_id)
            .join(FeedPerson, FeedPrint.feed_person_id == FeedPerson.id)):
        if person_row not in people:
            people[person_row] = cipher.open(person_field(person_row), sealed_person).decode("utf-8")
        out.append((people[person_row], person_row, location, position,
                    cipher.open(template_field(print_id, person_row), sealed_template)))
    return out
