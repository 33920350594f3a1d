"""``zuil bench sync --drain``: how long the uploader takes to drain a backlog to a real upstream over loopback.

Makes a throw-away upstream (``zuil upstream init`` and ``serve``, run as subprocesses of this program on two free
loopback ports, SQLite database) and a throw-away kiosk (demo keys, SQLite record), registers the kiosk, appends
the backlog through the real outbox (not timed), then times one uploader draining it (mutual TLS, one kept-alive
connection, batches of up to ``--batch`` envelopes per request, a verified receipt stored per envelope) and checks
that the upstream holds every envelope; it prints the seconds and the uploader's CPU seconds.
"""

from __future__ import annotations

import random
import tempfile
import threading
import time
from pathlib import Path
from uuid import uuid4

import click

from sync.errors import SyncError
from sync.loopback import loopback_upstream

KIOSK = "zuil-bench-01"


def drain_bench(envelopes: int, batch: int) -> None:
    """Drain a backlog of ENVELOPES to a throw-away upstream on loopback, up to ``batch`` envelopes per request (1:
    one per request, ``POST /v1/envelopes``); print the machine, method and seconds."""
    from sqlalchemy import create_engine, text

    from enrollment.evaluation.machine import describe
    from enrollment.keys.demo_keys import open_demo_keys
    from enrollment.records.store import RecordStore
    from sync.kinds import EnvelopeKind
    from sync.outbox import Sender, append
    from sync.payloads import Report
    from sync.register import register
    from sync.registration import load_registration, tls_key_password
    from sync.uploader import Uploader
    from sync.upstream_key import load_upstream_key
    from sync.worker import drain

    machine = describe()
    with tempfile.TemporaryDirectory(prefix="zuil-bench-sync-") as temp:
        folder = Path(temp)
        up = folder / "upstream"
        with loopback_upstream(up, "bench") as upstream:
            token = upstream.token_for(KIOSK)
            data = folder / "kiosk" / "demo"
            ring = open_demo_keys(data)
            register(data, ring, kiosk_id=KIOSK, upstream=upstream.registration_url, token=token,
                     ca_sha256=upstream.ca_sha256)
            registration = load_registration(data)
            records = RecordStore(f"sqlite:///{data / 'bench.sqlite3'}", ring)
            sender = Sender(KIOSK, ring, load_upstream_key(registration.sealing_key))
            rng = random.Random(15)
            for start in range(0, envelopes, 500):
                with records.transaction() as session:
                    for i in range(start, min(start + 500, envelopes)):
                        append(session, sender, Report(EnvelopeKind.CONSENT, str(uuid4()), {"n": i},
                                                       {"note": rng.randbytes(200)}))
            uploader = Uploader(records.engine, registration,
                                tls_key_password(ring, registration.password_signing_version), max_batch=batch)
            began, cpu = time.perf_counter(), time.process_time()
            done = drain(uploader, threading.Event(), until_empty=True)
            seconds, cpu = time.perf_counter() - began, time.process_time() - cpu
            uploader.close()
            records.close()
            engine = create_engine(f"sqlite:///{up / 'upstream.sqlite3'}")
            with engine.connect() as conn:
                held = conn.execute(text("SELECT count(*) FROM envelopes")).scalar_one()
            engine.dispose()
    for line in machine:
        click.echo(line)
    click.echo(f"method: {envelopes} envelopes queued in a SQLite kiosk record, drained by one uploader over "
               f"mutual TLS on loopback to `zuil upstream serve` (1 service worker, SQLite) on this machine; "
               f"a verified receipt stored per envelope; up to {batch} envelopes per request")
    click.echo(f"delivered {done.delivered}, failed attempts {done.failures}, upstream holds {held}")
    click.echo(f"seconds: {seconds:.1f} ({done.delivered / seconds:.0f} envelopes/s); the kiosk's CPU seconds: "
               f"{cpu:.1f}")
    if held != envelopes or done.delivered != envelopes:
        raise SyncError(f"the bench upstream holds {held} of {envelopes} envelopes")
