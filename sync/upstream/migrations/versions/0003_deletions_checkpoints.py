"""The kiosks' reported deletions and audit checkpoints.

Revision ID: u0003
Revises: u0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "u0003"
down_revision = "u0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("deletions",
                    sa.Column("envelope_id", sa.String(36), primary_key=True),
                    sa.Column("kiosk_id", sa.String(40), nullable=False, index=True),
                    sa.Column("receipt", sa.String(36), nullable=False),
                    sa.Column("rule", sa.String(40), nullable=False),
                    sa.Column("records", sa.BigInteger, nullable=False),
                    sa.Column("intakes", sa.BigInteger, nullable=False),
                    sa.Column("deleted", sa.BigInteger, nullable=False))
    op.create_table("audit_checkpoints",
                    sa.Column("envelope_id", sa.String(36), primary_key=True),
                    sa.Column("kiosk_id", sa.String(40), nullable=False, index=True),
                    sa.Column("number", sa.BigInteger, nullable=False),
                    sa.Column("entries", sa.BigInteger, nullable=False),
                    sa.Column("head", sa.LargeBinary(32), nullable=False),
                    sa.Column("time", sa.String(40), nullable=False),
                    sa.Column("key_version", sa.Integer, nullable=False),
                    sa.Column("signature", sa.LargeBinary(64), nullable=False),
                    sa.Column("verified", sa.Boolean, nullable=False))


def downgrade() -> None:
    op.drop_table("audit_checkpoints")
    op.drop_table("deletions")
