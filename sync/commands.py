"""``zuil sync``: the outbox of signed envelopes (registered by the root, ``kiosk.cli``; reads the enrollment
part's settings through :func:`enrollment.commands.current_settings`)."""

from __future__ import annotations

import json

import click

from enrollment.commands import current_settings


@click.group("sync")
def sync() -> None:
    """The outbox of signed envelopes for upstream (the uploader is not built yet)."""


@sync.command("status")
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON.")
def status(as_json: bool) -> None:
    """Show this kiosk's outbox: envelopes queued and delivered, the oldest queued one's age, the chain's last
    sequence number and head hash. Last success and last error belong to the uploader, which is not built yet.
    Reads the record database only (no keys needed)."""
    from sqlalchemy.orm import Session

    from enrollment.errors import StorageError
    from enrollment.records import store
    from sync.status import outbox_status

    settings = current_settings()
    engine = store.make_engine(settings.database)
    try:
        if (revision := store.current_revision(engine)) != store.head_revision():
            raise StorageError(f"the database {store.redact(settings.database)} is at schema {revision or 'none'}, "
                               f"this program needs {store.head_revision()}: run `zuil db upgrade`")
        with Session(engine) as session:
            report = outbox_status(session, settings.kiosk_id)
    finally:
        engine.dispose()
    if as_json:
        click.echo(json.dumps(report, indent=2))
        return
    age = report["oldest_queued_age_s"]
    click.echo(f"kiosk            {report['kiosk_id']}\n"
               f"queued           {report['queued']}\n"
               f"delivered        {report['delivered']}\n"
               f"oldest queued    {'-' if age is None else f'{age} s ago'}\n"
               f"last sequence    {report['last_sequence']}\n"
               f"chain head       {report['chain_head_sha256']}\n"
               f"last success     {report['last_success']}\n"
               f"last error       {report['last_error']}")
