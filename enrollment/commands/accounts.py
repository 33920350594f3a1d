"""``zuil accounts add|list|disable``: the kiosk's staff accounts, through the access service.

The command line has no login: whoever runs ``zuil`` with the kiosk's keys manages the accounts, and the audit
log names the actor ``technician``. A PIN or password is never taken from the command line (it would stay in
the shell's history and the process list): ``add`` reads it from ``ZUIL_ACCOUNT_SECRET`` (for scripts) or from
a prompt with hidden input, asked twice.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

from enrollment.commands import current_settings

if TYPE_CHECKING:
    from enrollment.access.service import AccessService

SECRET_ENV = "ZUIL_ACCOUNT_SECRET"
ROLES = ("officer", "intake-worker", "technician")


@contextmanager
def _service() -> Iterator[AccessService]:
    """The access service on the kiosk's record store and audit log (the log opened first: a log that cannot be
    written stops the command before anything changes)."""
    from enrollment.access.service import AccessService
    from enrollment.audit.log_store import AuditLog, audit_log_path
    from enrollment.commands.keys import unlock_kiosk_keys
    from enrollment.records.store import RecordStore

    settings = current_settings()
    with AuditLog(audit_log_path(settings.data_dir)) as log:
        store = RecordStore(settings.database, unlock_kiosk_keys(settings))
        try:
            yield AccessService(store, log, settings.accounts)
        finally:
            store.close()


@click.group("accounts")
def accounts() -> None:
    """Staff accounts: AVIM officers, intake workers and technicians."""


@accounts.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), help="What the account may see and do (required).")
def add(name: str, role: str | None) -> None:
    """Add the account NAME (3-32 of a-z, 0-9, '.', '_', '-'). Its PIN (6-12 digits) or password (12-128
    characters) comes from ZUIL_ACCOUNT_SECRET, else from a hidden prompt, asked twice."""
    from enrollment.access.credentials import parse_account_name
    from enrollment.access.roles import Role
    from enrollment.access.service import KEY_HOLDER

    if role is None:  # checked here: click's own message for a missing choice spans several lines
        raise click.UsageError(f"missing option '--role' ({', '.join(ROLES)})")
    parse_account_name(name)  # before anything is opened or asked for
    with _service() as service:
        secret = os.environ.get(SECRET_ENV) or click.prompt("PIN or password", hide_input=True,
                                                            confirmation_prompt=True)
        info = service.add_account(KEY_HOLDER, name, Role(role.replace("-", "_")), secret)
    click.echo(f"added {info.role.value} account {info.name} ({info.secret_kind.value}), id {info.id}")


@accounts.command("list")
def list_accounts() -> None:
    """List the accounts: name, role, PIN or password, state, dates and id (never a hash)."""
    from enrollment.access.service import KEY_HOLDER

    with _service() as service:
        listed = service.list_accounts(KEY_HOLDER)
    if not listed:
        click.echo("no accounts")
    for info in listed:
        state = f"disabled {info.disabled_at:%Y-%m-%d %H:%M}" if info.disabled else "active"
        click.echo(f"{info.name:<20} {info.role.value:<13} {info.secret_kind.value:<8} {state:<26} "
                   f"created {info.created_at:%Y-%m-%d %H:%M}  {info.id}")


@accounts.command("disable")
@click.argument("name")
def disable(name: str) -> None:
    """Disable the account NAME: it can no longer log in, and a session it has open is refused."""
    from enrollment.access.credentials import parse_account_name
    from enrollment.access.service import KEY_HOLDER

    parse_account_name(name)
    with _service() as service:
        info = service.disable_account(KEY_HOLDER, name)
    click.echo(f"disabled account {info.name} ({info.role.value}), id {info.id}")
