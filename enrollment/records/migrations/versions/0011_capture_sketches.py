"""capture sketches: each capture's gallery sketches, sealed next to its template

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 01:00:00

``captures.sketch_sealed`` (nullable) holds the gallery sketches of the capture's template
(:mod:`enrollment.matching.sketch_form`), sealed with the gallery key and bound to table, row, column and intake
like the template, so the 1:N index is built without computing them again. Captures written before this revision
have none: the index computes theirs when it is built (:func:`enrollment.records.enrolled_prints.keep_sketches`
stores them). The downgrade drops the column (the sketches are derived from the templates).
"""

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('captures', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sketch_sealed', sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('captures', schema=None) as batch_op:
        batch_op.drop_column('sketch_sealed')
