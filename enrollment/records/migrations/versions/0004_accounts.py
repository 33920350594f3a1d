"""staff accounts and four-eyes confirmations

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 17:40:00

``staff_accounts`` holds the kiosk's officer, intake-worker and technician accounts (:mod:`enrollment.access`):
name, role, the sealed Argon2id hash of the PIN or password, the disabled flag and time, and the failed logins
since the last login or lockout. ``decision_confirmations`` holds a decision that needs a second officer (an
override of a duplicate hit) and, once given, who confirmed it and when. The downgrade drops both tables (the
accounts and confirmations with them).
"""

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('staff_accounts',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=32), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('secret_kind', sa.String(length=10), nullable=False),
    sa.Column('secret_sealed', sa.LargeBinary(), nullable=False),
    sa.Column('disabled', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('disabled_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('failed_logins', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("role IN ('officer', 'intake_worker', 'technician')", name=op.f('ck_staff_accounts_known_role')),
    sa.CheckConstraint("secret_kind IN ('pin', 'password')", name=op.f('ck_staff_accounts_known_secret_kind')),
    sa.CheckConstraint('(disabled = 0 AND disabled_at IS NULL) OR (disabled = 1 AND disabled_at IS NOT NULL)',
                       name=op.f('ck_staff_accounts_disabled_with_time')),
    sa.CheckConstraint('failed_logins >= 0', name=op.f('ck_staff_accounts_failed_logins_counted')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_accounts')),
    sa.UniqueConstraint('name', name=op.f('uq_staff_accounts_name'))
    )
    op.create_table('decision_confirmations',
    sa.Column('decision_id', sa.String(length=36), nullable=False),
    sa.Column('confirmed_by', sa.String(length=64), nullable=True),
    sa.Column('confirmed_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('(confirmed_by IS NULL AND confirmed_at IS NULL) OR '
                       '(confirmed_by IS NOT NULL AND confirmed_at IS NOT NULL)',
                       name=op.f('ck_decision_confirmations_confirmed_with_time')),
    sa.ForeignKeyConstraint(['decision_id'], ['officer_decisions.id'],
                            name=op.f('fk_decision_confirmations_decision_id_officer_decisions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('decision_id', name=op.f('pk_decision_confirmations'))
    )


def downgrade() -> None:
    op.drop_table('decision_confirmations')
    op.drop_table('staff_accounts')
