"""The upstream's own tables (SQLAlchemy Core, one metadata; Alembic tree in ``migrations/``): kiosks and their
signing keys, enrollment tokens, envelopes with their receipts, each kiosk's chain head, and chain faults."""

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
