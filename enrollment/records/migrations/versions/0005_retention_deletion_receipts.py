"""deletion receipts: what each purge deleted, for the upstream report

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 18:00:00

``deletion_receipts`` holds one row per retention rule a purge applied (``zuil purge``): the rule, the reason,
how many records, the intake ids, when, the audit entry that logged it and when upstream was told (empty: the
sync is not built). The downgrade drops the table; it is refused while a receipt is not yet reported upstream,
since that would lose the only record of a deletion.
"""

import sqlalchemy as sa
from alembic import op

from enrollment.errors import StorageError

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('deletion_receipts',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('purged_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('rule', sa.String(length=40), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('records', sa.Integer(), nullable=False),
    sa.Column('intake_ids', sa.Text(), nullable=False),
    sa.Column('audit_seq', sa.Integer(), nullable=True),
    sa.Column('reported_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deletion_receipts'))
    )
    with op.batch_alter_table('deletion_receipts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_deletion_receipts_purged_at'), ['purged_at'], unique=False)


def downgrade() -> None:
    receipts = sa.table('deletion_receipts', sa.column('reported_at'))
    pending = op.get_bind().execute(sa.select(sa.func.count()).select_from(receipts)
                                    .where(receipts.c.reported_at.is_(None))).scalar_one()
    if pending:
        raise StorageError(f"deletion_receipts holds {pending} receipts not yet reported upstream; going back to "
                           "revision 0004 would lose them: refused, nothing was changed")
    with op.batch_alter_table('deletion_receipts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deletion_receipts_purged_at'))
    op.drop_table('deletion_receipts')
