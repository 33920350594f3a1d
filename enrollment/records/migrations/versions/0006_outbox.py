"""outbox: the signed envelopes waiting for upstream, and the head of each kiosk's chain

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 18:00:00

``outbox_envelopes`` holds each envelope's bytes with its kiosk, sequence, kind, the record it reports and its
delivery state (queued, or delivered with the upstream's receipt);
``outbox_heads`` the last sequence number and hash of each kiosk's chain. Both are written by ``sync.outbox`` in the transaction of
the record they report. The downgrade drops both: refused while envelopes are queued (they would be lost unsent).
"""

import sqlalchemy as sa
from alembic import op

from enrollment.errors import StorageError

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('outbox_envelopes',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('kiosk_id', sa.String(length=40), nullable=False),
    sa.Column('sequence', sa.BigInteger(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('envelope', sa.LargeBinary(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('delivered_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('receipt', sa.LargeBinary(), nullable=True),
    sa.CheckConstraint('sequence >= 1', name=op.f('ck_outbox_envelopes_sequence_from_one')),
    sa.CheckConstraint("state IN ('queued', 'delivered')", name=op.f('ck_outbox_envelopes_outbox_state')),
    sa.CheckConstraint("(state = 'delivered') = (delivered_at IS NOT NULL)", name=op.f('ck_outbox_envelopes_delivered_when')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox_envelopes')),
    sa.UniqueConstraint('kiosk_id', 'sequence', name=op.f('uq_outbox_envelopes_kiosk_id')),
    sa.UniqueConstraint('kind', 'record_id', name=op.f('uq_outbox_envelopes_kind'))
    )
    with op.batch_alter_table('outbox_envelopes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outbox_envelopes_state'), ['state'], unique=False)
    op.create_table('outbox_heads',
    sa.Column('kiosk_id', sa.String(length=40), nullable=False),
    sa.Column('last_sequence', sa.BigInteger(), nullable=False),
    sa.Column('head_hash', sa.LargeBinary(), nullable=False),
    sa.CheckConstraint('length(head_hash) = 32', name=op.f('ck_outbox_heads_sha256')),
    sa.PrimaryKeyConstraint('kiosk_id', name=op.f('pk_outbox_heads'))
    )


def downgrade() -> None:
    queued = op.get_bind().execute(sa.text("SELECT count(*) FROM outbox_envelopes WHERE state = 'queued'")).scalar_one()
    if queued:
        raise StorageError(f"the outbox holds {queued} envelopes not yet delivered; going back to revision 0005 would "
                           "lose them: refused, nothing was changed")
    op.drop_table('outbox_heads')
    with op.batch_alter_table('outbox_envelopes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbox_envelopes_state'))
    op.drop_table('outbox_envelopes')
