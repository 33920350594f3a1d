"""``zuil sync``: the outbox of signed envelopes and its delivery upstream (registered by the root, ``kiosk.cli``;
reads the enrollment part's settings through :func:`enrollment.commands.current_settings`)."""

from __future__ import annotations

import json
import signal
import threading
from pathlib import Path

import click

from enrollment.commands import current_settings


@click.group("sync")
def sync() -> None:
    """The outbox of signed envelopes and its delivery to the upstream (register, run, status)."""


def _engine(settings):  # type: ignore[no-untyped-def]
    """An engine on the record database, refused unless it is at this program's schema."""
    from enrollment.errors import StorageError
    from enrollment.records import store

    engine = store.make_engine(settings.database)
    if (revision := store.current_revision(engine)) != store.head_revision():
        engine.dispose()
        raise StorageError(f"the database {store.redact(settings.database)} is at schema {revision or 'none'}, "
                           f"this program needs {store.head_revision()}: run `zuil db upgrade`")
    return engine


@sync.command("register")
@click.option("--upstream", required=True, help="The upstream's registration listener, https://HOST:PORT.")
@click.option("--token", required=True, help="The one-time enrollment token `zuil upstream register-kiosk` printed.")
@click.option("--ca-sha256", required=True, help="The SHA-256 of the upstream's CA certificate it printed (hex).")
def register(upstream: str, token: str, ca_sha256: str) -> None:
    """Register this kiosk with an upstream: fetch its CA (refused unless its fingerprint is --ca-sha256), send a
    new TLS key's CSR and the kiosk's signing public keys with the token, and store the answer in
    <data dir>/upstream/ (the TLS key encrypted). Registering again replaces the registration. Needs the keys."""
    from enrollment.commands.keys import unlock_kiosk_keys
    from sync.register import register as register_kiosk

    settings = current_settings()
    ring = unlock_kiosk_keys(settings)
    done = register_kiosk(Path(settings.data_dir), ring, kiosk_id=settings.kiosk_id, upstream=upstream,
                          token=token, ca_sha256=ca_sha256)
    click.echo(f"registered {done.kiosk_id} with upstream {done.upstream_id} ({done.service_url}); "
               f"stored in {done.folder.parent}")


@sync.command("run")
@click.option("--once", is_flag=True, help="Stop at the first attempt that does not deliver (empty, failed).")
@click.option("--until-empty", is_flag=True, help="Wait out failures (backoff) and stop when the outbox is empty.")
@click.option("--max-seconds", type=click.FloatRange(min=0), help="Stop after this many seconds.")
def run(once: bool, until_empty: bool, max_seconds: float | None) -> None:
    """Deliver the queued envelopes to the registered upstream in the foreground (SIGTERM or Ctrl-C stop it
    between attempts). Without --once or --until-empty it keeps running and looks for new envelopes every few
    seconds. Clears a stop for a person (the last error stays shown). Exit 2 when delivery is stopped."""
    from enrollment.commands.keys import unlock_kiosk_keys
    from sync import upload_state
    from sync.batch import MAX_BATCH
    from sync.errors import DeliveryStopped, RegistrationError
    from sync.registration import load_registration, tls_key_password
    from sync.uploader import Outcome, Uploader
    from sync.worker import drain

    settings = current_settings()
    registration = load_registration(Path(settings.data_dir))
    if registration.kiosk_id != settings.kiosk_id:
        raise RegistrationError(f"the registration in {registration.folder.parent} is for kiosk "
                                f"{registration.kiosk_id}, this kiosk is {settings.kiosk_id}: register again")
    ring = unlock_kiosk_keys(settings)
    engine = _engine(settings)
    stop = threading.Event()
    previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
    uploader = Uploader(engine, registration, tls_key_password(ring, registration.password_signing_version),
                        max_batch=MAX_BATCH)
    try:
        from sqlalchemy.orm import Session

        with Session(engine) as session, session.begin():
            upload_state.resume(session, settings.kiosk_id)
        try:
            done = drain(uploader, stop, once=once, until_empty=until_empty, max_seconds=max_seconds)
        except KeyboardInterrupt:
            return
    finally:
        signal.signal(signal.SIGTERM, previous)
        uploader.close()
        engine.dispose()
    click.echo(f"delivered {done.delivered}, failed attempts {done.failures}, now {done.outcome}")
    if done.outcome is Outcome.STOPPED:
        reason = done.reasons[-1] if done.reasons else "see `zuil sync status`"
        raise DeliveryStopped(f"delivery to {registration.upstream_id} stopped until a person looks: {reason}")


@sync.command("feed")
@click.option("--once", is_flag=True, help="Fetch and apply one delta only.")
def feed(once: bool) -> None:
    """Fetch the gallery feed (persons enrolled at other kiosks, and withdrawals) from the registered upstream,
    verify each delta's signature and apply it to the record store in one transaction; prints what changed and
    the cursor now held. Needs the keys."""
    from enrollment.commands.keys import unlock_kiosk_keys
    from enrollment.records.store import RecordStore
    from sync.errors import RegistrationError
    from sync.feed_pull import FeedPuller
    from sync.registration import load_registration

    settings = current_settings()
    registration = load_registration(Path(settings.data_dir))
    if registration.kiosk_id != settings.kiosk_id:
        raise RegistrationError(f"the registration in {registration.folder.parent} is for kiosk "
                                f"{registration.kiosk_id}, this kiosk is {settings.kiosk_id}: register again")
    ring = unlock_kiosk_keys(settings)
    records = RecordStore(settings.database, ring, auto_upgrade=False)
    puller = FeedPuller(records, registration, ring)
    try:
        done = puller.pull(once=once)
    finally:
        puller.close()
        records.close()
    click.echo(f"feed from {registration.upstream_id}: {done.deltas} delta(s), {done.added} person(s) added, "
               f"{done.withdrawn} withdrawn or deleted, cursor {done.cursor}")


@sync.command("status")
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON.")
def status(as_json: bool) -> None:
    """Show this kiosk's outbox: envelopes queued and delivered, the oldest queued one's age, the chain's last
    sequence number and head hash, the uploader's registered upstream, last success, last error and next
    attempt, and the gallery feed's cursor held. Reads the record database and the registration only (no keys
    needed)."""
    from sqlalchemy.orm import Session

    from sync.registration import is_registered, load_registration
    from sync.status import outbox_status

    settings = current_settings()
    registration = load_registration(Path(settings.data_dir)) if is_registered(Path(settings.data_dir)) else None
    engine = _engine(settings)
    try:
        with Session(engine) as session:
            report = outbox_status(session, settings.kiosk_id, registration=registration)
    finally:
        engine.dispose()
    if as_json:
        click.echo(json.dumps(report, indent=2))
        return
    age = report["oldest_queued_age_s"]
    click.echo(f"kiosk            {report['kiosk_id']}\n"
               f"upstream         {report['upstream'] or 'not registered (`zuil sync register`)'}\n"
               f"queued           {report['queued']}\n"
               f"delivered        {report['delivered']}\n"
               f"oldest queued    {'-' if age is None else f'{age} s ago'}\n"
               f"last sequence    {report['last_sequence']}\n"
               f"chain head       {report['chain_head_sha256']}\n"
               f"last success     {report['last_success'] or 'never'}\n"
               f"last error       {report['last_error'] or '-'}\n"
               f"next attempt     {report['next_attempt'] or '-'}\n"
               f"feed cursor      {report['feed_cursor']}"
               + ("\ndelivery         STOPPED until a person looks, then `zuil sync run`" if report["stopped"] else ""))
