"""``zuil consent withdraw``: the desk records that a person withdraws their consent.

The command line has no login (:mod:`enrollment.access`): whoever can run ``zuil`` on the kiosk with its keys can
run this; the audit entry names the actor ``desk``.
"""

from __future__ import annotations

import click

from enrollment.commands import current_settings

DESK = "desk"


@click.group("consent")
def consent() -> None:
    """Consent records of the intake record."""


@consent.command("withdraw")
@click.option("--intake", "intake_id", required=True, help="The id of any intake of the person (on the receipt).")
@click.option("--reason", default=None, help="The person's reason, if they give one (optional).")
def withdraw(intake_id: str, reason: str | None) -> None:
    """Withdraw the consent of the person of intake ID.

    Every consent of that person still in force, at every intake, gets a withdrawal record naming it; their prints
    leave the gallery at once (a kiosk already running rebuilds or drops them from its index). The withdrawal is
    queued for the upstream report, which is not built yet (no sync), and written to the audit log as
    consent-withdrawal. There is no login on the command line: this command does not ask who runs it (the log
    says `desk`).
    Needs the kiosk's keys (as `zuil db upgrade`).
    """
    from enrollment.audit.entries import Kind
    from enrollment.audit.log_store import AuditLog, audit_log_path
    from enrollment.commands.keys import unlock_kiosk_keys
    from enrollment.records.consents import withdraw_consent
    from enrollment.records.store import RecordStore

    settings = current_settings()
    with AuditLog(audit_log_path(settings.data_dir)) as log:  # a log that cannot be written stops it first
        store = RecordStore(settings.database, unlock_kiosk_keys(settings))
        try:
            with store.transaction() as session:
                done = withdraw_consent(session, intake_id, reason=reason)
                withdrawn = len(done.records)
        finally:
            store.close()
        log.append(Kind.CONSENT_WITHDRAWAL, actor=DESK, subject=intake_id, details={"consents_withdrawn": withdrawn})
    click.echo(f"withdrew {withdrawn} consent(s) of the person of intake {intake_id}; their prints are out of the "
               "gallery; queued for the upstream report (not sent: sync is not built)")
