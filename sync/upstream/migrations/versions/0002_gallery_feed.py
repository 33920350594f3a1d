"""The gallery feed: each kiosk's feed key, the intakes seen for the feed, and the feed's entries.

Revision ID: u0002
Revises: u0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "u0002"
down_revision = "u0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("kiosks", sa.Column("feed_key", sa.LargeBinary(32)))
    op.create_table("feed_intakes",
                    sa.Column("kiosk_id", sa.String(40), primary_key=True),
                    sa.Column("intake_id", sa.String(36), primary_key=True),
                    sa.Column("envelope_id", sa.String(36)),
                    sa.Column("person", sa.String(200)),
                    sa.Column("location", sa.String(200)),
                    sa.Column("consented", sa.Boolean, nullable=False),
                    sa.Column("entered", sa.Boolean, nullable=False))
    op.create_table("feed_entries",
                    sa.Column("cursor", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True,
                              autoincrement=True),
                    sa.Column("origin", sa.String(40), nullable=False, index=True),
                    sa.Column("kind", sa.String(16), nullable=False),
                    sa.Column("intake_id", sa.String(36), nullable=False),
                    sa.Column("person", sa.String(200), nullable=False),
                    sa.Column("location", sa.String(200), nullable=False),
                    sa.Column("envelope_id", sa.String(36)))


def downgrade() -> None:
    op.drop_table("feed_entries")
    op.drop_table("feed_intakes")
    with op.batch_alter_table("kiosks") as kiosks:
        kiosks.drop_column("feed_key")
