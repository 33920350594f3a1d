"""sealed fields: templates, images, V-number, person link and candidates under AES-256-GCM; V-number HMAC

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 00:00:00

A database of revision 0001 that holds intakes has them in plaintext. They are sealed in place, in this same
transaction, with the keys that ``alembic_config(url, keys)`` hands over (``zuil db upgrade`` unlocks the kiosk's
key file; a :class:`~enrollment.records.store.RecordStore` passes its own); without keys, or when they do not
unlock, the upgrade is refused and the database stays at 0001, unchanged. An empty database needs no keys.
The downgrade would have to write the sealed values back in plaintext: it is refused while the database holds any.
"""

import json

import sqlalchemy as sa
from alembic import context, op
from sqlalchemy.orm import Session

from enrollment.errors import StorageError
from enrollment.keys.errors import KeysError
from enrollment.records.field_cipher import Field, FieldCipher
from enrollment.records.key_checks import verify_and_record
from enrollment.records.store import redact

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

OLD_CHECK = "(has_v_number = 1 AND v_number IS NOT NULL AND length(v_number) = 10) OR " \
            "(has_v_number = 0 AND v_number IS NULL)"
NEW_CHECK = "(has_v_number = 1 AND v_number_sealed IS NOT NULL AND v_number_hmac IS NOT NULL) OR " \
            "(has_v_number = 0 AND v_number_sealed IS NULL AND v_number_hmac IS NULL)"

intakes = sa.table("intakes", sa.column("id", sa.String), sa.column("person_id", sa.String),
                   sa.column("v_number", sa.String), sa.column("person_sealed", sa.LargeBinary),
                   sa.column("v_number_sealed", sa.LargeBinary), sa.column("v_number_hmac", sa.String))
captures = sa.table("captures", sa.column("id", sa.String), sa.column("intake_id", sa.String),
                    sa.column("template", sa.LargeBinary), sa.column("image", sa.LargeBinary),
                    sa.column("template_sealed", sa.LargeBinary), sa.column("image_sealed", sa.LargeBinary))
results = sa.table("identification_results", sa.column("id", sa.String), sa.column("intake_id", sa.String),
                   sa.column("candidates", sa.JSON), sa.column("candidates_sealed", sa.LargeBinary))


def _count(bind, table) -> int:  # type: ignore[no-untyped-def]
    return bind.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()


def _cipher(bind, rows: int) -> FieldCipher:  # type: ignore[no-untyped-def]
    where = redact(context.config.get_main_option("sqlalchemy.url") or "")
    why = f"the database {where} holds {rows} rows written in plaintext by an earlier version; sealing them in " \
          "place needs the kiosk's keys"
    provider = context.config.attributes.get("keys")
    if provider is None:
        raise StorageError(f"{why}, and none were given; nothing was changed")
    try:
        return FieldCipher(provider())
    except KeysError as exc:
        raise StorageError(f"{why}: {type(exc).__name__}: {exc}; nothing was changed") from None


def _seal_existing(bind) -> None:  # type: ignore[no-untyped-def]
    rows = _count(bind, intakes) + _count(bind, captures) + _count(bind, results)
    if not rows:
        return
    cipher = _cipher(bind, rows)
    for row_id, person_id, v_number in bind.execute(sa.select(intakes.c.id, intakes.c.person_id,
                                                              intakes.c.v_number).order_by(intakes.c.id)).all():
        values = {"person_sealed": cipher.seal(Field("intakes", row_id, "person_sealed"), person_id.encode())}
        if v_number is not None:
            values["v_number_sealed"] = cipher.seal(Field("intakes", row_id, "v_number_sealed"), v_number.encode())
            values["v_number_hmac"] = cipher.vnumber_lookup(v_number)
        bind.execute(intakes.update().where(intakes.c.id == row_id).values(**values))
    for row_id, intake_id, template, image in bind.execute(sa.select(
            captures.c.id, captures.c.intake_id, captures.c.template, captures.c.image).order_by(captures.c.id)).all():
        values = {f"{name}_sealed": cipher.seal(Field("captures", row_id, f"{name}_sealed", intake_id), blob)
                  for name, blob in (("template", template), ("image", image)) if blob is not None}
        if values:
            bind.execute(captures.update().where(captures.c.id == row_id).values(**values))
    for row_id, intake_id, candidates in bind.execute(sa.select(
            results.c.id, results.c.intake_id, results.c.candidates).order_by(results.c.id)).all():
        plain = json.dumps(candidates, sort_keys=True, separators=(",", ":")).encode()
        sealed = cipher.seal(Field("identification_results", row_id, "candidates_sealed", intake_id), plain)
        bind.execute(results.update().where(results.c.id == row_id).values(candidates_sealed=sealed))
    with Session(bind=bind) as session:
        verify_and_record(session, cipher, redact(context.config.get_main_option("sqlalchemy.url") or ""))
        session.flush()
    context.config.attributes["sealed_plaintext"] = True  # the store then truncates SQLite's WAL


def upgrade() -> None:
    op.create_table('key_checks',
    sa.Column('purpose', sa.String(length=32), nullable=False),
    sa.Column('version', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('check_value', sa.LargeBinary(), nullable=False),
    sa.PrimaryKeyConstraint('purpose', 'version', name=op.f('pk_key_checks'))
    )
    with op.batch_alter_table('intakes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('person_sealed', sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column('v_number_sealed', sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column('v_number_hmac', sa.String(length=80), nullable=True))
    with op.batch_alter_table('captures', schema=None) as batch_op:
        batch_op.add_column(sa.Column('template_sealed', sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column('image_sealed', sa.LargeBinary(), nullable=True))
    with op.batch_alter_table('identification_results', schema=None) as batch_op:
        batch_op.add_column(sa.Column('candidates_sealed', sa.LargeBinary(), nullable=True))

    _seal_existing(op.get_bind())

    with op.batch_alter_table('intakes', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_intakes_v_number_given_or_explicitly_none'), type_='check')
        batch_op.drop_index(batch_op.f('ix_intakes_person_id'))
        batch_op.drop_index(batch_op.f('ix_intakes_v_number'))
        batch_op.drop_constraint(op.f('fk_intakes_person_id_persons'), type_='foreignkey')
        batch_op.drop_column('person_id')
        batch_op.drop_column('v_number')
        batch_op.alter_column('person_sealed', existing_type=sa.LargeBinary(), nullable=False)
        batch_op.create_check_constraint(op.f('ck_intakes_v_number_given_or_explicitly_none'), NEW_CHECK)
        batch_op.create_index(batch_op.f('ix_intakes_v_number_hmac'), ['v_number_hmac'], unique=False)
    with op.batch_alter_table('captures', schema=None) as batch_op:
        batch_op.drop_column('template')
        batch_op.drop_column('image')
    with op.batch_alter_table('identification_results', schema=None) as batch_op:
        batch_op.drop_column('candidates')
        batch_op.alter_column('candidates_sealed', existing_type=sa.LargeBinary(), nullable=False)


def downgrade() -> None:
    bind = op.get_bind()
    held = _count(bind, intakes) + _count(bind, captures) + _count(bind, results)
    if held:
        raise StorageError(f"the database holds {held} rows with sealed fields; going back to revision 0001 would "
                           "write them in plaintext: refused, nothing was changed")
    with op.batch_alter_table('identification_results', schema=None) as batch_op:
        batch_op.add_column(sa.Column('candidates', sa.JSON(), nullable=False))
        batch_op.drop_column('candidates_sealed')
    with op.batch_alter_table('captures', schema=None) as batch_op:
        batch_op.add_column(sa.Column('template', sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column('image', sa.LargeBinary(), nullable=True))
        batch_op.drop_column('template_sealed')
        batch_op.drop_column('image_sealed')
    with op.batch_alter_table('intakes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_intakes_v_number_hmac'))
        batch_op.drop_constraint(op.f('ck_intakes_v_number_given_or_explicitly_none'), type_='check')
        batch_op.add_column(sa.Column('person_id', sa.String(length=36), nullable=False))
        batch_op.add_column(sa.Column('v_number', sa.String(length=10), nullable=True))
        batch_op.drop_column('person_sealed')
        batch_op.drop_column('v_number_sealed')
        batch_op.drop_column('v_number_hmac')
        batch_op.create_foreign_key(op.f('fk_intakes_person_id_persons'), 'persons', ['person_id'], ['id'])
        batch_op.create_check_constraint(op.f('ck_intakes_v_number_given_or_explicitly_none'), OLD_CHECK)
        batch_op.create_index(batch_op.f('ix_intakes_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_intakes_v_number'), ['v_number'], unique=False)
    op.drop_table('key_checks')
