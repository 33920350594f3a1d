"""upload state: the uploader's backoff, last delivery and last error, per kiosk

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 21:00:00

``upload_state`` holds, for each kiosk, the failed attempts in a row, when the next attempt may be made, the last
delivery, the last error and whether delivery is stopped until a person looks (``sync.upload_state``). Written by
the uploader only; the downgrade drops it (the envelopes and their receipts stay in ``outbox_envelopes``).
"""

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('upload_state',
    sa.Column('kiosk_id', sa.String(length=40), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_success_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_error_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('stopped', sa.Boolean(), nullable=False),
    sa.CheckConstraint('attempts >= 0', name=op.f('ck_upload_state_attempts_counted')),
    sa.PrimaryKeyConstraint('kiosk_id', name=op.f('pk_upload_state'))
    )


def downgrade() -> None:
    op.drop_table('upload_state')
