"""immutable consent records: text id, sealed signature strokes, withdrawals, purge markers, triggers

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 00:00:00

Consent records get the id of the text shown, an optional reason for a refusal or a withdrawal (``reason``, was
``refusal_reason``), a withdrawal kind that names the consent it withdraws (``withdraws_id``), and their signature
strokes sealed (``signature_sealed``; the plaintext ``signature_strokes`` column goes). Existing rows are kept: each
gets the one text id there is, and its strokes are sealed in place with the keys ``alembic_config(url, keys)``
hands over (without keys, or when they do not unlock, the upgrade is refused and the database stays at 0002).
Then the store itself makes them immutable: a trigger aborts every UPDATE of ``consent_records`` and every DELETE of
one whose intake is not named in ``consent_purges`` (which only a purge writes, for the moment of its delete);
on PostgreSQL the same through a trigger function. ``consent_reports_pending`` queues withdrawals for upstream.
The downgrade would have to write sealed strokes back in plaintext or lose withdrawals: it is refused while
``consent_records`` holds a sealed signature or a withdrawal.
"""

import json

import sqlalchemy as sa
from alembic import context, op

from enrollment.errors import StorageError
from enrollment.keys.errors import KeysError
from enrollment.records.field_cipher import Field, FieldCipher
from enrollment.records.store import redact

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

TEXT_ID = "lvv-intake-notice"  # enrollment.consent.TEXT_ID when this revision was written
OLD_DECISIONS = ('given', 'refused')
NEW_DECISIONS = ('given', 'refused', 'withdrawn')
SHOWN_OR_WITHDRAWAL = (
    "(decision = 'withdrawn' AND withdraws_id IS NOT NULL AND text_id IS NULL AND language IS NULL AND "
    "text_version IS NULL AND text_sha256 IS NULL AND signature_sealed IS NULL) OR "
    "(decision <> 'withdrawn' AND withdraws_id IS NULL AND text_id IS NOT NULL AND language IS NOT NULL "
    "AND text_version IS NOT NULL AND length(text_sha256) = 64)")
NO_REASON = "no reason given"  # what the intake flow stored for a refusal without a reason before 0003
REFUSED = "consent records are immutable"
SQLITE_TRIGGERS = (
    "CREATE TRIGGER consent_records_no_update BEFORE UPDATE ON consent_records "
    f"BEGIN SELECT RAISE(ABORT, '{REFUSED}: UPDATE of consent_records refused'); END",
    "CREATE TRIGGER consent_records_purge_only BEFORE DELETE ON consent_records "
    "WHEN NOT EXISTS (SELECT 1 FROM consent_purges WHERE consent_purges.intake_id = OLD.intake_id) "
    f"BEGIN SELECT RAISE(ABORT, '{REFUSED}: DELETE of consent_records refused (only a purge deletes)'); END",
)
POSTGRES_TRIGGERS = (
    "CREATE FUNCTION consent_records_immutable() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "IF TG_OP = 'DELETE' AND EXISTS (SELECT 1 FROM consent_purges WHERE consent_purges.intake_id = OLD.intake_id) "
    "THEN RETURN OLD; END IF; "
    f"RAISE EXCEPTION '{REFUSED}: % of consent_records refused (only a purge deletes)', TG_OP; END $$",
    "CREATE TRIGGER consent_records_immutable BEFORE UPDATE OR DELETE ON consent_records "
    "FOR EACH ROW EXECUTE FUNCTION consent_records_immutable()",
)

records = sa.table("consent_records", sa.column("id", sa.String), sa.column("intake_id", sa.String),
                   sa.column("signature_strokes", sa.JSON), sa.column("signature_sealed", sa.LargeBinary),
                   sa.column("text_id", sa.String), sa.column("decision", sa.String),
                   sa.column("withdraws_id", sa.String), sa.column("reason", sa.Text))


def _decision(values: tuple[str, ...]) -> str:
    return "decision IN (" + ", ".join(f"'{v}'" for v in values) + ")"


def _cipher(rows: int) -> FieldCipher:
    where = redact(context.config.get_main_option("sqlalchemy.url") or "")
    why = f"the database {where} holds {rows} consent records with signature strokes in plaintext; sealing them " \
          "in place needs the kiosk's keys"
    provider = context.config.attributes.get("keys")
    if provider is None:
        raise StorageError(f"{why}, and none were given; nothing was changed")
    try:
        return FieldCipher(provider())
    except KeysError as exc:
        raise StorageError(f"{why}: {type(exc).__name__}: {exc}; nothing was changed") from None


def _seal_strokes(bind) -> None:  # type: ignore[no-untyped-def]
    rows = bind.execute(sa.select(records.c.id, records.c.intake_id, records.c.signature_strokes)
                        .where(records.c.signature_strokes.is_not(None)).order_by(records.c.id)).all()
    rows = [row for row in rows if row[2]]  # JSON null or [] is no signature
    if not rows:
        return
    cipher = _cipher(len(rows))
    for row_id, intake_id, strokes in rows:
        plain = json.dumps(strokes, separators=(",", ":")).encode()
        sealed = cipher.seal(Field("consent_records", row_id, "signature_sealed", intake_id), plain)
        bind.execute(records.update().where(records.c.id == row_id).values(signature_sealed=sealed))
    context.config.attributes["sealed_plaintext"] = True  # the store then truncates SQLite's WAL


def upgrade() -> None:
    with op.batch_alter_table('consent_records', schema=None) as batch_op:
        batch_op.add_column(sa.Column('text_id', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('signature_sealed', sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column('withdraws_id', sa.String(length=36), nullable=True))
    bind = op.get_bind()
    bind.execute(records.update().values(text_id=TEXT_ID))
    _seal_strokes(bind)
    with op.batch_alter_table('consent_records', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_consent_records_refusal_has_reason'), type_='check')
        batch_op.drop_constraint(op.f('ck_consent_records_sha256_hex'), type_='check')
        batch_op.drop_constraint(op.f('ck_consent_records_consent_decision'), type_='check')
        batch_op.alter_column('refusal_reason', new_column_name='reason', existing_type=sa.Text())
        for name, length in (('language', 8), ('text_version', 32), ('text_sha256', 64)):
            batch_op.alter_column(name, existing_type=sa.String(length=length), nullable=True)
        batch_op.drop_column('signature_strokes')
        batch_op.create_foreign_key(op.f('fk_consent_records_withdraws_id_consent_records'), 'consent_records',
                                    ['withdraws_id'], ['id'], ondelete='CASCADE')
        batch_op.create_unique_constraint(op.f('uq_consent_records_withdraws_id'), ['withdraws_id'])
        batch_op.create_check_constraint(op.f('ck_consent_records_consent_decision'), _decision(NEW_DECISIONS))
        batch_op.create_check_constraint(op.f('ck_consent_records_shown_text_or_withdrawal'), SHOWN_OR_WITHDRAWAL)
        batch_op.create_check_constraint(op.f('ck_consent_records_no_reason_with_consent'),
                                         "decision <> 'given' OR reason IS NULL")
    op.create_table('consent_purges',
    sa.Column('intake_id', sa.String(length=36), nullable=False),
    sa.PrimaryKeyConstraint('intake_id', name=op.f('pk_consent_purges'))
    )
    op.create_table('consent_reports_pending',
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('queued_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['record_id'], ['consent_records.id'],
                            name=op.f('fk_consent_reports_pending_record_id_consent_records'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('record_id', name=op.f('pk_consent_reports_pending'))
    )
    for statement in SQLITE_TRIGGERS if bind.dialect.name == "sqlite" else POSTGRES_TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    bind = op.get_bind()
    held = bind.execute(sa.select(sa.func.count()).select_from(records).where(
        sa.or_(records.c.signature_sealed.is_not(None), records.c.withdraws_id.is_not(None)))).scalar_one()
    if held:
        raise StorageError(f"consent_records holds {held} sealed signatures or withdrawals; going back to revision "
                           "0002 would write signatures in plaintext or lose withdrawals: refused, nothing was changed")
    if bind.dialect.name == "sqlite":
        op.execute("DROP TRIGGER consent_records_no_update")
        op.execute("DROP TRIGGER consent_records_purge_only")
    else:
        op.execute("DROP TRIGGER consent_records_immutable ON consent_records")
        op.execute("DROP FUNCTION consent_records_immutable()")
    op.drop_table('consent_reports_pending')
    op.drop_table('consent_purges')
    bind.execute(records.update().where(records.c.decision == 'refused', records.c.reason.is_(None))
                 .values(reason=NO_REASON))  # 0002 needs a reason with every refusal
    with op.batch_alter_table('consent_records', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_consent_records_no_reason_with_consent'), type_='check')
        batch_op.drop_constraint(op.f('ck_consent_records_shown_text_or_withdrawal'), type_='check')
        batch_op.drop_constraint(op.f('ck_consent_records_consent_decision'), type_='check')
        batch_op.drop_constraint(op.f('uq_consent_records_withdraws_id'), type_='unique')
        batch_op.drop_constraint(op.f('fk_consent_records_withdraws_id_consent_records'), type_='foreignkey')
        batch_op.add_column(sa.Column('signature_strokes', sa.JSON(), nullable=True))
        for name, length in (('language', 8), ('text_version', 32), ('text_sha256', 64)):
            batch_op.alter_column(name, existing_type=sa.String(length=length), nullable=False)
        batch_op.alter_column('reason', new_column_name='refusal_reason', existing_type=sa.Text())
        batch_op.drop_column('withdraws_id')
        batch_op.drop_column('signature_sealed')
        batch_op.drop_column('text_id')
        batch_op.create_check_constraint(op.f('ck_consent_records_consent_decision'), _decision(OLD_DECISIONS))
        batch_op.create_check_constraint(op.f('ck_consent_records_sha256_hex'), 'length(text_sha256) = 64')
        batch_op.create_check_constraint(op.f('ck_consent_records_refusal_has_reason'),
                                         "decision = 'given' OR refusal_reason IS NOT NULL")
