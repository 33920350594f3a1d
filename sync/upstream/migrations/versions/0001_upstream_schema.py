"""The upstream's first schema: kiosks, signing keys, enrollment tokens, envelopes, chain heads, chain faults.

Revision ID: u0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "u0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    tz = sa.DateTime(timezone=True)
    op.create_table("kiosks",
                    sa.Column("id", sa.String(40), primary_key=True),
                    sa.Column("state", sa.String(16), nullable=False),
                    sa.Column("cert_serial", sa.String(48), nullable=False),
                    sa.Column("registered_at", tz, nullable=False),
                    sa.Column("revoked_at", tz))
    op.create_table("kiosk_signing_keys",
                    sa.Column("kiosk_id", sa.String(40), sa.ForeignKey("kiosks.id"), primary_key=True),
                    sa.Column("version", sa.Integer, primary_key=True),
                    sa.Column("public_key", sa.LargeBinary(32), nullable=False))
    op.create_table("enrollment_tokens",
                    sa.Column("token_sha256", sa.LargeBinary(32), primary_key=True),
                    sa.Column("kiosk_id", sa.String(40), nullable=False),
                    sa.Column("expires_at", tz, nullable=False),
                    sa.Column("used", sa.Boolean, nullable=False))
    op.create_table("envelopes",
                    sa.Column("id", sa.String(36), primary_key=True),
                    sa.Column("kiosk_id", sa.String(40), sa.ForeignKey("kiosks.id"), nullable=False),
                    sa.Column("seq", sa.BigInteger, nullable=False),
                    sa.Column("kind", sa.String(32), nullable=False),
                    sa.Column("bytes", sa.LargeBinary, nullable=False),
                    sa.Column("hash", sa.LargeBinary(32), nullable=False),
                    sa.Column("received", sa.BigInteger, nullable=False),
                    sa.Column("receipt", sa.LargeBinary, nullable=False),
                    sa.UniqueConstraint("kiosk_id", "seq", name="uq_envelopes_kiosk_seq"))
    op.create_table("chain_heads",
                    sa.Column("kiosk_id", sa.String(40), sa.ForeignKey("kiosks.id"), primary_key=True),
                    sa.Column("held", sa.BigInteger, nullable=False),
                    sa.Column("head", sa.LargeBinary(32), nullable=False))
    op.create_table("chain_faults",
                    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
                    sa.Column("kiosk_id", sa.String(40), nullable=False),
                    sa.Column("at", tz, nullable=False),
                    sa.Column("reason", sa.String(16), nullable=False),
                    sa.Column("expected", sa.BigInteger, nullable=False),
                    sa.Column("detail", sa.String(400), nullable=False))
    op.create_index("ix_chain_faults_kiosk_id", "chain_faults", ["kiosk_id"])


def downgrade() -> None:
    for table in ("chain_faults", "chain_heads", "envelopes", "enrollment_tokens", "kiosk_signing_keys", "kiosks"):
        op.drop_table(table)
