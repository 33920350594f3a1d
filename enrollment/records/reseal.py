"""Sealing the record's fields again under the newest gallery key after a rotation (``zuil keys reseal``).

:func:`reseal` walks the tables with sealed fields in batches of rows, each batch one transaction: every field of
a row that is sealed under an older gallery key version is opened and sealed again under the newest one, for the
same place (table, row, column and intake stay bound as associated data), and an intake's V-number lookup hash is
computed again under the newest V-number HMAC key. A row is written back only where its stored values are still
the ones read, so a value the kiosk rewrote meanwhile is left alone. A crash loses at most the batch in flight
(its transaction rolls back); running again goes on with the rows still under an older version. The kiosk reads
and writes throughout: the key file holds every version, so each row opens under the version it is stored with.

A field that does not open (altered, truncated, moved) is not sealed again: it is left as it is and named in the
report (:class:`Resealed.refused`), like every refusal of :class:`~enrollment.records.field_cipher.FieldCipher`.
Sealed again with them: officers' reasons for decisions and notes on contra-indications. Not sealed again, by
design: consent records' signatures and reasons (the store refuses every UPDATE of a consent record, migration
0003; they keep the version they were sealed with until purged) and the key checks (one per version).

:func:`sealed_versions` counts the sealed fields by gallery key version from the envelopes' headers alone (no key
needed), for ``zuil keys status``.
"""

from __future__ import annotations

import struct
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import Connection, func, or_, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from enrollment.errors import StorageError
from enrollment.keys.keyring import Purpose
from enrollment.records.field_cipher import Field, FieldCipher, SealedFieldRefused
from enrollment.records.field_envelope import parse
from enrollment.records.models import (
    CaptureRow,
    ConsentRecord,
    ContraIndicationFlag,
    IdentificationResult,
    Intake,
    OfficerDecisionRow,
)
from enrollment.records.store import RecordStore

DEFAULT_BATCH_ROWS = 500


class SealedFieldsNotResealed(StorageError):
    """Fields that did not open were left under their old key version (named in the message)."""

# The sealed columns sealed again, by table: (model, columns, the column of the intake bound as parent or None).
RESEALED: tuple[tuple[type, tuple[str, ...], str | None], ...] = (
    (Intake, ("person_sealed", "v_number_sealed"), None),
    (CaptureRow, ("template_sealed", "image_sealed", "sketch_sealed"), "intake_id"),
    (IdentificationResult, ("candidates_sealed",), "intake_id"),
    (OfficerDecisionRow, ("reason_sealed",), "intake_id"),
    (ContraIndicationFlag, ("note_sealed",), "intake_id"),
)
KEPT: tuple[tuple[type, str], ...] = (  # immutable rows
    (ConsentRecord, "signature_sealed"), (ConsentRecord, "reason_sealed"))
_VERSION_AT, _VERSION_BYTES = 4, 4  # SQL substr() position (1-based) and length of the envelope's key version


@dataclass
class Resealed:
    """What one :func:`reseal` did: fields sealed again, lookup hashes computed again, batches (transactions),
    and the fields that did not open (``table.column of row id``), left as they were."""

    gallery_version: int
    fields: int = 0
    lookups: int = 0
    batches: int = 0
    refused: list[str] = field(default_factory=list)


def _version_bytes(version: int) -> bytes:
    return struct.pack(">I", version)


def _stored_version(column: InstrumentedAttribute) -> object:
    return func.substr(column, _VERSION_AT, _VERSION_BYTES)


def reseal(store: RecordStore, *, batch_rows: int = DEFAULT_BATCH_ROWS) -> Resealed:
    """Seal every field of ``store`` still under an older gallery key version again under the newest (see the
    module's description); returns what was done, including the fields that did not open."""
    cipher = store.cipher
    done = Resealed(cipher.keyring.current(Purpose.GALLERY).version)
    for model, columns, parent in RESEALED:
        after = ""
        while True:
            with store.transaction() as session:
                last = _reseal_batch(session, cipher, model, columns, parent, after, batch_rows, done)
            if last is None:
                break
            done.batches += 1
            after = last
    return done


def _reseal_batch(session: Session, cipher: FieldCipher, model: type, columns: tuple[str, ...], parent: str | None,
                  after: str, batch_rows: int, done: Resealed) -> str | None:
    """One batch of rows of ``model`` after id ``after``; the last id read, or None when there were none."""
    gallery = cipher.keyring.current(Purpose.GALLERY)
    current = _version_bytes(gallery.version)
    attrs = [getattr(model, name) for name in columns]
    stale = [_stored_version(a) != current for a in attrs]
    lookup = cipher.keyring.current(Purpose.VNUMBER_HMAC)
    if model is Intake:
        stale.append(Intake.v_number_hmac.is_not(None) & ~Intake.v_number_hmac.startswith(f"{lookup.version}:"))
    wanted = [model.id, *attrs, *([getattr(model, parent)] if parent else []),
              *([Intake.v_number_hmac] if model is Intake else [])]
    rows = session.execute(select(*wanted).where(model.id > after, or_(*stale))
                           .order_by(model.id).limit(batch_rows)).all()
    for row in rows:
        values: dict[str, object] = {}
        opened: dict[str, bytes | None] = {}
        for name in columns:
            stored = getattr(row, name)
            if stored is None:
                continue
            where = Field(model.__tablename__, row.id, name, getattr(row, parent) if parent else "")
            try:
                opened[name] = cipher.open(where, stored)
            except SealedFieldRefused:
                done.refused.append(str(where))
                opened[name] = None
                continue
            if parse(stored).key_version != gallery.version:
                values[name] = cipher.seal_with(gallery, where, opened[name])
        if model is Intake and row.v_number_hmac and not row.v_number_hmac.startswith(f"{lookup.version}:") \
                and opened.get("v_number_sealed") is not None:
            values["v_number_hmac"] = cipher.vnumber_hash_with(lookup, opened["v_number_sealed"].decode("ascii"))
        if not values:
            continue
        unchanged = [getattr(model, name) == getattr(row, name) for name in values]
        written = session.execute(update(model).where(model.id == row.id, *unchanged).values(**values))
        if written.rowcount == 1:
            done.fields += sum(name != "v_number_hmac" for name in values)
            done.lookups += "v_number_hmac" in values
    return rows[-1].id if rows else None


@dataclass(frozen=True)
class SealedCounts:
    """Sealed fields by gallery key version: those :func:`reseal` seals again, and those it keeps (consents)."""

    resealed: Counter[int]
    kept: Counter[int]


def sealed_versions(conn: Connection) -> SealedCounts:
    """Count the sealed fields by the key version in their envelopes (no key needed; a value too short to be an
    envelope counts as version 0)."""
    counts = SealedCounts(Counter(), Counter())
    places = [(counts.resealed, getattr(model, name)) for model, columns, _ in RESEALED for name in columns]
    places += [(counts.kept, getattr(model, name)) for model, name in KEPT]
    for counter, column in places:
        version = _stored_version(column)
        for stored, number in conn.execute(select(version, func.count()).where(column.is_not(None))
                                           .group_by(version)):
            raw = bytes(stored) if isinstance(stored, bytes | memoryview) else b""
            counter[struct.unpack(">I", raw)[0] if len(raw) == _VERSION_BYTES else 0] += number
    return counts
