"""The uploader's backoff: full jitter within its bounds, and its schedule kept in a real SQLite record store (a
restart keeps the wait; a delivery ends it; a refusal stops delivery until a person looks)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from enrollment.records.store import RecordStore
from sync import upload_state
from sync.backoff import BASE_S, CAP_S, backoff_delay, ceiling

KIOSK = "zuil-rtd-01"
NOW = datetime(2026, 12, 1, 21, 0, tzinfo=UTC)


@settings(max_examples=60)
@given(attempt=st.integers(min_value=0, max_value=200), seed=st.integers(min_value=0, max_value=2**32))
def test_a_wait_is_between_zero_and_the_capped_exponential(attempt, seed):
    wait = backoff_delay(attempt, random.Random(seed))
    assert ceiling(attempt) == min(CAP_S, BASE_S * 2 ** attempt)
    assert 0.0 <= wait <= ceiling(attempt) <= CAP_S


def test_the_waits_are_spread_over_the_whole_range():
    rng = random.Random(15)
    waits = [backoff_delay(3, rng) for _ in range(2000)]
    assert min(waits) < 0.1 * ceiling(3) and max(waits) > 0.9 * ceiling(3)  # full jitter, not "ceiling +- a bit"
    assert len({round(w, 6) for w in waits}) > 1900


def test_the_schedule_is_kept_in_the_database_and_a_delivery_ends_it(sqlite_url, keyring):
    records = RecordStore(sqlite_url, keyring)
    rng, replay = random.Random(7), random.Random(7)
    try:
        for attempt in range(1, 8):
            with Session(records.engine) as session, session.begin():
                when = upload_state.record_failure(session, KIOSK, f"connect error {attempt}", NOW, rng)
            assert when == NOW + timedelta(seconds=backoff_delay(attempt, replay))
            with Session(records.engine) as session:  # a new session: what a restarted uploader reads
                state = upload_state.read_state(session, KIOSK)
            assert (state.attempts, state.next_attempt_at, state.last_error) == (attempt, when,
                                                                                f"connect error {attempt}")
            assert not state.stopped and state.last_success_at is None
        with Session(records.engine) as session, session.begin():
            upload_state.record_success(session, KIOSK, NOW + timedelta(hours=1))
        with Session(records.engine) as session:
            state = upload_state.read_state(session, KIOSK)
        assert (state.attempts, state.next_attempt_at, state.last_success_at) == (0, None, NOW + timedelta(hours=1))
        assert state.last_error == "connect error 7"  # the last error stays shown, with its time
    finally:
        records.close()


def test_a_refusal_stops_delivery_and_a_person_resumes_it_without_ending_the_wait(sqlite_url, keyring):
    records = RecordStore(sqlite_url, keyring)
    try:
        with Session(records.engine) as session, session.begin():
            when = upload_state.record_failure(session, KIOSK, "HTTP 503", NOW, random.Random(1))
            upload_state.record_stop(session, KIOSK, "envelope 4: HTTP 409 (reason: gap)", NOW)
        with Session(records.engine) as session:
            state = upload_state.read_state(session, KIOSK)
        assert state.stopped and state.last_error == "envelope 4: HTTP 409 (reason: gap)"
        assert state.next_attempt_at is None
        with Session(records.engine) as session, session.begin():
            upload_state.record_failure(session, KIOSK, "HTTP 503", NOW, random.Random(1))
            upload_state.resume(session, KIOSK)
        with Session(records.engine) as session:
            state = upload_state.read_state(session, KIOSK)
        assert not state.stopped and state.attempts == 2 and state.next_attempt_at is not None
        assert when == NOW + timedelta(seconds=backoff_delay(1, random.Random(1)))
    finally:
        records.close()
