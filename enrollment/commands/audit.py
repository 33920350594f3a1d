"""``zuil audit``: prove the audit log (``verify``), read it (``show``), sign a checkpoint now (``checkpoint``).

The log is ``audit.sqlite3`` in the data dir. ``verify`` and ``checkpoint`` unlock the key file for the signing
keys (a passphrase as for ``zuil keys``); a refused unlock is itself logged. ``show`` needs no key: entries hold
no V-number, name or biometric data, only kinds, account ids, opaque case references and short details.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import click

from enrollment.commands import current_settings
from enrollment.commands.keys import _passphrase, passphrase_file_option

if TYPE_CHECKING:  # the command line's start-up imports no database code
    from sqlalchemy.orm import Session

    from enrollment.audit.checkpoints import Checkpoint
    from enrollment.keys.keyring import KeyRing

    #: Queues, in ``session``'s transaction, each checkpoint the upstream report does not hold yet; returns how many.
    CheckpointReporter = Callable[[Session, Sequence[Checkpoint]], int]


class CheckpointReporterSource(Protocol):
    """What the root's object on the click context offers ``zuil audit checkpoint``: who reports a checkpoint
    upstream (the enrollment part does not import sync; the root wires it)."""

    def checkpoint_reporter(self, ring: KeyRing) -> CheckpointReporter | None: ...


@click.group("audit")
def audit() -> None:
    """The audit log: every key operation, login, officer view of evidence, decision, export and purge."""


def _existing_log(data_dir: Path):  # type: ignore[no-untyped-def]
    from enrollment.audit.errors import AuditError
    from enrollment.audit.log_store import AuditLog, audit_log_path

    path = audit_log_path(data_dir)
    if not path.exists():
        raise AuditError(f"there is no audit log at {path}")
    return AuditLog(path)


def _unlocked(log, data_dir: Path, passphrase_file: Path | None, purpose: str):  # type: ignore[no-untyped-def]
    from enrollment.audit.events import key_operation
    from enrollment.keys.kek_sources import Secrets
    from enrollment.keys.key_store import unlock_keys

    with key_operation(log, "unlock", log_success=False) as details:
        details["purpose"] = purpose
        return unlock_keys(data_dir, Secrets(passphrase=_passphrase(passphrase_file, new=False)))


@audit.command("verify")
@passphrase_file_option
def verify(passphrase_file: Path | None) -> None:
    """Prove the chain of entries and every checkpoint's signature; name the first broken entry (exit 2)."""
    from enrollment.audit.verification import verify_log

    data_dir = current_settings().data_dir
    with _existing_log(data_dir) as log:
        ring = _unlocked(log, data_dir, passphrase_file, "audit-verify")
        click.echo(verify_log(log, ring).summary(str(log.path)))


@audit.command("checkpoint")
@passphrase_file_option
def checkpoint(passphrase_file: Path | None) -> None:
    """Sign a checkpoint of the log as it is now with the kiosk's newest signing key.

    With an upstream key configured or registered, every checkpoint of the log not queued yet (this one, and one
    signed before a crash) is queued for the upstream as a checkpoint envelope: number, entry count, head hash,
    signature; no entry's content.
    """
    from enrollment.records.store import RecordStore

    settings = current_settings()
    source: CheckpointReporterSource = click.get_current_context().find_root().obj
    with _existing_log(settings.data_dir) as log:
        ring = _unlocked(log, settings.data_dir, passphrase_file, "audit-checkpoint")
        signed = log.checkpoint(ring)
        click.echo(f"checkpoint {signed.number}: {signed.entries} entries, signing key version "
                   f"{signed.key_version}")
        report = source.checkpoint_reporter(ring)
        if report is None:
            click.echo("not queued for upstream: no upstream key is configured or registered")
            return
        store = RecordStore(settings.database, ring)
        try:
            with store.transaction() as session:
                queued = report(session, log.checkpoints())
        finally:
            store.close()
    click.echo(f"{queued} checkpoint(s) queued for upstream")


@audit.command("show")
@click.option("--last", type=click.IntRange(min=1), help="Only the last N entries.")
@click.option("--kind", "kinds", multiple=True, help="Only entries of this kind (repeatable), e.g. key-operation.")
def show(last: int | None, kinds: tuple[str, ...]) -> None:
    """List the entries: number, time (UTC), kind, actor, case reference, outcome, details. Unverified: run
    `zuil audit verify` to prove them."""
    from collections import deque

    from enrollment.audit.entries import Kind, decode
    from enrollment.audit.errors import AuditLogCorrupt

    known = {k.value for k in Kind}
    for kind in kinds:
        if kind not in known:
            raise click.BadParameter(f"{kind!r}; kinds: {', '.join(sorted(known))}", param_hint="'--kind'")
    lines: deque[str] = deque(maxlen=last)
    with _existing_log(current_settings().data_dir) as log:
        for stored in log.entries():
            try:
                entry = decode(stored.data, f"entry {stored.seq}")
            except AuditLogCorrupt as exc:
                lines.append(f"{stored.seq:>6}  (unreadable: {exc})")
                continue
            if kinds and entry.kind.value not in kinds:
                continue
            details = " ".join(f"{k}={v}" for k, v in sorted(entry.details.items()))
            lines.append(f"{entry.seq:>6}  {entry.time[:19]}Z  {entry.kind.value:<18} {entry.actor:<16} "
                         f"{entry.subject or '-':<36} {entry.outcome.value:<8} {details}".rstrip())
    for line in lines:
        click.echo(line)
