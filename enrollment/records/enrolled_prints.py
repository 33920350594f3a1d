"""The prints the kiosk holds, read from the intake record: the gallery's source and the V-number's prints.

Only captures with a template of intakes whose participant gave consent, not withdrawn since, count. The
templates and the intakes' person links are stored sealed: they are opened here, in memory, with the session's
keys; a template or link that does not open where it is stored is refused
(:class:`~enrollment.records.field_cipher.SealedFieldRefused`), never used. The V-number's intakes are found
by its keyed hash. The gallery also holds the prints the upstream's gallery feed brought from other kiosks
(:mod:`enrollment.records.feed_prints`), sealed the same way.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session, aliased

from enrollment.matching import sketch_form
from enrollment.matching.sketch_form import Sketches
from enrollment.records.feed_prints import opened_feed_prints
from enrollment.records.field_cipher import Field, FieldCipher, cipher_of
from enrollment.records.intake_reads import person_of, template_of
from enrollment.records.models import CaptureRow, ConsentRecord, GalleryGeneration, Intake
from enrollment.records.vocabulary import ConsentDecision
from enrollment.template import Template, deserialize
from enrollment.template.native_batch import deserialize_many
from enrollment.values.vnumber import VNumber


@dataclass(frozen=True)
class EnrolledPrint:
    person_id: str
    intake_id: str
    location_id: str
    finger_position: int
    template: Template
    sketches: Sketches | None = None  # kept with the template (:mod:`enrollment.matching.sketch_form`), if current


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while the gallery's million small objects are made (it found
    nothing to free there and cost a third of the decoding time); on again after, as it was."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _consented(query):  # type: ignore[no-untyped-def]
    """Only intakes with a consent given that no withdrawal names."""
    withdrawal = aliased(ConsentRecord)
    return query.where(
        select(ConsentRecord.id)
        .where(ConsentRecord.intake_id == Intake.id, ConsentRecord.decision == ConsentDecision.GIVEN,
               ~select(withdrawal.id).where(withdrawal.withdraws_id == ConsentRecord.id).exists())
        .exists()
    )


@dataclass(frozen=True)
class OpenedPrints:
    """The consented prints' rows with their sealed fields opened, templates and their kept sketches still in
    bytes (one entry per print in each list; no sketches kept: None)."""

    person_ids: list[str]
    intake_ids: list[str]
    location_ids: list[str]
    positions: list[int]
    templates: list[bytes]
    sketches: list[bytes | None]


def open_enrolled(session: Session, *, exclude_intake: str | None = None) -> OpenedPrints:
    """Every consented print in the record, read and opened (not yet decoded), then every print the gallery feed
    brought from other kiosks (:mod:`enrollment.records.feed_prints`; intake id ``feed-<row id>``)."""
    cipher = cipher_of(session)
    query = (
        select(CaptureRow.id, CaptureRow.template_sealed, CaptureRow.finger_position, Intake.person_sealed,
               Intake.id, Intake.location_id, CaptureRow.sketch_sealed)
        .join(Intake, CaptureRow.intake_id == Intake.id)
        .where(CaptureRow.template_sealed.is_not(None))
    )
    if exclude_intake:
        query = query.where(Intake.id != exclude_intake)
    people: dict[str, str] = {}
    opened = OpenedPrints([], [], [], [], [], [])
    with _collector_paused():
        for capture_id, sealed, position, person_sealed, intake_id, location_id, sketch_sealed in session.execute(
                _consented(query)):
            if intake_id not in people:
                people[intake_id] = person_of(cipher, intake_id, person_sealed)
            opened.person_ids.append(people[intake_id])
            opened.intake_ids.append(intake_id)
            opened.location_ids.append(location_id)
            opened.positions.append(position)
            opened.templates.append(template_of(cipher, capture_id, intake_id, sealed))
            opened.sketches.append(None if sketch_sealed is None else
                                   cipher.open(sketch_field(capture_id, intake_id), sketch_sealed))
        for person_id, feed_person_id, location_id, position, template in opened_feed_prints(session, cipher):
            opened.person_ids.append(person_id)
            opened.intake_ids.append(f"feed-{feed_person_id}")
            opened.location_ids.append(location_id)
            opened.positions.append(position)
            opened.templates.append(template)
            opened.sketches.append(None)
    return opened


def decoded(opened: OpenedPrints) -> Iterator[EnrolledPrint]:
    """The opened prints with their templates decoded (all at once: :func:`deserialize_many`)."""
    with _collector_paused():
        templates = deserialize_many(opened.templates)
        sketches = [sketch_form.read(data, blob) for data, blob in zip(opened.sketches, opened.templates, strict=True)]
        prints = [EnrolledPrint(*fields) for fields in zip(opened.person_ids, opened.intake_ids,
                                                            opened.location_ids, opened.positions, templates,
                                                            sketches, strict=True)]
    yield from prints


def enrolled_prints(session: Session, *, exclude_intake: str | None = None) -> Iterator[EnrolledPrint]:
    """Every consented print in the record (for building the 1:N gallery index)."""
    return decoded(open_enrolled(session, exclude_intake=exclude_intake))


def gallery_generation(session: Session) -> int:
    """The record's gallery generation: raised by the database on every change to what :func:`open_enrolled`
    reads (migration 0012), whichever process made it; equal generations, the same gallery."""
    return session.execute(select(GalleryGeneration.generation).where(GalleryGeneration.id == 1)).scalar_one()


def claim_generation(session: Session) -> int:
    """The gallery generation raised first thing in a transaction that changes the gallery, so that no other
    writer changes it before this one commits (SQLite: the write lock; PostgreSQL: the row's lock); returns the
    generation before."""
    session.execute(update(GalleryGeneration).where(GalleryGeneration.id == 1)
                    .values(generation=GalleryGeneration.generation + 1))
    return gallery_generation(session) - 1


def sketch_field(capture_id: str, intake_id: str) -> Field:
    """Where a capture's sealed sketches belong (bound like its template)."""
    return Field("captures", capture_id, "sketch_sealed", intake_id)


def seal_sketches(cipher: FieldCipher, capture_id: str, intake_id: str, template: bytes,
                  sketches: Sketches | None = None) -> bytes:
    """The gallery sketches of a capture's native ``template`` bytes (computed unless given), sealed for its row."""
    if sketches is None:
        sketches = sketch_form.compute([deserialize(template)])[0]
    return cipher.seal(sketch_field(capture_id, intake_id), sketch_form.write(template, sketches))


def keep_sketches(session: Session, *, every: bool = False, batch: int = 4096) -> int:
    """Compute and store, sealed, the gallery sketches of the consented prints that have none kept (captured
    since the last load, or before migration 0011); with ``every``, also of those whose kept sketches are not
    current (another sketch version). Returns how many were stored."""
    cipher = cipher_of(session)
    query = select(CaptureRow.id, Intake.id, CaptureRow.template_sealed, CaptureRow.sketch_sealed) \
        .join(Intake, CaptureRow.intake_id == Intake.id).where(CaptureRow.template_sealed.is_not(None))
    if not every:
        query = query.where(CaptureRow.sketch_sealed.is_(None))
    stale: list[tuple[str, str, bytes]] = []
    for capture_id, intake_id, sealed, sketch_sealed in session.execute(_consented(query)):
        template = template_of(cipher, capture_id, intake_id, sealed)
        data = None if sketch_sealed is None else cipher.open(sketch_field(capture_id, intake_id), sketch_sealed)
        if sketch_form.read(data, template) is None:
            stale.append((capture_id, intake_id, template))
    for first in range(0, len(stale), batch):
        part = stale[first:first + batch]
        computed = sketch_form.compute(deserialize_many([t for _, _, t in part]))
        session.execute(update(CaptureRow), [
            {"id": capture_id, "sketch_sealed": seal_sketches(cipher, capture_id, intake_id, template, sketches)}
            for (capture_id, intake_id, template), sketches in zip(part, computed, strict=True)])
    return len(stale)


def prints_for_vnumber(session: Session, v_number: VNumber, *,
                       exclude_intake: str | None = None) -> dict[int, list[Template]]:
    """The prints held for a V-number, by finger position (for the 1:1 V-number check)."""
    cipher = cipher_of(session)
    query = (
        select(CaptureRow.id, CaptureRow.intake_id, CaptureRow.template_sealed, CaptureRow.finger_position)
        .join(Intake, CaptureRow.intake_id == Intake.id)
        .where(CaptureRow.template_sealed.is_not(None),
               Intake.v_number_hmac.in_(cipher.vnumber_lookups(str(v_number))))
    )
    if exclude_intake:
        query = query.where(Intake.id != exclude_intake)
    held: dict[int, list[Template]] = {}
    for capture_id, intake_id, sealed, position in session.execute(_consented(query)):
        held.setdefault(position, []).append(deserialize(template_of(cipher, capture_id, intake_id, sealed)))
    return held
