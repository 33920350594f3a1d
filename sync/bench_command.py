"""``zuil bench sync``: the sync targets measured, one mode per run. ``--ingest`` is the upstream's side
(envelopes/s into its database, :func:`sync.upstream.commands.ingest_bench`), ``--drain`` the kiosk's (an outbox
backlog drained to a real upstream on loopback, :func:`sync.bench.drain_bench`), ``--feed`` one gallery feed delta
applied by a kiosk (:func:`sync.feed_bench.feed_bench`)."""

from __future__ import annotations

import click

from sync.batch import MAX_BATCH, MAX_BATCH_ENVELOPES

DEFAULT_ENVELOPES = {"ingest": 2000, "drain": 10_000, "feed": 10_000}


@click.command("sync")
@click.option("--ingest", "mode", flag_value="ingest", help="Measure envelopes/s into the upstream's database.")
@click.option("--drain", "mode", flag_value="drain", help="Time one uploader draining an outbox backlog.")
@click.option("--feed", "mode", flag_value="feed", help="Time a kiosk applying one feed delta of enrolments.")
@click.option("--database", default=None,
              help="With --ingest (required): SQLAlchemy URL of an empty or upstream database to fill.")
@click.option("--envelopes", default=None, type=click.IntRange(1, 1_000_000),
              help="Envelopes in all (default: 2000 with --ingest, 10000 with --drain); with --feed, enrolments "
                   "in the delta (default 10000).")
@click.option("--kiosks", default=4, show_default=True, type=click.IntRange(1, 64),
              help="With --ingest: kiosks sending at once.")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64),
              help="With --ingest: service workers.")
@click.option("--batch", default=MAX_BATCH, show_default=True, type=click.IntRange(1, MAX_BATCH_ENVELOPES),
              help="With --ingest or --drain: envelopes per request (1: one per request, POST /v1/envelopes).")
def bench_sync(mode: str | None, database: str | None, envelopes: int | None, kiosks: int, workers: int,
               batch: int) -> None:
    """Measure sync: --ingest (upstream envelopes/s over mutual TLS, several workers on one database) or --drain
    (the kiosk's uploader draining a backlog to a throw-away upstream on loopback) or --feed (a kiosk applying
    one gallery feed delta: verify, open, store, index). Prints machine, method and figure."""
    if mode is None:
        raise click.UsageError("give --ingest, --drain or --feed")
    count = envelopes or DEFAULT_ENVELOPES[mode]
    if mode == "ingest":
        if not database:
            raise click.UsageError("--ingest needs --database URL")
        from sync.upstream.commands import ingest_bench

        ingest_bench(database, count, kiosks, workers, batch)
    elif mode == "feed":
        from sync.feed_bench import feed_bench

        feed_bench(count)
    else:
        from sync.bench import drain_bench

        drain_bench(count, batch)
