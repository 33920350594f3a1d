"""``zuil upstream``: the upstream's reference service (registered by the root, ``kiosk.cli``). Every command
takes the upstream folder (``--dir``, env ``ZUIL_UPSTREAM_DIR``) and imports its modules inside the function."""

from __future__ import annotations

import json

import click

DIR = click.option("--dir", "folder", required=True, envvar="ZUIL_UPSTREAM_DIR", type=click.Path(file_okay=False),
                   help="The upstream folder (made by `zuil upstream init`). Env: ZUIL_UPSTREAM_DIR.")


def _open(folder: str):  # type: ignore[no-untyped-def]
    from sync.upstream import database
    from sync.upstream.folder import open_folder

    upstream = open_folder(folder)
    engine = database.make_engine(upstream.database)
    database.require_current(engine)
    return upstream, engine


@click.group("upstream")
def upstream() -> None:
    """The upstream's reference service: kiosk registration and envelope intake over mutual TLS (PROTOCOL.md)."""


@upstream.command("init")
@DIR
@click.option("--id", "upstream_id", required=True, help="The upstream's id (3-40 of a-z, 0-9, '-'), e.g. avim.")
@click.option("--host", "hosts", multiple=True, required=True,
              help="A DNS name or IP address the kiosks reach the upstream by (repeatable; the first is the one the "
                   "registration answer names).")
@click.option("--database", help="SQLAlchemy URL of the upstream's database. Default: upstream.sqlite3 in the folder.")
def init(folder: str, upstream_id: str, hosts: tuple[str, ...], database: str | None) -> None:
    """Make the upstream folder: CA (ECDSA P-256), TLS server certificate for the hosts, receipt key (Ed25519,
    version 1), sealing key (X25519), empty CRL, settings, and the database at the newest schema.

    The private keys are files in the clear (mode 0600) in the folder: the reference service has no HSM."""
    from pathlib import Path

    from sync.upstream.authority import fingerprint
    from sync.upstream.init import init_upstream

    made = init_upstream(Path(folder), upstream_id, hosts, database)
    click.echo(f"upstream {made.upstream_id} in {made.path}\nca-sha256  {fingerprint(made.ca_certificate())}")


@upstream.group("db")
def db() -> None:
    """The upstream's database schema."""


@db.command("upgrade")
@DIR
def db_upgrade(folder: str) -> None:
    """Bring the upstream's database to this program's schema (init does this for a new folder)."""
    from sync.upstream import database
    from sync.upstream.folder import open_folder

    database.upgrade(open_folder(folder).database)
    click.echo(f"upstream database at schema {database.head_revision()}")


@upstream.command("serve")
@DIR
@click.option("--service-port", required=True, type=click.IntRange(1, 65535), help="Port of the service listener.")
@click.option("--registration-port", required=True, type=click.IntRange(1, 65535),
              help="Port of the registration listener.")
@click.option("--bind", default="127.0.0.1", show_default=True, help="Address both listeners bind to.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes of the service listener.")
def serve(folder: str, service_port: int, registration_port: int, bind: str, workers: int) -> None:
    """Run both listeners until SIGTERM or SIGINT: the service (mutual TLS, CRL checked) with WORKERS processes, and
    the registration listener (server certificate only) in a process of its own. SIGHUP replaces the service's
    workers, which read the CRL again."""
    from sync.upstream.folder import open_folder
    from sync.upstream.server import serve as run

    run(open_folder(folder), bind=bind, service_port=service_port, registration_port=registration_port,
        workers=workers)


@upstream.command("register-kiosk")
@click.argument("kiosk_id")
@DIR
def register_kiosk(kiosk_id: str, folder: str) -> None:
    """Issue a one-time enrollment token for KIOSK_ID (valid 72 hours) and print it with the CA fingerprint."""
    import datetime

    from sync.upstream.authority import fingerprint
    from sync.upstream.registration import issue_token

    made, engine = _open(folder)
    try:
        token = issue_token(engine, kiosk_id, datetime.datetime.now(datetime.UTC))
    finally:
        engine.dispose()
    click.echo(f"token      {token}\nca-sha256  {fingerprint(made.ca_certificate())}")


@upstream.command("revoke")
@click.argument("kiosk_id")
@DIR
def revoke(kiosk_id: str, folder: str) -> None:
    """Revoke KIOSK_ID: the service refuses it (403) at once; the CRL is rewritten, and the TLS handshake refuses it
    once the service's workers are replaced (SIGHUP to `zuil upstream serve`) or the service is restarted."""
    from sync.upstream.admin import revoke as revoke_kiosk

    made, engine = _open(folder)
    try:
        revoke_kiosk(engine, made, kiosk_id)
    finally:
        engine.dispose()
    click.echo(f"kiosk {kiosk_id} revoked; send SIGHUP to `zuil upstream serve` (or restart it) to refuse it in the "
               "TLS handshake too")


def _listing(folder: str, what: str, as_json: bool) -> None:
    from sync.upstream import admin

    _made, engine = _open(folder)
    try:
        rows = {"kiosks": admin.kiosk_list, "chains": admin.chain_list, "hits": admin.hits}[what](engine)
    finally:
        engine.dispose()
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    for row in rows:
        faults = row.pop("faults", [])
        checkpoint = row.pop("checkpoint", None)
        click.echo("  ".join(f"{key}={value}" for key, value in row.items()))
        if checkpoint is not None:
            click.echo("    checkpoint " + "  ".join(f"{key}={value}" for key, value in checkpoint.items()))
        for fault in faults:
            click.echo("    fault " + "  ".join(f"{key}={value}" for key, value in fault.items()))


JSON = click.option("--json", "as_json", is_flag=True, help="Print JSON.")


@upstream.command("kiosks")
@DIR
@JSON
def kiosks(folder: str, as_json: bool) -> None:
    """List the registered kiosks: state, certificate serial, registered and revoked times."""
    _listing(folder, "kiosks", as_json)


@upstream.command("chains")
@DIR
@JSON
def chains(folder: str, as_json: bool) -> None:
    """List each kiosk's chain: sequence number held, head hash, deletion envelopes received, its last audit
    checkpoint (number, entries, head, time, whether the signature verifies) and every recorded fault (gap, fork,
    replay, invalid)."""
    _listing(folder, "chains", as_json)


@upstream.command("hits")
@DIR
@JSON
def hits(folder: str, as_json: bool) -> None:
    """List the identification envelopes whose decision is a hit: kiosk, sequence number, intake, time (no
    personal data)."""
    _listing(folder, "hits", as_json)


def ingest_bench(database: str, envelopes: int, kiosks: int, workers: int, batch: int = 1) -> None:
    """Envelopes per second into the upstream's database over real mutual TLS: a throw-away upstream folder on
    ``database``, `zuil upstream serve` with ``workers`` on loopback, ``kiosks`` registered kiosks each sending its
    chain over one kept-alive connection, all at once, ``batch`` envelopes per request. Prints machine, method and
    figure."""
    from sync.upstream.bench import bench_ingest, machine

    figure = bench_ingest(database, envelopes=envelopes, kiosks=kiosks, workers=workers, batch=batch)
    click.echo(f"machine  {machine()}\n"
               f"method   {figure.kiosks} kiosks x {figure.envelopes // figure.kiosks} envelopes over mutual TLS "
               f"(one kept-alive connection each, at once, {figure.batch} per request), {figure.workers} service "
               f"workers, {figure.dialect}\n"
               f"figure   {figure.per_second:.0f} envelopes/s ({figure.envelopes} in {figure.seconds:.1f} s)")


@upstream.command("monitor")
@DIR
@click.option("--reference-date", required=True, help="Count what happened on or before this date (UTC), YYYY-MM-DD.")
@click.option("--out", type=click.Path(file_okay=False), help="Output folder. Default: ./monitor-<reference date>.")
@click.option("--min-cell", default=5, show_default=True, type=click.IntRange(1, 1000),
              help="Counts from 1 to MIN_CELL - 1 are written as <MIN_CELL; totals that cover one are withheld.")
def monitor(folder: str, reference_date: str, out: str | None, min_cell: int) -> None:
    """The national monitor as of the reference date: intakes, persons, re-entries and cross-LVV duplicates by
    location and quarter, intakes by identification outcome and by officer's decision per location, as CSV (the
    definitions written above each table), definitions.md and a PNG chart; counts only, small cells suppressed."""
    import datetime
    from pathlib import Path

    from sync.upstream.errors import UpstreamError
    from sync.upstream.monitor import monitor as count
    from sync.upstream.monitor import shown, write_monitor

    try:
        date = datetime.date.fromisoformat(reference_date)
    except ValueError:
        raise UpstreamError(f"--reference-date {reference_date!r} is not a date (YYYY-MM-DD)") from None
    made, engine = _open(folder)
    try:
        result = count(engine, made.sealing_key(), date)
    finally:
        engine.dispose()
    target = Path(out) if out else Path(f"monitor-{date.isoformat()}")
    written = write_monitor(result, target, min_cell)
    total = result.tables[0].rows[-1][2]  # the national intakes
    click.echo(f"monitor    reference date {date.isoformat()}, min cell {min_cell}\n"
               f"intakes    {shown(total, min_cell)} at {len({loc for loc, _q in result.intakes})} locations\n"
               + "\n".join(f"wrote      {path}" for path in written))
