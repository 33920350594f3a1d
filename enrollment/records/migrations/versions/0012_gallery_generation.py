"""gallery generation: a counter the database bumps on every change to what the 1:N gallery is built from

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 01:40:00

``gallery_generation`` holds one row (``id`` 1) whose ``generation`` triggers raise on every insert, delete and
update of a column the gallery is read from (:func:`enrollment.records.enrolled_prints.open_enrolled`): the
captures' template, finger position and intake; the intakes' id, person link and location; every consent
record (a withdrawal or a purge); the feed's persons and prints. Not the captures' kept sketches: they are used only
where they are of the template's digest and the current sketch version, so they never change what the index
searches (storing them, :func:`~enrollment.records.enrolled_prints.keep_sketches`, leaves a kept index current).
The kiosk keeps its built index while the generation it was built at is the one the record holds
(:mod:`kiosk.intake_record`), whoever wrote the change.
SQLite: one trigger per table and event (per row); PostgreSQL: one trigger function, per statement. A later
migration that rebuilds one of these tables on SQLite (``batch_alter_table``) drops its triggers and must create
them again. The downgrade drops the triggers and the table.
"""

import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

# (table, the columns whose update changes the gallery; None: every column)
WATCHED = (
    ("captures", ("template_sealed", "finger_position", "intake_id")),
    ("intakes", ("id", "person_sealed", "location_id")),
    ("consent_records", None),
    ("feed_persons", None),
    ("feed_prints", None),
)
BUMP = "UPDATE gallery_generation SET generation = generation + 1 WHERE id = 1"


def _sqlite_triggers() -> list[tuple[str, str]]:
    """(name, CREATE statement) of every SQLite trigger."""
    out = []
    for table, columns in WATCHED:
        for event in ("INSERT", "DELETE", "UPDATE"):
            on = f"UPDATE OF {', '.join(columns)}" if event == "UPDATE" and columns else event
            name = f"{table}_gallery_{event.lower()}"
            out.append((name, f"CREATE TRIGGER {name} AFTER {on} ON {table} BEGIN {BUMP}; END"))
    return out


def _postgres_update(columns: tuple[str, ...] | None) -> str:
    return f"UPDATE OF {', '.join(columns)}" if columns else "UPDATE"


def upgrade() -> None:
    op.create_table('gallery_generation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('generation', sa.BigInteger(), nullable=False),
    sa.CheckConstraint('id = 1', name=op.f('ck_gallery_generation_one_row')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_gallery_generation'))
    )
    op.execute("INSERT INTO gallery_generation (id, generation) VALUES (1, 0)")
    if op.get_bind().dialect.name == "sqlite":
        for _name, statement in _sqlite_triggers():
            op.execute(statement)
        return
    op.execute("CREATE FUNCTION gallery_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
               f"{BUMP}; RETURN NULL; END $$")
    for table, columns in WATCHED:
        op.execute(f"CREATE TRIGGER {table}_gallery AFTER INSERT OR DELETE OR TRUNCATE OR {_postgres_update(columns)} "
                   f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION gallery_generation_bump()")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name, _statement in _sqlite_triggers():
            op.execute(f"DROP TRIGGER {name}")
    else:
        for table, _columns in WATCHED:
            op.execute(f"DROP TRIGGER {table}_gallery ON {table}")
        op.execute("DROP FUNCTION gallery_generation_bump()")
    op.drop_table('gallery_generation')
