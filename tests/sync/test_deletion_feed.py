"""Deletions and audit checkpoints end to end, against the real upstream service on loopback: a person enrolled at
kiosk A and fed to kiosk B is gone from B after A's retention purge and one ``zuil sync feed``; A's signed audit
checkpoint reaches the upstream, which shows it (verified) in ``zuil upstream chains``."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from enrollment.records.models import Intake
from sync.outbox import Sender, append
from sync.payloads import intake_reports
from sync.registration import load_registration
from sync.upstream_key import load_upstream_key
from tests.enrollment.records.retention_records import consented
from tests.sync.feed_harness import feed_rows
from tests.sync.upload_harness import Kiosk, Upstream, zuil

pytestmark = pytest.mark.timeout(900)


def _run(kiosk: Kiosk, *args: str) -> str:
    done = kiosk.zuil(*args)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _reported_intake(kiosk: Kiosk, started: datetime) -> str:
    """A consented intake with two prints in the kiosk's store, reported as the kiosk reports a finished one."""
    intake_id = consented(kiosk.records, 5, started=started)
    sender = Sender(kiosk.kiosk_id, kiosk.ring, load_upstream_key(load_registration(kiosk.data).sealing_key))
    with kiosk.records.transaction() as session:
        for report in intake_reports(session, session.get_one(Intake, intake_id)):
            append(session, sender, report)
    return intake_id


def test_a_purge_at_a_removes_the_person_from_b_and_a_checkpoint_reaches_upstream(tmp_path):
    server = Upstream(tmp_path / "upstream")
    server.start()
    a, b = Kiosk(tmp_path / "a" / "data", "zuil-a-01"), Kiosk(tmp_path / "b" / "data", "zuil-b-01")
    try:
        a.register(server)
        b.register(server)
        _reported_intake(a, datetime(2001, 1, 1, tzinfo=UTC))  # past biometrics_days
        _run(a, "sync", "run", "--until-empty")
        assert "1 person(s) added" in _run(b, "sync", "feed")
        assert feed_rows(b) == (1, 2)

        assert "1 queued for upstream" in _run(a, "purge")
        assert "queued for upstream" in _run(a, "audit", "checkpoint")
        _run(a, "sync", "run", "--until-empty")
        assert "1 withdrawn or deleted" in _run(b, "sync", "feed")
        assert feed_rows(b) == (0, 0)

        chains = zuil("upstream", "chains", "--dir", str(server.folder), "--json")
        assert chains.returncode == 0, chains.stderr
        row = next(r for r in json.loads(chains.stdout) if r["kiosk"] == "zuil-a-01")
        assert row["deletions"] == 1 and row["faults"] == []
        assert row["checkpoint"]["number"] >= 1 and row["checkpoint"]["signature"] == "verified"
    finally:
        server.stop()
        a.close()
        b.close()
