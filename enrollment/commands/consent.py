"""``zuil consent withdraw``: the desk records that a person withdraws their consent.

The command line has no login (:mod:`enrollment.access`): whoever can run ``zuil`` on the kiosk with its keys can
run this; the audit entry names the actor ``desk``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

import click

from enrollment.commands import current_settings

if TYPE_CHECKING:  # the command line's start-up imports no database code
    from sqlalchemy.orm import Session

    from enrollment.keys.keyring import KeyRing
    from enrollment.records.models import ConsentRecord

    #: Queues the withdrawal records made in ``session``'s transaction for the upstream report; returns how many.
    WithdrawalReporter = Callable[[Session, Sequence[ConsentRecord]], int]

DESK = "desk"


class WithdrawalReporterSource(Protocol):
    """What the root's object on the click context offers this command: who reports a withdrawal upstream (the
    enrollment part does not import sync; the root wires it)."""

    def withdrawal_reporter(self, ring: KeyRing) -> WithdrawalReporter | None: ...


@click.group("consent")
def consent() -> None:
    """Consent records of the intake record."""


@consent.command("withdraw")
@click.option("--intake", "intake_id", required=True,
              help="Any intake of the person: its receipt code (on the slip and the done screen) or its whole id.")
@click.option("--reason", default=None, help="The person's reason, if they give one (optional).")
def withdraw(intake_id: str, reason: str | None) -> None:
    """Withdraw the consent of the person of intake ID.

    Every consent of that person still in force, at every intake, gets a withdrawal record naming it; their prints
    leave the gallery at once (a kiosk already running rebuilds or drops them from its index). The withdrawal is
    queued in the outbox for upstream where the kiosk has an upstream key ([sync] upstream_public_key or
    `zuil sync register`), and written to the audit log as consent-withdrawal.

    This command does not ask who runs it: there is no login on the command line (the log says `desk`).
    Needs the kiosk's keys (as `zuil db upgrade`).
    """
    from enrollment.audit.entries import Kind
    from enrollment.audit.log_store import AuditLog, audit_log_path
    from enrollment.commands.keys import unlock_kiosk_keys
    from enrollment.records.consents import withdraw_consent
    from enrollment.records.intake_reads import intake_id_for
    from enrollment.records.store import RecordStore

    settings = current_settings()
    source: WithdrawalReporterSource = click.get_current_context().find_root().obj
    with AuditLog(audit_log_path(settings.data_dir)) as log:  # a log that cannot be written stops it first
        ring = unlock_kiosk_keys(settings)
        report = source.withdrawal_reporter(ring)
        store = RecordStore(settings.database, ring)
        try:
            with store.transaction() as session:
                intake_id = intake_id_for(session, intake_id)
                done = withdraw_consent(session, intake_id, reason=reason)
                withdrawn = len(done.records)
                queued = report(session, done.records) if report is not None else 0
        finally:
            store.close()
        log.append(Kind.CONSENT_WITHDRAWAL, actor=DESK, subject=intake_id, details={"consents_withdrawn": withdrawn})
    upstream = (f"{queued} withdrawal(s) queued for upstream" if report is not None else
                "not queued for upstream: no upstream key is configured or registered ([sync] upstream_public_key, "
                "zuil sync register)")
    click.echo(f"withdrew {withdrawn} consent(s) of the person of intake {intake_id}; their prints are out of the "
               f"gallery; {upstream}")
