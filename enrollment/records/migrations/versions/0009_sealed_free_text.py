"""sealed free text: consent reasons, officers' reasons and contra-indication notes under AES-256-GCM

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 22:00:00

The free text people type was stored in the clear: ``consent_records.reason`` (of a refusal or a withdrawal),
``officer_decisions.reason`` and ``contra_indications.note``. Each becomes a sealed column (``reason_sealed``,
``reason_sealed``, ``note_sealed``; UTF-8 under the gallery key, bound to table, row, column and intake like the
other sealed fields, :mod:`enrollment.records.sealed_text`). Existing text is sealed in place, in this same
transaction, with the keys ``alembic_config(url, keys)`` hands over; without keys, or when they do not unlock, the
upgrade is refused and the database stays at 0008, unchanged. A database without such text needs no keys.

Consent records are immutable (migration 0003's triggers refuse every UPDATE): this one-time data migration drops
those triggers, seals the reasons and rebuilds the table, and creates the same triggers again before it commits, in
the same transaction (SQLite and PostgreSQL both run DDL transactionally), so no other writer sees the table
without them. The downgrade would have to write the sealed text back in the clear: it is refused while the
database holds any, like 0002's.
"""

import sqlalchemy as sa
from alembic import context, op

from enrollment.errors import StorageError
from enrollment.keys.errors import KeysError
from enrollment.records.field_cipher import Field, FieldCipher
from enrollment.records.store import redact

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

# (table, plaintext column, sealed column)
COLUMNS = (("consent_records", "reason", "reason_sealed"), ("officer_decisions", "reason", "reason_sealed"),
           ("contra_indications", "note", "note_sealed"))
OLD_NO_REASON = "decision <> 'given' OR reason IS NULL"
NEW_NO_REASON = "decision <> 'given' OR reason_sealed IS NULL"
REFUSED = "consent records are immutable"  # migration 0003's triggers, as 0003 created them
SQLITE_TRIGGERS = (
    "CREATE TRIGGER consent_records_no_update BEFORE UPDATE ON consent_records "
    f"BEGIN SELECT RAISE(ABORT, '{REFUSED}: UPDATE of consent_records refused'); END",
    "CREATE TRIGGER consent_records_purge_only BEFORE DELETE ON consent_records "
    "WHEN NOT EXISTS (SELECT 1 FROM consent_purges WHERE consent_purges.intake_id = OLD.intake_id) "
    f"BEGIN SELECT RAISE(ABORT, '{REFUSED}: DELETE of consent_records refused (only a purge deletes)'); END",
)
SQLITE_DROP = ("DROP TRIGGER consent_records_no_update", "DROP TRIGGER consent_records_purge_only")
POSTGRES_TRIGGERS = ("CREATE TRIGGER consent_records_immutable BEFORE UPDATE OR DELETE ON consent_records "
                     "FOR EACH ROW EXECUTE FUNCTION consent_records_immutable()",)  # the function stays
POSTGRES_DROP = ("DROP TRIGGER consent_records_immutable ON consent_records",)


def _table(name: str, plain: str, sealed: str) -> sa.TableClause:
    return sa.table(name, sa.column("id", sa.String), sa.column("intake_id", sa.String),
                    sa.column(plain, sa.Text), sa.column(sealed, sa.LargeBinary))


def _held(bind, column: str) -> int:  # type: ignore[no-untyped-def]
    """Rows of the three tables with a value in ``column`` (``reason``/``note`` or the sealed ones)."""
    return sum(bind.execute(sa.text(f"SELECT count(*) FROM {table} WHERE "
                                    f"{plain if column == 'plain' else sealed} IS NOT NULL")).scalar_one()
               for table, plain, sealed in COLUMNS)


def _cipher(rows: int) -> FieldCipher:
    where = redact(context.config.get_main_option("sqlalchemy.url") or "")
    why = f"the database {where} holds {rows} reasons or notes in plaintext; sealing them in place needs the " \
          "kiosk's keys"
    provider = context.config.attributes.get("keys")
    if provider is None:
        raise StorageError(f"{why}, and none were given; nothing was changed")
    try:
        return FieldCipher(provider())
    except KeysError as exc:
        raise StorageError(f"{why}: {type(exc).__name__}: {exc}; nothing was changed") from None


def _seal_existing(bind) -> None:  # type: ignore[no-untyped-def]
    rows = _held(bind, "plain")
    if not rows:
        return
    cipher = _cipher(rows)
    for name, plain, sealed in COLUMNS:
        table = _table(name, plain, sealed)
        for row_id, intake_id, text in bind.execute(sa.select(table.c.id, table.c.intake_id, table.c[plain])
                                                    .where(table.c[plain].is_not(None)).order_by(table.c.id)).all():
            value = cipher.seal(Field(name, row_id, sealed, intake_id), text.encode("utf-8"))
            bind.execute(table.update().where(table.c.id == row_id).values({sealed: value}))
    context.config.attributes["sealed_plaintext"] = True  # the store then truncates SQLite's WAL


def _triggers(bind, sqlite: tuple[str, ...], postgres: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    for statement in sqlite if bind.dialect.name == "sqlite" else postgres:
        op.execute(statement)


def upgrade() -> None:
    bind = op.get_bind()
    _triggers(bind, SQLITE_DROP, POSTGRES_DROP)
    for table, _plain, sealed in COLUMNS:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column(sealed, sa.LargeBinary(), nullable=True))
    _seal_existing(bind)
    for table, plain, _sealed in COLUMNS:
        with op.batch_alter_table(table, schema=None) as batch_op:
            if table == "consent_records":
                batch_op.drop_constraint(op.f('ck_consent_records_no_reason_with_consent'), type_='check')
            batch_op.drop_column(plain)
            if table == "consent_records":
                batch_op.create_check_constraint(op.f('ck_consent_records_no_reason_with_consent'), NEW_NO_REASON)
    _triggers(bind, SQLITE_TRIGGERS, POSTGRES_TRIGGERS)


def downgrade() -> None:
    bind = op.get_bind()
    held = _held(bind, "sealed")
    if held:
        raise StorageError(f"the database holds {held} sealed reasons or notes; going back to revision 0008 would "
                           "write them in plaintext: refused, nothing was changed")
    _triggers(bind, SQLITE_DROP, POSTGRES_DROP)
    for table, plain, sealed in COLUMNS:
        with op.batch_alter_table(table, schema=None) as batch_op:
            if table == "consent_records":
                batch_op.drop_constraint(op.f('ck_consent_records_no_reason_with_consent'), type_='check')
            batch_op.add_column(sa.Column(plain, sa.Text(), nullable=True))
            batch_op.drop_column(sealed)
            if table == "consent_records":
                batch_op.create_check_constraint(op.f('ck_consent_records_no_reason_with_consent'), OLD_NO_REASON)
    _triggers(bind, SQLITE_TRIGGERS, POSTGRES_TRIGGERS)
