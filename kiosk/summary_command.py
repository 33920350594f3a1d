"""``zuil export summary``: an intake's one-page summary for the file, as a PDF, made by an officer's account.

Unlike the other export commands this one logs in: the summary is an officer's export, and the access service
refuses it to every other role, here as in the staff view. The PIN or password is read from
``ZUIL_STAFF_SECRET`` (for scripts) or from a prompt with hidden input, never from the command line. The export
is in the audit log (kind export, the intake id, the officer's account). Qt draws the page (offscreen: no display
is needed).
"""

from __future__ import annotations

import os
from pathlib import Path

import click

SECRET_ENV = "ZUIL_STAFF_SECRET"


@click.command("summary")
@click.option("--intake", "intake_id", required=True, help="The intake id (the receipt number).")
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The PDF to write (mode 0600; replaced if it exists).")
@click.option("--account", required=True, help="The officer's account name (the PIN or password is asked for).")
def summary_command(intake_id: str, out: Path, account: str) -> None:
    """Write a one-page PDF summary of intake INTAKE for the file: times, location, consent, the fingerprint checks'
    outcomes, the candidates' fused scores in words, decisions and contra-indication flags with who and when. No
    fingerprint images, templates or V-number. Officers only; audited as an export."""
    from enrollment.commands.accounts import _service
    from kiosk.ui.summary_export import export_summary_pdf, painting_application

    secret = os.environ.get(SECRET_ENV) or click.prompt(f"PIN or password of {account}", hide_input=True)
    _app = painting_application()
    with _service() as service:
        staff = service.login(account, secret)
        try:
            written = export_summary_pdf(service, staff, intake_id, out)
        finally:
            service.logout(staff)
    click.echo(f"wrote the summary of intake {intake_id} to {written} (one page, mode 0600); logged as export")
