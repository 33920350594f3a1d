"""``zuil export nist``: one intake as an ANSI/NIST-ITL 1-2011 transaction for the police systems.

Needs the kiosk's keys (as ``zuil subject-export``: the TPM, or the passphrase in ``ZUIL_KEYS_PASSPHRASE``) and
writes the data dir's audit log, which it opens first: a log that cannot be written stops it before anything is
read. Accounts are not asked for here: the log names the actor ``desk``.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from enrollment.commands import current_settings

DESK = "desk"


@click.group("export")
def export() -> None:
    """Exchange files made from the intake record."""


@export.command("nist")
@click.argument("intake_id")
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The transaction file to write (a new file, mode 0600; .an2 by custom).")
@click.option("--destination", default="AVIM", show_default=True,
              help="Destination agency identifier (1.007 DAI).")
@click.option("--destination-name", default="Afdeling Vreemdelingenpolitie, Identificatie en Mensenhandel",
              show_default=True, help="Destination agency name (1.017).")
def nist_command(intake_id: str, out: Path, destination: str, destination_name: str) -> None:
    """Write intake INTAKE_ID as an ANSI/NIST-ITL 1-2011 transaction (version 0500) for the police systems.

    Type-1 (TCN: the intake id; ORI: this kiosk's id), Type-2 (intake id, location, date, kiosk and the V-number
    if one was given), and per finger the best kept impression: Type-9 minutiae (INCITS 378 fields) where a
    template is kept and Type-14 (WSQ, 500 ppi) where a raw image is kept. The file holds personal data (the
    V-number and the prints). The export is logged in the audit log (kind export, naming the intake id).
    """
    from enrollment.audit.log_store import AuditLog, audit_log_path
    from enrollment.commands.keys import unlock_kiosk_keys
    from enrollment.exchange.nist_export import export_nist
    from enrollment.records.store import RecordStore

    settings = current_settings()
    with AuditLog(audit_log_path(settings.data_dir)) as log:
        store = RecordStore(settings.database, unlock_kiosk_keys(settings))
        try:
            done = export_nist(store, log, intake_id, out, originating=settings.kiosk_id, destination=destination,
                               destination_name=destination_name, now=datetime.now().astimezone(), actor=DESK)
        finally:
            store.close()
    click.echo(f"wrote intake {done.intake_id} to {done.path} (mode 0600): {done.minutiae_records} Type-9 and "
               f"{done.image_records} Type-14 record(s){', a V-number in Type-2' if done.v_number else ''}; "
               f"logged as export")
