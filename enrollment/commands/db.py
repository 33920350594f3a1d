"""``zuil db``: the record database's schema."""

from __future__ import annotations

import click

from enrollment.commands import current_settings


@click.group("db")
def db() -> None:
    """Manage the record database (SQLite in the data dir by default, or database_url)."""


@db.command("upgrade")
@click.option("--revision", default="head", show_default=True, help="Target schema revision.")
def upgrade(revision: str) -> None:
    """Bring the schema up to date (safe to run again).

    A record written in plaintext by an earlier version is sealed in place with the kiosk's keys (unlocked as
    `zuil keys init` set them up: the TPM, or the passphrase in ZUIL_KEYS_PASSPHRASE or asked for); without
    usable keys such a record is refused and left as it was. An empty record needs no keys.
    """
    from alembic.util import CommandError

    from enrollment.commands.keys import unlock_kiosk_keys
    from enrollment.records import store

    settings = current_settings()
    try:
        store.upgrade(settings.database, revision, keys=lambda: unlock_kiosk_keys(settings))
    except CommandError as exc:  # an unknown or ambiguous revision
        raise click.BadParameter(str(exc), param_hint="'--revision'") from exc
    engine = store.make_engine(settings.database)
    try:
        click.echo(f"database {store.redact(settings.database)} at schema {store.current_revision(engine)}")
    finally:
        engine.dispose()


@db.command("downgrade")
@click.argument("revision")
def downgrade(revision: str) -> None:
    """Step the schema back to REVISION ('base' drops every table: all records are lost)."""
    from alembic.util import CommandError

    from enrollment.records import store

    settings = current_settings()
    try:
        store.downgrade(settings.database, revision)
    except CommandError as exc:  # an unknown revision, or one ahead of the database
        raise click.BadParameter(str(exc), param_hint="'REVISION'") from exc
    click.echo(f"database {store.redact(settings.database)} downgraded to {revision}")
