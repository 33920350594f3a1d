"""The upstream's own tables (SQLAlchemy Core, one metadata; Alembic tree in ``migrations/``): kiosks and their
signing keys and feed keys, enrollment tokens, envelopes with their receipts, each kiosk's chain head, chain
faults, and the gallery feed (its intakes and its entries)."""

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
    Column("kind", String(16), nullable=False),  # enroll, withdraw
    Column("intake_id", String(36), nullable=False),
    Column("person", String(200), nullable=False),
    Column("location", String(200), nullable=False),
    Column("envelope_id", String(36)),  # an enroll entry's intake envelope (its sealed part holds the templates)
)
