"""A ``kill -9`` at the kill points of ``zuil demo``'s reset of the earlier run and of its intake leaves every
stored record of the demo kiosk with exactly one envelope, no envelope without its record, and a gapless chain
that verifies.

The demo (gallery of 3, as ``test_demo_crashes``) is killed before a selection of its kill points: those of the
transaction that deletes the earlier run's intakes and envelopes, and of the one that writes the intake with its
envelopes, and the read of the summary (their statements: 10 spread evenly; every commit)."""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy import text

from enrollment.keys.demo_keys import open_demo_keys
from enrollment.records import store
from enrollment.settings import Settings
from kiosk.demo import DEMO_FOLDER
from sync.chain import verify_chain
from sync.outbox import signing_keys
from tests.crash.harness import CrashRunner, KillPoint, crash_every_point, evenly
from tests.crash.stores import SqliteStore, schema_revision

DEMO = ["demo", "--gallery-persons", "3"]
KIOSK = "zuil-demo-01"
RECORDS = (  # (kind, the demo kiosk's records of that kind)
    ("intake", "SELECT id FROM intakes WHERE kiosk_id = :k"),
    ("consent", "SELECT c.id FROM consent_records c JOIN intakes i ON i.id = c.intake_id WHERE i.kiosk_id = :k"),
    ("identification", "SELECT r.id FROM identification_results r JOIN intakes i ON i.id = r.intake_id "
                       "WHERE i.kiosk_id = :k"),
)


def _transactions_touching(points: list[KillPoint], marker: str) -> list[KillPoint]:
    """The kill points of every transaction (BEGIN to commit) with a statement containing ``marker``."""
    chosen, start = [], None
    for i, point in enumerate(points):
        if point.detail == "BEGIN":
            start = i
        elif point.kind == "commit" and start is not None:
            if any(marker in p.detail for p in points[start:i]):
                chosen += points[start:i + 1]
            start = None
    return chosen


def _select(points: list[KillPoint]) -> list[KillPoint]:
    inside = _transactions_touching(points, "outbox_envelopes")
    picked = {p.index for p in evenly(10)([p for p in inside if p.kind == "sql"])}
    return [p for p in inside if p.index in picked or p.kind == "commit"]


def _outbox_state(url: str, keys: dict) -> tuple[int, int]:
    """(records, envelopes) of the demo kiosk, after checking one envelope per record and a sound chain."""
    assert schema_revision(url) == store.head_revision()
    engine = store.make_engine(url)
    try:
        with engine.connect() as conn:
            records = {(kind, rid) for kind, query in RECORDS
                       for rid in conn.execute(text(query), {"k": KIOSK}).scalars()}
            rows = conn.execute(text("SELECT kind, record_id, sequence, envelope FROM outbox_envelopes "
                                     "WHERE kiosk_id = :k ORDER BY sequence"), {"k": KIOSK}).all()
            head = conn.execute(text("SELECT last_sequence, head_hash FROM outbox_heads WHERE kiosk_id = :k"),
                                {"k": KIOSK}).one_or_none()
    finally:
        engine.dispose()
    reported = [(kind, rid) for kind, rid, _seq, _env in rows]
    assert len(reported) == len(set(reported)), "a record with two envelopes"
    assert set(reported) == records, f"records without an envelope or envelopes without a record: " \
                                     f"{sorted(records ^ set(reported))[:3]}"
    assert [seq for _k, _r, seq, _e in rows] == list(range(1, len(rows) + 1)), "a gap in the sequence"
    chain = verify_chain([bytes(envelope) for *_rest, envelope in rows], keys=keys, kiosk_id=KIOSK)
    assert (head is None and not rows) or (head.last_sequence, bytes(head.head_hash)) == (len(rows), chain.head)
    return len(records), len(rows)


@pytest.mark.slow
@pytest.mark.timeout(2400)  # only for hangs
def test_a_crash_during_the_demo_leaves_one_envelope_per_record_and_a_gapless_chain(tmp_path):
    target = SqliteStore(tmp_path)
    demo_dir = target.data_dir / DEMO_FOLDER
    demo_url = Settings(data_dir=demo_dir).database
    template = tmp_path / "template"
    seen: dict[tuple[int, int], int] = {}
    with CrashRunner(tmp_path) as runner:
        assert runner.run(DEMO, env=target.env).exit_code == 0  # an earlier run's intake and envelopes to reset
        shutil.copytree(target.data_dir, template)
        keys = signing_keys(open_demo_keys(demo_dir))

        def prepare() -> None:
            target.reset()
            shutil.copytree(template, target.data_dir)

        def sound(point: KillPoint) -> None:
            state = _outbox_state(demo_url, keys)
            seen[state] = seen.get(state, 0) + 1
            if point.kind == "commit":  # the next run works on what the crash left
                assert runner.run([*DEMO, "--seed", "2"], env=target.env).exit_code == 0
                assert _outbox_state(demo_url, keys) == (4, 4)

        tally = crash_every_point(runner, [*DEMO, "--seed", "2"], env=target.env, prepare=prepare, check=sound,
                                  select=_select)
    print(f"{tally.summary()}; (records, envelopes) of the demo kiosk after the kills: {seen}")
    assert tally.tried and not tally.unsound, tally.summary() + "\n" + "\n".join(tally.unsound)
    assert set(seen) <= {(4, 4), (0, 0)} and len(seen) == 2  # the earlier run's, nothing, or the new intake's
