"""gallery feed: persons enrolled at other kiosks with their prints (sealed), and the feed cursor held

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 22:00:00

``feed_persons`` and ``feed_prints`` hold what the upstream's gallery feed delivered (``sync.feed_apply``): each
foreign person's origin kiosk, pseudonymous id (sealed with the gallery key), location and the cursor of the entry
that brought them, and their prints (templates sealed with the gallery key). ``feed_cursor`` holds the cursor of
the last delta applied. The downgrade drops all three (the next feed fetch starts again from cursor 0).
"""

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('feed_persons',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=40), nullable=False),
    sa.Column('person_sealed', sa.LargeBinary(), nullable=False),
    sa.Column('location_id', sa.String(length=200), nullable=False),
    sa.Column('entry_cursor', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feed_persons'))
    )
    with op.batch_alter_table('feed_persons', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_feed_persons_origin'), ['origin'], unique=False)
    op.create_table('feed_prints',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('feed_person_id', sa.String(length=36), nullable=False),
    sa.Column('finger_position', sa.Integer(), nullable=False),
    sa.Column('template_sealed', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['feed_person_id'], ['feed_persons.id'],
                            name=op.f('fk_feed_prints_feed_person_id_feed_persons')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feed_prints'))
    )
    with op.batch_alter_table('feed_prints', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_feed_prints_feed_person_id'), ['feed_person_id'], unique=False)
    op.create_table('feed_cursor',
    sa.Column('upstream_id', sa.String(length=40), nullable=False),
    sa.Column('cursor', sa.BigInteger(), nullable=False),
    sa.Column('applied_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('upstream_id', name=op.f('pk_feed_cursor'))
    )


def downgrade() -> None:
    op.drop_table('feed_cursor')
    with op.batch_alter_table('feed_prints', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_feed_prints_feed_person_id'))
    op.drop_table('feed_prints')
    with op.batch_alter_table('feed_persons', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_feed_persons_origin'))
    op.drop_table('feed_persons')
