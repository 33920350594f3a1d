"""The kiosk's uploader against the real upstream service on loopback (``zuil upstream serve`` in a subprocess):
registration through the registration listener, envelopes appended with the real outbox, and ``zuil sync run``
delivering every one exactly once -- also through cut connections, an upstream database that goes away (503) and
an upstream that is stopped and started, and an uploader killed with SIGKILL at seeded random moments."""

from __future__ import annotations

import random
import signal
import subprocess
import threading
import time
from dataclasses import replace

import pytest
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.orm import Session

from sync.chain import verify_chain
from sync.outbox import signing_keys
from sync.receipt import verified_receipt
from sync.registration import load_registration, tls_key_password
from sync.upload_state import read_state
from sync.uploader import Uploader
from sync.worker import drain
from tests.sync.upload_harness import CuttingProxy, Kiosk, Upstream, zuil_command

pytestmark = pytest.mark.timeout(900)


@pytest.fixture
def upstream(tmp_path):
    server = Upstream(tmp_path / "upstream")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def kiosk(tmp_path):
    made = Kiosk(tmp_path / "kiosk" / "data")
    yield made
    made.close()


def _exactly_once(kiosk: Kiosk, upstream: Upstream, count: int) -> int:
    """Every envelope held once upstream, in an unbroken chain, with the receipt the kiosk stored; returns how
    many."""
    held, delivered = upstream.held(kiosk.kiosk_id), kiosk.delivered()
    assert [row[0] for row in held] == list(range(1, count + 1))  # no loss, no duplicate
    assert [row[:3] for row in held] == [row[:3] for row in delivered]  # the same envelopes, byte for byte
    assert verify_chain([row[2] for row in held], keys=signing_keys(kiosk.ring), kiosk_id=kiosk.kiosk_id).length \
        == count
    keys = load_registration(kiosk.data).receipt_keys
    for (_seq, _id, envelope, receipt), (_s, _i, _e, upstream_receipt) in zip(delivered, held, strict=True):
        assert receipt == upstream_receipt  # a repeat got the first receipt's bytes
        verified_receipt(receipt, keys=keys, envelope=envelope)
    assert upstream.faults() == 0
    return count


def _uploader(kiosk: Kiosk, *, port: int | None = None, seed: int = 1, max_batch: int = 1) -> Uploader:
    registration = load_registration(kiosk.data)
    if port is not None:
        registration = replace(registration, service_url=f"https://127.0.0.1:{port}")
    return Uploader(kiosk.records.engine, registration,
                    tls_key_password(kiosk.ring, registration.password_signing_version), rng=random.Random(seed),
                    max_batch=max_batch)


def test_a_registered_kiosk_delivers_its_outbox_exactly_once(upstream, kiosk):
    kiosk.register(upstream)
    status = kiosk.zuil("sync", "status")
    assert "upstream         avim (https://127.0.0.1:" in status.stdout and "last success     never" in status.stdout
    kiosk.append(25)
    run = kiosk.zuil("sync", "run", "--until-empty", "--max-seconds", "600")
    assert run.returncode == 0, run.stderr
    assert "delivered 25" in run.stdout
    _exactly_once(kiosk, upstream, 25)
    again = kiosk.zuil("sync", "run", "--once")
    assert again.returncode == 0 and "delivered 0" in again.stdout
    status = kiosk.zuil("sync", "status", "--json").stdout
    assert '"queued": 0' in status and '"delivered": 25' in status and '"last_success": "20' in status


def test_a_wrong_fingerprint_or_a_used_token_is_refused(upstream, kiosk):
    token = upstream.token(kiosk.kiosk_id)
    url = f"https://127.0.0.1:{upstream.registration_port}"
    wrong = kiosk.zuil("sync", "register", "--upstream", url, "--token", token, "--ca-sha256", "00" * 32)
    assert wrong.returncode == 2 and "not the --ca-sha256 given" in wrong.stderr
    assert not (kiosk.data / "upstream").exists()
    assert kiosk.zuil("sync", "register", "--upstream", url, "--token", token, "--ca-sha256",
                      upstream.ca_sha256).returncode == 0
    used = kiosk.zuil("sync", "register", "--upstream", url, "--token", token, "--ca-sha256", upstream.ca_sha256)
    assert used.returncode == 2 and "HTTP 403" in used.stderr and len(used.stderr.strip().splitlines()) == 1


def test_cut_connections_deliver_exactly_once_with_the_same_receipt(upstream, kiosk, count=30):
    kiosk.register(upstream)
    kiosk.append(count)
    answered_lost = []  # at each cut: did the upstream hold more than the kiosk knew (a repeat will follow)?
    proxy = CuttingProxy(upstream.service_port, seed=15, p=0.3,
                         on_cut=lambda: answered_lost.append(len(upstream.held(kiosk.kiosk_id))
                                                             > kiosk.delivered_count()))
    uploader = _uploader(kiosk, port=proxy.port)
    try:
        done = drain(uploader, threading.Event(), until_empty=True, max_seconds=600)
    finally:
        uploader.close()
        proxy.close()
    assert done.delivered == count and proxy.cuts > 0 and done.failures == proxy.cuts
    _exactly_once(kiosk, upstream, count)
    print(f"cut connections: {proxy.cuts} of {proxy.connections}; repeats answered with the same receipt: "
          f"{sum(answered_lost)}")
    assert sum(answered_lost) > 0


def test_batches_through_cut_connections_deliver_exactly_once_with_the_same_receipts(upstream, kiosk, count=30):
    kiosk.register(upstream)
    kiosk.append(count)
    answered_lost = []
    proxy = CuttingProxy(upstream.service_port, seed=16, p=0.3,
                         on_cut=lambda: answered_lost.append(len(upstream.held(kiosk.kiosk_id))
                                                             > kiosk.delivered_count()))
    uploader = _uploader(kiosk, port=proxy.port, max_batch=8)
    sizes = []
    try:
        done = drain(uploader, threading.Event(), until_empty=True, max_seconds=600,
                     on_attempt=lambda _outcome: sizes.append(kiosk.delivered_count()))
    finally:
        uploader.close()
        proxy.close()
    assert done.delivered == count and proxy.cuts > 0 and done.failures == proxy.cuts
    _exactly_once(kiosk, upstream, count)
    marked = [after - before for before, after in zip([0, *sizes], sizes, strict=False) if after > before]
    print(f"batches: cut connections {proxy.cuts} of {proxy.connections}; repeats answered with the same "
          f"receipts: {sum(answered_lost)}; envelopes marked per delivery: {marked}")
    assert sum(answered_lost) > 0 and max(marked) > 1


def test_an_upstream_stopped_and_started_again_loses_and_doubles_nothing(upstream, kiosk):
    kiosk.register(upstream)
    kiosk.append(12)
    uploader = _uploader(kiosk)
    try:
        for _ in range(4):
            assert uploader.attempt().outcome == "delivered"
        upstream.stop()
        failed = uploader.attempt()
        assert failed.outcome == "failed" and "ConnectError" in (failed.reason or "")
        with Session(kiosk.records.engine) as session:
            state = read_state(session, kiosk.kiosk_id)
        assert state.attempts == 1 and state.next_attempt_at is not None and "ConnectError" in state.last_error
        assert uploader.attempt().outcome == "waiting"  # the backoff's wait, kept in the database
        upstream.start()
        done = drain(uploader, threading.Event(), until_empty=True, max_seconds=600)
    finally:
        uploader.close()
    assert done.delivered == 8
    _exactly_once(kiosk, upstream, 12)


def test_a_kill_9_at_random_moments_loses_and_doubles_nothing(upstream, kiosk, count=40):
    """``zuil sync run`` killed with SIGKILL at random moments, again and again, until the outbox is empty. While
    fewer than three kills have landed when it empties (a run can carry the rest in one batch and exit before the
    kill), more envelopes are added: the test is about the kills, so it does not race the machine's speed."""
    kiosk.register(upstream)
    kiosk.append(count)
    total = count
    rng = random.Random(2026)
    kills = runs = 0
    while True:
        runs += 1
        assert runs < 4 * count, "the outbox did not drain"
        before = kiosk.delivered_count()
        process = subprocess.Popen(zuil_command("sync", "run", "--until-empty", "--max-seconds", "600"),
                                   env=kiosk.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        target = before + rng.randint(1, 12)
        deadline = time.monotonic() + 300
        while process.poll() is None and kiosk.delivered_count() < target and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(rng.uniform(0, 0.05))
        if process.poll() is None and kiosk.delivered_count() < total:
            process.send_signal(signal.SIGKILL)
            process.wait()
            kills += 1
            continue
        _out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
        if kiosk.delivered_count() == total:
            if kills >= 3:
                break
            kiosk.append(count, seed=runs)
            total += count
    _exactly_once(kiosk, upstream, total)
    print(f"kill -9: {kills} kills over {runs} runs, {total} envelopes delivered exactly once")
    assert kills >= 3


def test_sigterm_stops_the_uploader_cleanly(upstream, kiosk):
    kiosk.register(upstream)
    process = subprocess.Popen(zuil_command("sync", "run"), env=kiosk.env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    kiosk.append(3)
    deadline = time.monotonic() + 120
    while kiosk.delivered_count() < 3 and time.monotonic() < deadline:  # woken by its poll
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 0 and "delivered 3" in out, err
    _exactly_once(kiosk, upstream, 3)


@pytest.mark.postgres
def test_an_upstream_database_that_goes_away_is_answered_503_and_waited_out(tmp_path, postgres_url, kiosk):
    server = Upstream(tmp_path / "upstream-pg", database=postgres_url)
    server.start()
    url = make_url(postgres_url)
    database = url.database
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        kiosk.register(server)
        kiosk.append(20)
        uploader = _uploader(kiosk, seed=3)
        results = {}

        def deliver() -> None:
            results["done"] = drain(uploader, threading.Event(), until_empty=True, max_seconds=600)

        worker = threading.Thread(target=deliver, daemon=True)
        worker.start()
        deadline = time.monotonic() + 120
        while kiosk.delivered_count() < 5 and time.monotonic() < deadline:
            time.sleep(0.01)
        with admin.connect() as conn:  # the upstream's database goes away for a while
            conn.execute(text(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS false'))
            conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :d"),
                         {"d": database})
        time.sleep(4)
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS true'))
        worker.join(600)
        uploader.close()
        done = results["done"]
        assert done.delivered == 20 and done.failures > 0
        unavailable = sum("HTTP 503" in reason for reason in done.reasons)
        print(f"upstream database away: {unavailable} answers 503, {done.failures} failed attempts in all")
        assert unavailable > 0, done.reasons
        _exactly_once(kiosk, server, 20)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS true'))
        admin.dispose()
        server.stop()


def test_the_background_worker_delivers_what_is_appended_and_stops(upstream, kiosk):
    from sync.worker import UploadWorker

    kiosk.register(upstream)
    worker = UploadWorker(lambda: _uploader(kiosk))
    worker.start()
    try:
        kiosk.append(5)  # each committed append wakes it
        deadline = time.monotonic() + 120
        while kiosk.delivered_count() < 5 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        worker.stop()
    assert not worker._thread.is_alive()
    _exactly_once(kiosk, upstream, 5)
