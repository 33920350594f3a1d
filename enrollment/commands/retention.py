"""``zuil purge`` (delete what is past its retention; the command a systemd timer runs) and ``zuil subject-export``
(everything held about one person, for a subject-access request).

Both need the kiosk's keys (as ``zuil db upgrade``: the TPM, or the passphrase in ``ZUIL_KEYS_PASSPHRASE``) and
write the data dir's audit log, which they open first: a log that cannot be written stops them before they change
anything. Accounts and roles are not built yet: ``subject-export`` does not ask who runs it (the log says ``desk``).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import click

from enrollment.commands import current_settings

if TYPE_CHECKING:  # the command line's start-up imports no database code
    from enrollment.keys.keyring import KeyRing
    from enrollment.records.purge import DeletionReporter

DESK = "desk"
WHAT = {"refused-consent": "intakes", "intake-retention": "intakes", "raw-images": "captures' raw images",
        "withdrawn-prints": "captures' templates and images"}


class DeletionReporterSource(Protocol):
    """What the root's object on the click context offers ``zuil purge``: who reports a purge's deletions upstream
    (the enrollment part does not import sync; the root wires it)."""

    def deletion_reporter(self, ring: KeyRing) -> DeletionReporter | None: ...


@click.command("purge")
@click.option("--dry-run", is_flag=True, help="Only print what would be deleted; write nothing.")
def purge_command(dry_run: bool) -> None:
    """Delete what is past its retention (the settings' [retention] days), now (UTC).

    Intakes past biometrics_days, refusals past refused_consent_days, raw images past raw_images_days and the
    prints of intakes whose consent is withdrawn. Each rule that deletes something leaves a deletion receipt and an
    audit entry; with an upstream key configured or registered, each rule but raw-images (raw images never leave
    the kiosk) also queues a deletion envelope for the upstream in the purge's transaction. The audit log itself is
    not purged (it is append-only): its entries past audit_days are counted. Exit 0 when done, 2 on a refusal
    (wrong keys).
    """
    from enrollment.audit.log_store import AuditLog, audit_log_path
    from enrollment.commands.keys import unlock_kiosk_keys
    from enrollment.records.store import RecordStore
    from enrollment.retention import run_purge

    settings = current_settings()
    source: DeletionReporterSource = click.get_current_context().find_root().obj
    path = audit_log_path(settings.data_dir)
    log = AuditLog(path) if not dry_run or path.exists() else None
    try:
        ring = unlock_kiosk_keys(settings)
        upstream = None if dry_run else source.deletion_reporter(ring)
        store = RecordStore(settings.database, ring)
        try:
            report = run_purge(store, log, settings.retention, datetime.now(UTC), dry_run=dry_run, report=upstream)
        finally:
            store.close()
    finally:
        if log is not None:
            log.close()
    verb = "would delete" if dry_run else "deleted"
    for rule in report.plan.rules:
        what = WHAT[rule.rule]
        click.echo(f"{rule.rule}: {verb} {rule.records} {what} ({rule.reason})")
        if dry_run:
            for intake_id in rule.intake_ids:
                click.echo(f"  intake {intake_id}")
    if report.plan.person_ids:
        click.echo(f"persons left without an intake: {verb} {len(report.plan.person_ids)}")
    if not report.plan.rules:
        click.echo(f"nothing is past its retention at {report.plan.now.isoformat(timespec='seconds')}")
    if not dry_run:
        queued = (f"{report.reported} queued for upstream" if upstream is not None else
                  "not queued for upstream: no upstream key is configured or registered")
        click.echo(f"{len(report.receipts)} deletion receipt(s) written ({queued}); audit log {path}")
    if report.wal_truncated is False:
        click.echo("the WAL could not be truncated (another process is reading); the next purge or checkpoint does")
    if report.audit_past_retention:
        click.echo(f"audit log: {report.audit_past_retention} entries older than audit_days="
                   f"{settings.retention.audit_days}, kept (the log is append-only)")


@click.command("subject-export")
@click.option("--intake", "intake_id", help="The id of any intake of the person.")
@click.option("--vnumber", "v_number", help="The person's V-number (found by its keyed hash).")
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The JSON file to write (a new file, mode 0600).")
def subject_export_command(intake_id: str | None, v_number: str | None, out: Path) -> None:
    """Write everything held about one person to a JSON file, for a subject-access request.

    Every intake of the person, opened: V-number, templates (native bytes in base64 with a decoded summary), kept
    raw images, consent records with signatures, identification results (the candidates' scores, not who they
    are), officer decisions, flags, deletion receipts naming the intakes, and the audit entries about them. The
    export is itself logged as subject-export, naming the intake id (never the V-number).
    """
    from enrollment.audit.log_store import AuditLog, audit_log_path
    from enrollment.commands.keys import unlock_kiosk_keys
    from enrollment.records.store import RecordStore
    from enrollment.subject_access import export_subject
    from enrollment.values.vnumber import parse_vnumber

    if (intake_id is None) == (v_number is None):
        raise click.UsageError("give --intake ID or --vnumber V-NUMBER (one of them)")
    parsed = parse_vnumber(v_number) if v_number is not None else None
    settings = current_settings()
    with AuditLog(audit_log_path(settings.data_dir)) as log:
        store = RecordStore(settings.database, unlock_kiosk_keys(settings))
        try:
            done = export_subject(store, log, out, now=datetime.now(UTC), actor=DESK, intake_id=intake_id,
                                  v_number=parsed)
        finally:
            store.close()
    click.echo(f"wrote {done.intakes} intake(s) and {done.audit_entries} audit entries of the person of intake "
               f"{done.subject} to {done.path} (mode 0600); logged as subject-export")
