"""A ``kill -9`` of ``zuil sync run`` after a batch was sent and held upstream, before or while the kiosk marks it
delivered, loses and doubles nothing: the kiosk's store has every envelope it marked with the upstream's receipt,
the upstream holds more than the kiosk knows, and the next run sends the batch again, gets the same receipts and
delivers the rest exactly once.

The kill points come from a run without a kill by a second kiosk with the same backlog (a run's statements depend
only on how many envelopes it finds, once each kiosk's upload state is there): kiosk A is killed at the third
batch's marking statement (batches of 1, 2 and 4: 3 marked, 7 held), then at the fourth batch's commit of the next
run (which resends 4 to 7)."""

from __future__ import annotations

import pytest

from sync.chain import verify_chain
from sync.outbox import signing_keys
from sync.receipt import verified_receipt
from sync.registration import load_registration
from tests.crash.harness import CrashRunner, KillPoint
from tests.sync.upload_harness import Kiosk, Upstream

COUNT = 20
RUN = ["sync", "run", "--until-empty", "--max-seconds", "300"]


def _marks(points: list[KillPoint]) -> list[int]:
    """The kill point of each batch's marking statement."""
    return [p.index for p in points if p.kind == "sql" and p.detail.startswith("UPDATE outbox_envelopes")]


def _commit_after(points: list[KillPoint], index: int) -> int:
    return next(p.index for p in points if p.index > index and p.kind == "commit")


def _consistent(kiosk: Kiosk, upstream: Upstream) -> tuple[int, int]:
    """(marked at the kiosk, held upstream), after checking that the kiosk's marked envelopes are the upstream's
    first ones with the same receipts, and that the upstream's chain is whole."""
    held, delivered = upstream.held(kiosk.kiosk_id), kiosk.delivered()
    assert [row[0] for row in held] == list(range(1, len(held) + 1))
    assert delivered == held[:len(delivered)]  # seq, id, bytes and receipt, byte for byte
    assert verify_chain([row[2] for row in held], keys=signing_keys(kiosk.ring), kiosk_id=kiosk.kiosk_id).length \
        == len(held)
    keys = load_registration(kiosk.data).receipt_keys
    for _seq, _id, envelope, receipt in delivered:
        verified_receipt(receipt, keys=keys, envelope=envelope)
    assert upstream.faults() == 0
    return len(delivered), len(held)


@pytest.mark.timeout(900)  # only for hangs
def test_a_kill_between_sending_a_batch_and_marking_it_loses_and_doubles_nothing(tmp_path):
    upstream = Upstream(tmp_path / "upstream")
    upstream.start()
    a, b = Kiosk(tmp_path / "a" / "data", "zuil-crash-a"), Kiosk(tmp_path / "b" / "data", "zuil-crash-b")
    try:
        with CrashRunner(tmp_path) as runner:
            for kiosk in (a, b):
                kiosk.register(upstream)
                assert runner.run(RUN, env=kiosk.env).exit_code == 0  # nothing to send: its upload state is made
                kiosk.append(COUNT)
            counted = runner.run(RUN, env=b.env)
            assert counted.exit_code == 0, counted.output
            assert _consistent(b, upstream) == (COUNT, COUNT)
            marks = _marks(counted.points)
            assert len(marks) == 5  # batches of 1, 2, 4, 8 and 5

            first = runner.run(RUN, env=a.env, kill_at=marks[2])
            assert first.killed, first.output
            assert _consistent(a, upstream) == (3, 7)
            second = runner.run(RUN, env=a.env, kill_at=_commit_after(counted.points, marks[3]))
            assert second.killed, second.output
            assert _consistent(a, upstream) == (10, 18)
            last = runner.run(RUN, env=a.env)
            assert last.exit_code == 0 and "delivered 10," in last.output, last.output
        assert _consistent(a, upstream) == (COUNT, COUNT)
    finally:
        a.close()
        b.close()
        upstream.stop()
