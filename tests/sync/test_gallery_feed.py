"""The cross-LVV gallery feed against the real upstream service on loopback (``zuil upstream serve`` over mutual
TLS): two registered kiosks; a person enrolled at A is a hit at B after one ``zuil sync feed``, and after a
withdrawal at A and another sync no longer; a tampered delta is refused and nothing applied; applying is one
transaction; a kiosk never receives its own enrolments."""

from __future__ import annotations

import pytest

from enrollment.records.vocabulary import IdentificationDecision
from sync import canonical
from sync.errors import FeedInvalid
from sync.feed_apply import held_cursor
from sync.feed_pull import FeedPuller
from sync.registration import load_registration
from tests.sync.feed_harness import enroll, feed_rows, gallery, person, withdraw
from tests.sync.upload_harness import Kiosk, Upstream

pytestmark = pytest.mark.timeout(900)


def _two_kiosks(tmp_path, database=None):
    server = Upstream(tmp_path / "upstream", database=database)
    server.start()
    a, b = Kiosk(tmp_path / "a" / "data", "zuil-a-01"), Kiosk(tmp_path / "b" / "data", "zuil-b-01")
    a.register(server)
    b.register(server)
    return server, a, b


def _run(kiosk: Kiosk, *args: str) -> str:
    done = kiosk.zuil("sync", *args)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_enrolled_at_a_is_a_hit_at_b_and_a_withdrawal_at_a_removes_them(tmp_path, postgres_url):
    server, a, b = _two_kiosks(tmp_path, postgres_url)
    try:
        alice, bob = person(11, "p-alice"), person(12, "p-bob")
        enroll(a, alice, "lvv-a")
        enroll(b, bob, "lvv-b")
        _run(a, "run", "--until-empty")
        _run(b, "run", "--until-empty")
        assert gallery(b).search(alice.probe(1)).decision is IdentificationDecision.NO_HIT  # before the sync

        assert "1 person(s) added" in _run(b, "feed")
        outcome = gallery(b).search(alice.probe(1))
        assert outcome.decision is IdentificationDecision.HIT
        assert outcome.candidates[0]["person_id"] == "p-alice"
        assert outcome.candidates[0]["locations"] == ["lvv-a"]  # "enrolled at" the other LVV
        assert feed_rows(b) == (1, 2)  # B never receives its own bob
        assert "feed cursor" in _run(b, "status")

        withdraw(a, alice)
        _run(a, "run", "--until-empty")
        assert "1 withdrawn" in _run(b, "feed")
        assert gallery(b).search(alice.probe(1)).decision is IdentificationDecision.NO_HIT
        assert feed_rows(b) == (0, 0)
        _run(a, "feed")
        assert feed_rows(a) == (1, 2)  # A holds bob from B, and never its own alice
        assert gallery(a).search(bob.probe(2)).candidates[0]["locations"] == ["lvv-b"]
    finally:
        server.stop()
        a.close()
        b.close()


@pytest.fixture
def fed(tmp_path):
    """Kiosks A and B with two persons enrolled at A and delivered; B's in-process puller."""
    server, a, b = _two_kiosks(tmp_path)
    enroll(a, person(21, "p-one"), "lvv-a")
    enroll(a, person(22, "p-two"), "lvv-a")
    _run(a, "run", "--until-empty")
    puller = FeedPuller(b.records, load_registration(b.data), b.ring)
    yield puller, b
    puller.close()
    server.stop()
    a.close()
    b.close()


def _nothing_applied(puller: FeedPuller, b: Kiosk) -> None:
    assert puller.cursor() == 0
    assert feed_rows(b) == (0, 0)


@pytest.mark.parametrize("where", [-1, -70, 200])
def test_a_tampered_delta_is_refused_and_nothing_applied(fed, where):
    puller, b = fed
    data = bytearray(puller.fetch(0))
    data[where] ^= 0x01
    with pytest.raises(FeedInvalid):
        puller.apply(bytes(data), 0)
    _nothing_applied(puller, b)


def test_a_delta_signed_with_another_key_is_refused(fed):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    puller, b = fed
    outer = canonical.decode(puller.fetch(0))
    forged = canonical.encode({"body": outer["body"], "sig": Ed25519PrivateKey.generate().sign(
        b"aanmeldzuil feed delta v1\x00" + outer["body"])})
    with pytest.raises(FeedInvalid, match="sig"):
        puller.apply(forged, 0)
    _nothing_applied(puller, b)


def test_a_crash_mid_apply_leaves_cursor_and_gallery_unchanged(fed, monkeypatch):
    import sync.feed_apply

    puller, b = fed
    data = puller.fetch(0)
    real, calls = sync.feed_apply.add_feed_person, []

    def crashing(session, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(kwargs["person_id"])
        if len(calls) == 2:
            raise RuntimeError("power cut")
        return real(session, **kwargs)

    monkeypatch.setattr(sync.feed_apply, "add_feed_person", crashing)
    with pytest.raises(RuntimeError):
        puller.apply(data, 0)
    _nothing_applied(puller, b)
    monkeypatch.setattr(sync.feed_apply, "add_feed_person", real)
    assert len(puller.apply(data, 0).added) == 2
    with b.records.transaction() as session:
        assert held_cursor(session, "avim") == 2  # two enrolments, cursors 1 and 2
    assert feed_rows(b) == (2, 4)


def test_the_uploaders_worker_pulls_the_feed_after_delivering(fed):
    import time

    from sync.worker import UploadWorker

    _puller, b = fed
    worker = UploadWorker.for_kiosk(b.site.database, b.data, b.ring)
    try:
        deadline = time.monotonic() + 300
        while feed_rows(b) != (2, 4) and time.monotonic() < deadline:
            time.sleep(0.5)
    finally:
        worker.stop(60)
    assert feed_rows(b) == (2, 4)
