"""``zuil keys``: the technician's view of the kiosk's keys (``init``, ``status``, ``rotate``, ``reseal``, ``bench``).

The key file is ``kiosk.keys`` in the data dir. A passphrase is read from ``--passphrase-file`` (its first line),
else from ``ZUIL_KEYS_PASSPHRASE``, else from a prompt with hidden input; it is asked for only when the key file
is sealed by one. The TPM is systemd's (``/dev/tpmrm0``) unless ``SYSTEMD_TPM2_DEVICE`` names another.
No command prints key material. ``init``, ``rotate`` and ``reseal`` write an entry to the data dir's audit log (also
when refused); ``init`` and ``rotate``, when they succeed, a checkpoint signed with the newest signing key.
"""

from __future__ import annotations

import os
import statistics
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from enrollment.commands import current_settings

if TYPE_CHECKING:
    from enrollment.keys.keyring import KeyRing
    from enrollment.settings import Settings

PASSPHRASE_ENV = "ZUIL_KEYS_PASSPHRASE"
PURPOSES = ("gallery", "vnumber-hmac", "signing")

passphrase_file_option = click.option(
    "--passphrase-file", type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help=f"Read the passphrase from the first line of this file (else {PASSPHRASE_ENV}, else a hidden prompt).")


def _passphrase_lines(passphrase_file: Path) -> list[str]:
    try:
        return passphrase_file.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        raise click.BadParameter(f"{passphrase_file} is not UTF-8 text", param_hint="'--passphrase-file'") from None


def _passphrase(passphrase_file: Path | None, *, new: bool, label: str = "Passphrase") -> Callable[[], str]:
    def read() -> str:
        if passphrase_file is not None:
            lines = _passphrase_lines(passphrase_file)
            return lines[0] if lines else ""
        if os.environ.get(PASSPHRASE_ENV):
            return os.environ[PASSPHRASE_ENV]
        return click.prompt(label, hide_input=True, confirmation_prompt=new)
    return read


def _audit_log(folder: Path):  # type: ignore[no-untyped-def]
    """The data dir's audit log, opened before any key is touched: a log that cannot be written stops the
    operation before it changes anything."""
    from enrollment.audit.log_store import AuditLog, audit_log_path

    return AuditLog(audit_log_path(folder))


def unlock_kiosk_keys(settings: Settings) -> KeyRing:
    """The kiosk's keys for a command that reads or writes the record store, unlocked the way the technician set
    them up (`zuil keys init`): by the TPM, or by the passphrase in ``ZUIL_KEYS_PASSPHRASE`` (asked for with hidden
    input only when there is a terminal). Missing, locked (no passphrase to be had), wrong or damaged keys: a typed
    refusal that changes nothing."""
    from enrollment.keys.errors import KeysError
    from enrollment.keys.kek_sources import Secrets
    from enrollment.keys.key_store import key_file_path, unlock_keys

    def passphrase() -> str:
        if os.environ.get(PASSPHRASE_ENV):
            return os.environ[PASSPHRASE_ENV]
        if sys.stdin.isatty():
            return click.prompt("Passphrase of the kiosk's keys", hide_input=True)
        raise KeysError(f"the kiosk's keys are locked: {key_file_path(settings.data_dir)} is sealed by a "
                        f"passphrase and there is no terminal to ask for it; set {PASSPHRASE_ENV}")

    return unlock_keys(settings.data_dir, Secrets(passphrase=passphrase))


@click.group("keys")
def keys() -> None:
    """The kiosk's keys: a master key sealed by the TPM or a passphrase, wrapping the data keys."""


@keys.command("init")
@click.option("--seal", type=click.Choice(["auto", "tpm2", "passphrase"]), default="auto", show_default=True,
              help="What seals the master key; auto: the TPM 2.0 when systemd-creds finds one, else a passphrase.")
@passphrase_file_option
def init(seal: str, passphrase_file: Path | None) -> None:
    """Make the key file: a new master key and version 1 of every data key. Refuses to replace one."""
    from enrollment.audit.events import key_operation
    from enrollment.keys.key_store import create_keys, key_file_path
    from enrollment.keys.passphrase_kek import PassphraseKek
    from enrollment.keys.tpm_kek import TpmKek, tpm2_problem

    folder = current_settings().data_dir
    with _audit_log(folder) as log:
        with key_operation(log, "init") as details:
            if key_file_path(folder).exists():  # before asking for a passphrase; create_keys checks under a lock
                from enrollment.keys.errors import KeyFileExists

                raise KeyFileExists(f"a key file exists at {key_file_path(folder)}; use `zuil keys rotate`")
            if seal == "auto":
                problem = tpm2_problem(None)
                seal = "passphrase" if problem else "tpm2"
                if problem:
                    click.echo(f"not sealing with a TPM: {problem}; sealing with a passphrase", err=True)
            kek = TpmKek() if seal == "tpm2" else PassphraseKek(_passphrase(passphrase_file, new=True)())
            ring = create_keys(folder, kek)
            details.update(sealing=ring.sealing, master_version=ring.master_version, key_file=ring.checksum)
        log.checkpoint(ring)
    click.echo(f"created {ring.path}: master key version 1 sealed by {ring.sealing}")


@keys.command("status")
def status() -> None:
    """Show the sealing, its parameters and every key's version and creation date (no secret needed)."""
    from enrollment.keys.key_store import key_file_info
    from enrollment.keys.passphrase_kek import describe

    info = key_file_info(current_settings().data_dir)
    params = info.seal_params
    seal = describe(params) if info.sealing == "passphrase" else \
        f"PCRs {params.get('pcrs')}" if info.sealing == "tpm2" else "none: demo keys, unsealed"
    click.echo(f"key file     {info.path}{'  (DEMO)' if info.demo else ''}")
    click.echo(f"created      {info.created}")
    click.echo(f"sealing      {info.sealing} ({seal})")
    click.echo(f"master key   version {info.master_version}, created {info.master_created}")
    for purpose, version, created in info.data_keys:
        click.echo(f"data key     {purpose:<13} version {version}, created {created}")
    click.echo("integrity    form and checksum good (the authentication code is checked when the keys are unlocked)")
    click.echo(f"records      {_sealed_summary(current_settings(), info.data_keys)}")


def _no_sqlite_store(settings: Settings) -> bool:
    """The record store is an SQLite file that does not exist (yet)."""
    from sqlalchemy import make_url

    url = make_url(settings.database)
    return url.get_backend_name() == "sqlite" and not (url.database and Path(url.database).exists())


def _sealed_summary(settings: Settings, data_keys: tuple[tuple[str, int, str], ...]) -> str:
    """How many of the record's sealed fields are under an older gallery key version than the newest."""
    from sqlalchemy.exc import SQLAlchemyError

    from enrollment.records.reseal import sealed_versions
    from enrollment.records.store import make_engine

    if _no_sqlite_store(settings):
        return "no record store yet"
    newest = max((version for purpose, version, _ in data_keys if purpose == "gallery"), default=0)
    engine = make_engine(settings.database)
    try:
        with engine.connect() as conn:
            counts = sealed_versions(conn)
    except SQLAlchemyError:
        return "the record store is not at the current schema (run `zuil db upgrade`)"
    finally:
        engine.dispose()
    old = sum(n for version, n in counts.resealed.items() if version != newest)
    kept = sum(n for version, n in counts.kept.items() if version != newest)
    by_version = ", ".join(f"v{v}: {n}" for v, n in sorted((counts.resealed + counts.kept).items())) or "none"
    return (f"{old} sealed fields under an older gallery key version than {newest}"
            f"{' (run `zuil keys reseal`)' if old else ''}; {kept} consent signatures and reasons keep theirs "
            f"(sealed fields by version: {by_version})")


@keys.command("rotate")
@click.option("--master", "master_only", is_flag=True, help="Only a new master key (data keys rewrapped).")
@click.option("--data", "purposes", multiple=True, type=click.Choice(PURPOSES),
              help="Only a new version of this data key (repeatable).")
@click.option("--new-passphrase", is_flag=True,
              help="Seal the new master key with a new passphrase (asked for; or the second line of "
                   "--passphrase-file).")
@passphrase_file_option
def rotate(master_only: bool, purposes: tuple[str, ...], new_passphrase: bool, passphrase_file: Path | None) -> None:
    """New master key and new versions of every data key (or only those named). Old data-key versions stay
    readable; new writes use the newest. The key file is replaced in one atomic rename."""
    from enrollment.audit.key_rotation import rotate_audited
    from enrollment.keys.kek_sources import Secrets
    from enrollment.keys.keyring import Purpose
    from enrollment.keys.passphrase_kek import PassphraseKek

    master = master_only or not purposes or new_passphrase
    chosen = [Purpose(p) for p in purposes] if purposes or master_only else list(Purpose)
    new_kek = PassphraseKek(_new_passphrase(passphrase_file)) if new_passphrase else None
    folder = current_settings().data_dir
    with _audit_log(folder) as log:
        ring = rotate_audited(log, folder, Secrets(passphrase=_passphrase(passphrase_file, new=False)),
                              master=master, purposes=chosen, new_kek=new_kek)
    versions = ", ".join(f"{purpose} v{ring.current(purpose).version}" for purpose in Purpose)
    click.echo(f"rotated {ring.path}: master key version {ring.master_version}; new writes use {versions}")
    if Purpose.GALLERY in chosen:
        click.echo("rows sealed under older gallery key versions stay readable; `zuil keys reseal` seals them again")


@keys.command("reseal")
@click.option("--batch-rows", default=500, show_default=True, type=click.IntRange(1, 1_000_000),
              help="Rows per transaction.")
@passphrase_file_option
def reseal(batch_rows: int, passphrase_file: Path | None) -> None:
    """Seal every field of the record that is still under an older gallery key version again under the newest
    (and V-number lookup hashes under the newest HMAC key), in batches of one transaction each, while the kiosk
    goes on reading. Interrupted, it goes on where it stopped when run again. Consent signatures keep their
    version (consent records are immutable). A field that does not open is named and left as it is (exit 2)."""
    from enrollment.audit.events import key_operation
    from enrollment.audit.key_rotation import log_unlogged_key_file
    from enrollment.errors import StorageError
    from enrollment.keys.kek_sources import Secrets
    from enrollment.keys.key_store import key_file_info, unlock_keys
    from enrollment.records.reseal import SealedFieldsNotResealed
    from enrollment.records.reseal import reseal as reseal_record
    from enrollment.records.store import RecordStore

    settings = current_settings()
    folder = settings.data_dir
    with _audit_log(folder) as log, key_operation(log, "reseal") as details:
        log_unlogged_key_file(log, folder)
        if _no_sqlite_store(settings):
            raise StorageError(f"there is no record store in {folder}: nothing to seal again")
        ring = unlock_keys(folder, Secrets(passphrase=_passphrase(passphrase_file, new=False)),
                           demo=key_file_info(folder).demo)
        store = RecordStore(settings.database, ring, auto_upgrade=False)
        try:
            done = reseal_record(store, batch_rows=batch_rows)
        finally:
            store.close()
        details.update(gallery_version=done.gallery_version, fields=done.fields, lookups=done.lookups,
                       batches=done.batches, refused=len(done.refused))
        if done.refused:
            raise SealedFieldsNotResealed(
                f"{len(done.refused)} sealed fields do not open and were left as they are (first: "
                f"{done.refused[0]}); {done.fields} others sealed again under gallery key version "
                f"{done.gallery_version}")
    click.echo(f"sealed {done.fields} fields again under gallery key version {done.gallery_version} and "
               f"{done.lookups} V-number lookups under the newest HMAC key, in {done.batches} batches")


def _new_passphrase(passphrase_file: Path | None) -> str:
    if passphrase_file is not None:
        lines = _passphrase_lines(passphrase_file)
        if len(lines) < 2:
            raise click.BadParameter("with --new-passphrase the file's second line is the new passphrase",
                                     param_hint="'--passphrase-file'")
        return lines[1]
    return click.prompt("New passphrase", hide_input=True, confirmation_prompt=True)


@keys.command("bench")
@click.option("--runs", default=3, show_default=True, type=click.IntRange(1, 20), help="Derivations to time.")
def bench(runs: int) -> None:
    """Time one Argon2id derivation of the passphrase key with this build's parameters on this machine."""
    from enrollment.keys import parameters as p
    from enrollment.keys.passphrase_kek import seconds_per_derivation

    times = seconds_per_derivation(runs)
    click.echo(f"Argon2id: {p.ARGON2_MEMORY_KIB // 1024} MiB, time cost {p.ARGON2_TIME_COST}, parallelism "
               f"{p.ARGON2_PARALLELISM}, {os.cpu_count()} CPUs: median {statistics.median(times):.3f} s "
               f"(min {min(times):.3f}, max {max(times):.3f}, {runs} runs)")
