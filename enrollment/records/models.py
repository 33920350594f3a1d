"""The intake record as SQLAlchemy 2 models (SQLite by default, PostgreSQL alike).

A person is pseudonymous (a random id, no name); a person can have several intakes at several locations over
time. The sensitive fields are stored sealed (AES-256-GCM, :mod:`enrollment.records.field_cipher`) in the
``*_sealed`` columns: every template and kept image, the V-number, the link from an intake to its person and the
candidates of an identification, and the free text people type (the reason of a consent refusal or withdrawal,
an officer's reason for a decision and note on a contra-indication, :mod:`enrollment.records.sealed_text`). A
V-number is found through its keyed hash (``v_number_hmac``), never by its digits; nothing but the sealed link
joins an intake to its person. Every table the schema has is created by the
Alembic migrations in ``enrollment/records/migrations``; the models are the single source the migrations are
checked against (``tests/enrollment/records``).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    DateTime,
    Enum,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from enrollment.records.vocabulary import (
    ConsentDecision,
    ContraIndication,
    IdentificationDecision,
    IntakeStatus,
    OfficerDecision,
    Outcome,
    OutcomeCategory,
)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    return datetime.now(UTC)


def _enum(cls: type, name: str) -> Enum:
    return Enum(cls, name=name, native_enum=False, create_constraint=True, length=40,
                values_callable=lambda e: [m.value for m in e])


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class LocationRow(Base):
    __tablename__ = "locations"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    region: Mapped[str] = mapped_column(String(80))


class Person(Base):
    """A pseudonymous person: a random id, never a name. Its intakes name it only in their sealed ``person_sealed``."""

    __tablename__ = "persons"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class KeyCheck(Base):
    """A value sealed (gallery) or hashed (V-number HMAC) with each key version the store was written with, so that
    the store refuses a key file that is not the one it was written with before anything is written or read."""

    __tablename__ = "key_checks"
    purpose: Mapped[str] = mapped_column(String(32), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    check_value: Mapped[bytes] = mapped_column(LargeBinary)


class Intake(Base):
    __tablename__ = "intakes"
    __table_args__ = (
        CheckConstraint(
            "(has_v_number = 1 AND v_number_sealed IS NOT NULL AND v_number_hmac IS NOT NULL) OR "
            "(has_v_number = 0 AND v_number_sealed IS NULL AND v_number_hmac IS NULL)",
            name="v_number_given_or_explicitly_none",
        ),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    person_sealed: Mapped[bytes] = mapped_column(LargeBinary)
    location_id: Mapped[str] = mapped_column(ForeignKey("locations.id"), index=True)
    kiosk_id: Mapped[str] = mapped_column(String(40))
    has_v_number: Mapped[int] = mapped_column(Integer)
    v_number_sealed: Mapped[bytes | None] = mapped_column(LargeBinary)
    v_number_hmac: Mapped[str | None] = mapped_column(String(80), index=True)  # "<key version>:<hex>"
    status: Mapped[IntakeStatus] = mapped_column(_enum(IntakeStatus, "intake_status"), default=IntakeStatus.OPEN)
    biometrics_enabled: Mapped[int] = mapped_column(Integer, default=1)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    outcome: Mapped[Outcome | None] = mapped_column(_enum(Outcome, "outcome"))
    outcome_category: Mapped[OutcomeCategory | None] = mapped_column(_enum(OutcomeCategory, "outcome_category"))
    outcome_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    consents: Mapped[list[ConsentRecord]] = relationship(back_populates="intake", order_by="ConsentRecord.decided_at")
    captures: Mapped[list[CaptureRow]] = relationship(back_populates="intake")
    identifications: Mapped[list[IdentificationResult]] = relationship(back_populates="intake")
    decisions: Mapped[list[OfficerDecisionRow]] = relationship(back_populates="intake")
    flags: Mapped[list[ContraIndicationFlag]] = relationship(back_populates="intake")


class ConsentRecord(Base):
    """What was shown (text id, version, language and SHA-256 of the text) and what the person decided: consent
    given (with the signature strokes, sealed), refused (with an optional reason), or, in a later record, withdrawn
    (naming the consent it withdraws, with an optional reason). Immutable: the store's triggers refuse every UPDATE
    and every DELETE but a purge's (:mod:`enrollment.records.consents`)."""

    __tablename__ = "consent_records"
    __table_args__ = (
        CheckConstraint(
            "(decision = 'withdrawn' AND withdraws_id IS NOT NULL AND text_id IS NULL AND language IS NULL AND "
            "text_version IS NULL AND text_sha256 IS NULL AND signature_sealed IS NULL) OR "
            "(decision <> 'withdrawn' AND withdraws_id IS NULL AND text_id IS NOT NULL AND language IS NOT NULL "
            "AND text_version IS NOT NULL AND length(text_sha256) = 64)",
            name="shown_text_or_withdrawal",
        ),
        CheckConstraint("decision <> 'given' OR reason_sealed IS NULL", name="no_reason_with_consent"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    intake_id: Mapped[str] = mapped_column(ForeignKey("intakes.id", ondelete="CASCADE"), index=True)
    text_id: Mapped[str | None] = mapped_column(String(64))
    language: Mapped[str | None] = mapped_column(String(8))
    text_version: Mapped[str | None] = mapped_column(String(32))
    text_sha256: Mapped[str | None] = mapped_column(String(64))
    decision: Mapped[ConsentDecision] = mapped_column(_enum(ConsentDecision, "consent_decision"))
    reason_sealed: Mapped[bytes | None] = mapped_column(LargeBinary)  # of a refusal or a withdrawal, sealed; optional
    signature_sealed: Mapped[bytes | None] = mapped_column(LargeBinary)  # JSON strokes, sealed
    withdraws_id: Mapped[str | None] = mapped_column(ForeignKey("consent_records.id", ondelete="CASCADE"),
                                                     unique=True)
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    intake: Mapped[Intake] = relationship(back_populates="consents")


class ConsentPurge(Base):
    """An intake whose consent records a purge deletes: the store's trigger lets a DELETE of a consent record pass
    only while its intake is named here. The purge writes the row, deletes and removes the row, in one
    transaction (:func:`enrollment.records.consents.delete_intakes`)."""

    __tablename__ = "consent_purges"
    intake_id: Mapped[str] = mapped_column(String(36), primary_key=True)


class ConsentReportPending(Base):
    """A withdrawal not yet reported upstream (the upload that reports and removes it is not built)."""

    __tablename__ = "consent_reports_pending"
    record_id: Mapped[str] = mapped_column(ForeignKey("consent_records.id", ondelete="CASCADE"), primary_key=True)
    queued_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class DeletionReceipt(Base):
    """What one purge deleted under one retention rule (:mod:`enrollment.records.purge`): the rule, why, how many
    records, which intakes (their ids, the reference upstream knows them by) and when (UTC). Never a V-number or
    biometric data. ``reported_at``: when a purge with an upstream queued its deletion envelope (in the purge's
    transaction; empty for a rule not reported, or a kiosk without an upstream); ``audit_seq`` is the audit entry
    that logged it, empty until that entry is written."""

    __tablename__ = "deletion_receipts"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    purged_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    rule: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(Text)
    records: Mapped[int] = mapped_column(Integer)
    intake_ids: Mapped[str] = mapped_column(Text)  # JSON list of intake ids
    audit_seq: Mapped[int | None] = mapped_column(Integer)
    reported_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class CaptureRow(Base):
    """One finger's capture: quality and template, and a raw image where the caller passes one (both sealed; the
    kiosk passes one where the settings' ``keep_raw_images`` is set)."""

    __tablename__ = "captures"
    __table_args__ = (
        CheckConstraint("finger_position BETWEEN 1 AND 10", name="iso_finger_position"),
        CheckConstraint("quality BETWEEN 0 AND 100", name="quality_range"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    intake_id: Mapped[str] = mapped_column(ForeignKey("intakes.id", ondelete="CASCADE"), index=True)
    finger_position: Mapped[int] = mapped_column(Integer)
    quality: Mapped[int] = mapped_column(Integer)
    template_sealed: Mapped[bytes | None] = mapped_column(LargeBinary)
    image_sealed: Mapped[bytes | None] = mapped_column(LargeBinary)
    sketch_sealed: Mapped[bytes | None] = mapped_column(LargeBinary)  # the template's gallery sketches
    device_id: Mapped[str] = mapped_column(String(80))
    failure_reason: Mapped[str | None] = mapped_column(String(80))
    captured_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    intake: Mapped[Intake] = relationship(back_populates="captures")


class IdentificationResult(Base):
    __tablename__ = "identification_results"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    intake_id: Mapped[str] = mapped_column(ForeignKey("intakes.id", ondelete="CASCADE"), index=True)
    decision: Mapped[IdentificationDecision] = mapped_column(_enum(IdentificationDecision, "identification"))
    threshold_name: Mapped[str] = mapped_column(String(40))
    gallery_size: Mapped[int] = mapped_column(Integer)
    candidates_sealed: Mapped[bytes] = mapped_column(LargeBinary)  # JSON [{person_id, fused, per_finger}], sealed
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    intake: Mapped[Intake] = relationship(back_populates="identifications")


class OfficerDecisionRow(Base):
    __tablename__ = "officer_decisions"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    intake_id: Mapped[str] = mapped_column(ForeignKey("intakes.id", ondelete="CASCADE"), index=True)
    officer_id: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(32))
    decision: Mapped[OfficerDecision] = mapped_column(_enum(OfficerDecision, "officer_decision"))
    reason_sealed: Mapped[bytes | None] = mapped_column(LargeBinary)  # the officer's free text, sealed
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    intake: Mapped[Intake] = relationship(back_populates="decisions")


class ContraIndicationFlag(Base):
    """A contra-indication for the LSO, set by an officer (``recorded_by``, ``recorded_at``) and cleared by one
    (``cleared_by``, ``cleared_at``): a flag is in force while it is not cleared. Written only through the access
    service (:mod:`enrollment.access.flags`), never by the machine."""

    __tablename__ = "contra_indications"
    __table_args__ = (
        CheckConstraint("(cleared_by IS NULL AND cleared_at IS NULL) OR "
                        "(cleared_by IS NOT NULL AND cleared_at IS NOT NULL)", name="cleared_with_time"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    intake_id: Mapped[str] = mapped_column(ForeignKey("intakes.id", ondelete="CASCADE"), index=True)
    flag: Mapped[ContraIndication] = mapped_column(_enum(ContraIndication, "contra_indication"))
    note_sealed: Mapped[bytes | None] = mapped_column(LargeBinary)  # the officer's free text, sealed
    recorded_by: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    cleared_by: Mapped[str | None] = mapped_column(String(64))
    cleared_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    intake: Mapped[Intake] = relationship(back_populates="flags")


class StaffAccount(Base):
    """A staff account (:mod:`enrollment.access`): a login name, a role, the Argon2id hash of its PIN or password
    (sealed, bound to this row), a disabled flag and the state of its failed logins. Never deleted: a disabled
    account keeps its id, which the audit log names."""

    __tablename__ = "staff_accounts"
    __table_args__ = (
        CheckConstraint("role IN ('officer', 'intake_worker', 'technician')", name="known_role"),
        CheckConstraint("secret_kind IN ('pin', 'password')", name="known_secret_kind"),
        CheckConstraint("(disabled = 0 AND disabled_at IS NULL) OR (disabled = 1 AND disabled_at IS NOT NULL)",
                        name="disabled_with_time"),
        CheckConstraint("failed_logins >= 0", name="failed_logins_counted"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(32), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    secret_kind: Mapped[str] = mapped_column(String(10))
    secret_sealed: Mapped[bytes] = mapped_column(LargeBinary)  # the Argon2id hash string, sealed
    disabled: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    disabled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)  # since the last login or lockout
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class DecisionConfirmation(Base):
    """A decision that takes effect only when a second, different officer confirms it (four eyes): the row is
    written with the decision; ``confirmed_by`` and ``confirmed_at`` are set by the confirmation."""

    __tablename__ = "decision_confirmations"
    __table_args__ = (
        CheckConstraint("(confirmed_by IS NULL AND confirmed_at IS NULL) OR "
                        "(confirmed_by IS NOT NULL AND confirmed_at IS NOT NULL)", name="confirmed_with_time"),
    )
    decision_id: Mapped[str] = mapped_column(ForeignKey("officer_decisions.id", ondelete="CASCADE"),
                                             primary_key=True)
    confirmed_by: Mapped[str | None] = mapped_column(String(64))
    confirmed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class OutboxEnvelope(Base):
    """A signed envelope reporting one record upstream (written by ``sync.outbox`` in the record's own transaction):
    its bytes, its place in the kiosk's chain, and its delivery and receipt (filled in by ``sync.uploader`` in one
    transaction). One envelope per record and kind (``record_id``); no foreign key to the record, which a deletion may
    remove while its envelope still waits to be sent."""

    __tablename__ = "outbox_envelopes"
    __table_args__ = (
        UniqueConstraint("kiosk_id", "sequence"),  # one envelope per place in a kiosk's chain
        UniqueConstraint("kind", "record_id"),  # one envelope per record
        CheckConstraint("sequence >= 1", name="sequence_from_one"),
        CheckConstraint("state IN ('queued', 'delivered')", name="outbox_state"),
        CheckConstraint("(state = 'delivered') = (delivered_at IS NOT NULL)", name="delivered_when"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # the envelope id
    kiosk_id: Mapped[str] = mapped_column(String(40))
    sequence: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    envelope: Mapped[bytes] = mapped_column(LargeBinary)
    state: Mapped[str] = mapped_column(String(16), default="queued", index=True)
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    receipt: Mapped[bytes | None] = mapped_column(LargeBinary)  # the upstream's signed receipt (sync.uploader)


class UploadState(Base):
    """The uploader's state for one kiosk (``sync.upload_state``): failed attempts in a row and when the next one
    may be made (the backoff, kept here so that a restart waits too), the last delivery and the last error, and
    whether delivery is stopped until a person looks (a 400, 403 or 409 of the upstream)."""

    __tablename__ = "upload_state"
    __table_args__ = (CheckConstraint("attempts >= 0", name="attempts_counted"),)
    kiosk_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_success_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_error_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str | None] = mapped_column(Text)
    stopped: Mapped[bool] = mapped_column(default=False)


class OutboxHead(Base):
    """The head of a kiosk's chain: the last sequence number given out and the hash of that envelope. Updated in
    the transaction that appends, which makes concurrent appenders wait for each other (one row lock)."""

    __tablename__ = "outbox_heads"
    __table_args__ = (CheckConstraint("length(head_hash) = 32", name="sha256"),)
    kiosk_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    last_sequence: Mapped[int] = mapped_column(BigInteger)
    head_hash: Mapped[bytes] = mapped_column(LargeBinary)


class FeedPerson(Base):
    """A person enrolled at another kiosk, received in the upstream's gallery feed (``sync.feed_apply``): the
    origin kiosk, the person's pseudonymous id (sealed with the gallery key) and the origin's location."""

    __tablename__ = "feed_persons"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=lambda: str(uuid.uuid4()))
    origin: Mapped[str] = mapped_column(String(40), index=True)
    person_sealed: Mapped[bytes] = mapped_column(LargeBinary)
    location_id: Mapped[str] = mapped_column(String(200))
    entry_cursor: Mapped[int] = mapped_column(BigInteger)


class FeedPrint(Base):
    """One print of a :class:`FeedPerson`: finger position and template (sealed with the gallery key)."""

    __tablename__ = "feed_prints"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=lambda: str(uuid.uuid4()))
    feed_person_id: Mapped[str] = mapped_column(ForeignKey("feed_persons.id"), index=True)
    finger_position: Mapped[int] = mapped_column(Integer)
    template_sealed: Mapped[bytes] = mapped_column(LargeBinary)


class FeedCursor(Base):
    """How far this kiosk holds its upstream's gallery feed: the cursor of the last delta applied."""

    __tablename__ = "feed_cursor"
    upstream_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    cursor: Mapped[int] = mapped_column(BigInteger)
    applied_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class GalleryGeneration(Base):
    """One row: raised by the database's triggers on every change to what the 1:N gallery is built from (migration
    0012), so a kept index is known to be current while the generation it was built at is this one."""

    __tablename__ = "gallery_generation"
    __table_args__ = (CheckConstraint("id = 1", name="one_row"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    generation: Mapped[int] = mapped_column(BigInteger)
