"""contra-indication clearing: who cleared a flag and when

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 21:00:00

``contra_indications`` gains ``cleared_by`` and ``cleared_at`` (both empty while the flag is in force, both set
once an officer clears it). The downgrade drops them: refused while any flag is cleared (it would be in force
again).
"""

import sqlalchemy as sa
from alembic import op

from enrollment.errors import StorageError

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('contra_indications', schema=None) as batch_op:
        batch_op.add_column(sa.Column('cleared_by', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('cleared_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.create_check_constraint(
            op.f('ck_contra_indications_cleared_with_time'),
            '(cleared_by IS NULL AND cleared_at IS NULL) OR (cleared_by IS NOT NULL AND cleared_at IS NOT NULL)')


def downgrade() -> None:
    cleared = op.get_bind().execute(
        sa.text("SELECT count(*) FROM contra_indications WHERE cleared_by IS NOT NULL")).scalar_one()
    if cleared:
        raise StorageError(f"{cleared} contra-indication flags are cleared; going back to revision 0006 would put them "
                           "in force again: refused, nothing was changed")
    with op.batch_alter_table('contra_indications', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_contra_indications_cleared_with_time'), type_='check')
        batch_op.drop_column('cleared_at')
        batch_op.drop_column('cleared_by')
