"""Running the uploader: in the foreground (``zuil sync run``) or on a background thread (the kiosk application).

:func:`drain` makes attempts until there is nothing to do: with ``until_empty`` it waits out the backoff and goes on
until the outbox is empty; with ``once`` it stops at the first attempt that does not deliver; otherwise it runs
until ``stop`` is set, looking for new envelopes every :data:`POLL_S` seconds or when woken. :class:`UploadWorker`
runs it on a daemon thread (start, stop, and wake when an envelope is appended) and, made with a feed puller (as
:meth:`UploadWorker.for_kiosk` makes it), pulls the gallery feed after each round of delivery (:mod:`sync.feed_pull`;
a feed that fails is logged and tried again at the next round).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from enrollment.keys.keyring import KeyRing
from enrollment.records.store import RecordStore, make_engine
from sync.batch import MAX_BATCH
from sync.feed_pull import FeedPuller
from sync.outbox import on_append
from sync.registration import load_registration, tls_key_password
from sync.uploader import Outcome, Uploader

log = logging.getLogger(__name__)

POLL_S = 10.0  # how often an idle uploader looks for envelopes it was not woken for


@dataclass
class Drained:
    delivered: int = 0
    failures: int = 0
    outcome: Outcome = Outcome.EMPTY
    reasons: list[str] = field(default_factory=list)


def drain(uploader: Uploader, stop: threading.Event, *, once: bool = False, until_empty: bool = False,
          max_seconds: float | None = None, on_attempt: Callable[[Outcome], None] | None = None) -> Drained:
    """Deliver until the outbox is empty (``once``, ``until_empty``), ``stop`` is set or ``max_seconds`` passed."""
    deadline = None if max_seconds is None else time.monotonic() + max_seconds
    done = Drained()
    while not stop.is_set():
        left = None if deadline is None else deadline - time.monotonic()
        if left is not None and left <= 0:
            break
        attempt = uploader.attempt()
        done.outcome = attempt.outcome
        if on_attempt is not None:
            on_attempt(attempt.outcome)
        if attempt.outcome is Outcome.DELIVERED:
            done.delivered += attempt.count
            continue
        if attempt.outcome in (Outcome.FAILED, Outcome.STOPPED) and attempt.reason:
            done.reasons.append(attempt.reason)
        if attempt.outcome is Outcome.FAILED:
            done.failures += 1
            log.warning("upload failed, next attempt at %s: %s", attempt.next_attempt_at, attempt.reason)
        if attempt.outcome in (Outcome.STOPPED, Outcome.EMPTY):
            if once or until_empty:
                break
            wait = POLL_S
        else:  # FAILED or WAITING
            if once:
                break
            assert attempt.next_attempt_at is not None or attempt.outcome is Outcome.WAITING
            until = attempt.next_attempt_at or datetime.now(UTC)
            wait = max(0.0, (until - datetime.now(UTC)).total_seconds())
            if not until_empty:
                wait = min(wait, POLL_S)
        if left is not None:
            wait = min(wait, max(0.0, deadline - time.monotonic()))  # type: ignore[operator]
        stop.wait(wait)
    return done


class UploadWorker:
    """The uploader on a daemon thread: :meth:`start`, :meth:`wake` (an envelope was appended), :meth:`stop`
    (also :meth:`close`). Woken by every committed append (:func:`sync.outbox.on_append`) while it runs."""

    def __init__(self, make_uploader: Callable[[], Uploader],
                 make_puller: Callable[[], FeedPuller] | None = None) -> None:
        self._make = make_uploader
        self._make_puller = make_puller
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sync-uploader", daemon=True)
        self._unlisten: Callable[[], None] | None = None

    @classmethod
    def for_kiosk(cls, database: str, data_dir: Path, ring: KeyRing) -> UploadWorker:
        """A started worker delivering the registered kiosk's envelopes from ``database`` (it makes its engine,
        reads the registration and opens the TLS key on its own thread: the caller never waits for it)."""
        def make() -> Uploader:
            registration = load_registration(data_dir)
            engine = make_engine(database)
            return Uploader(engine, registration, tls_key_password(ring, registration.password_signing_version),
                            max_batch=MAX_BATCH)

        def make_puller() -> FeedPuller:
            return FeedPuller(RecordStore(database, ring, auto_upgrade=False), load_registration(data_dir), ring)

        worker = cls(make, make_puller)
        worker.start()
        return worker

    def start(self) -> None:
        self._unlisten = on_append(self.wake)
        self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout_s: float = 10.0) -> None:
        if self._unlisten is not None:
            self._unlisten()
            self._unlisten = None
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout_s)

    close = stop

    def _run(self) -> None:
        try:
            uploader = self._make()
        except Exception:  # a kiosk that cannot upload still takes intakes: say why, in the log
            log.exception("the uploader did not start")
            return
        puller = self._puller()
        try:
            while not self._stop.is_set():
                self._wake.clear()
                try:
                    drain(uploader, self._wake, until_empty=True)
                except Exception:  # the database busy or away: try again at the next poll
                    log.exception("the uploader's attempt failed")
                if puller is not None and not self._stop.is_set():
                    try:
                        puller.pull()
                    except Exception as exc:  # the feed fails alone: delivery goes on, the next poll tries again
                        log.warning("the gallery feed was not pulled: %s", exc)
                self._wake.wait(POLL_S)
        finally:
            uploader.close()
            uploader.engine.dispose()
            if puller is not None:
                puller.close()
                puller.records.close()

    def _puller(self) -> FeedPuller | None:
        if self._make_puller is None:
            return None
        try:
            return self._make_puller()
        except Exception:  # a kiosk without the feed still delivers: say why, in the log
            log.exception("the gallery feed puller did not start")
            return None
