"""The upstream's own tables (SQLAlchemy Core, one metadata; Alembic tree in ``migrations/``): kiosks and their
signing keys and feed keys, enrollment tokens, envelopes with their receipts, each kiosk's chain head, chain
faults, the gallery feed (its intakes and its entries), the kiosks' reported deletions and audit checkpoints."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    UniqueConstraint,
)

metadata = MetaData()

kiosks = Table(
    "kiosks", metadata,
    Column("id", String(40), primary_key=True),
    Column("state", String(16), nullable=False),  # active, revoked
    Column("cert_serial", String(48), nullable=False),  # decimal text: a serial is up to 159 bits
    Column("registered_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True)),
    Column("feed_key", LargeBinary(32)),  # raw X25519 public key the gallery feed seals to (None: no feed)
)

kiosk_keys = Table(
    "kiosk_signing_keys", metadata,
    Column("kiosk_id", ForeignKey("kiosks.id"), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("public_key", LargeBinary(32), nullable=False),
)

tokens = Table(
    "enrollment_tokens", metadata,
    Column("token_sha256", LargeBinary(32), primary_key=True),
    Column("kiosk_id", String(40), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("used", Boolean, nullable=False),
)

envelopes = Table(
    "envelopes", metadata,
    Column("id", String(36), primary_key=True),
    Column("kiosk_id", ForeignKey("kiosks.id"), nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("bytes", LargeBinary, nullable=False),
    Column("hash", LargeBinary(32), nullable=False),
    Column("received", BigInteger, nullable=False),  # seconds since the epoch, as in the receipt
    Column("receipt", LargeBinary, nullable=False),
    UniqueConstraint("kiosk_id", "seq", name="uq_envelopes_kiosk_seq"),
)

chain_heads = Table(
    "chain_heads", metadata,
    Column("kiosk_id", ForeignKey("kiosks.id"), primary_key=True),
    Column("held", BigInteger, nullable=False),
    Column("head", LargeBinary(32), nullable=False),
)

chain_faults = Table(
    "chain_faults", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kiosk_id", String(40), nullable=False, index=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("reason", String(16), nullable=False),  # gap, fork, replay, invalid
    Column("expected", BigInteger, nullable=False),
    Column("detail", String(400), nullable=False),
)

feed_intakes = Table(  # an intake seen in envelopes: its templates stay in the intake envelope, sealed as received
    "feed_intakes", metadata,
    Column("kiosk_id", String(40), primary_key=True),
    Column("intake_id", String(36), primary_key=True),
    Column("envelope_id", String(36)),  # the intake envelope with templates (None: not held yet)
    Column("person", String(200)),
    Column("location", String(200)),
    Column("consented", Boolean, nullable=False),
    Column("entered", Boolean, nullable=False),  # an enroll entry was recorded
)

feed_entries = Table(
    "feed_entries", metadata,
    Column("cursor", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("origin", String(40), nullable=False, index=True),
    Column("kind", String(16), nullable=False),  # enroll, withdraw, delete
    Column("intake_id", String(36), nullable=False),
    Column("person", String(200), nullable=False),
    Column("location", String(200), nullable=False),
    Column("envelope_id", String(36)),  # an enroll entry's intake envelope (its sealed part holds the templates)
)

deletions = Table(  # what a kiosk's purge deleted of what the upstream holds: one row per deletion envelope
    "deletions", metadata,
    Column("envelope_id", String(36), primary_key=True),
    Column("kiosk_id", String(40), nullable=False, index=True),
    Column("receipt", String(36), nullable=False),  # the kiosk's deletion receipt
    Column("rule", String(40), nullable=False),
    Column("records", BigInteger, nullable=False),
    Column("intakes", BigInteger, nullable=False),  # how many intakes it names
    Column("deleted", BigInteger, nullable=False),  # seconds since the epoch, as the envelope says
)

audit_checkpoints = Table(  # a kiosk's signed audit log checkpoints, as its checkpoint envelopes report them
    "audit_checkpoints", metadata,
    Column("envelope_id", String(36), primary_key=True),
    Column("kiosk_id", String(40), nullable=False, index=True),
    Column("number", BigInteger, nullable=False),
    Column("entries", BigInteger, nullable=False),
    Column("head", LargeBinary(32), nullable=False),
    Column("time", String(40), nullable=False),  # the time text the kiosk signed
    Column("key_version", Integer, nullable=False),
    Column("signature", LargeBinary(64), nullable=False),
    Column("verified", Boolean, nullable=False),  # the signature verifies with the kiosk's registered key
)
