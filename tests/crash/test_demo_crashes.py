"""A crash at any point of ``zuil demo`` (the gallery build on the first run, the earlier visit, the intake
itself) leaves every intake whole or absent, and the next ``zuil demo`` works.

The demo keeps its own record in ``<data dir>/demo`` and starts each run by deleting the intakes of earlier
runs (keeping the gallery), so a later run passes through fewer intakes before it adds its own. The demo runs
with a gallery of 3 people (8 statements each). Tried: the edges of each transaction (BEGIN, first and last write,
commit), every file rename, and :data:`SAMPLE` of the other kill points spread evenly; ``ZUIL_CRASH_EXHAUSTIVE=1``
tries every kill point. ``zuil demo`` is run again after the kills just before a commit (a full demo run takes
seconds, so not after every kill).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from enrollment.matching.parameters import IMPRESSIONS_PER_FINGER
from enrollment.records import store
from enrollment.settings import Settings
from kiosk.demo import DEMO_FOLDER
from tests.crash.harness import CrashRunner, KillPoint, crash_every_point, edges_and_sample
from tests.crash.stores import SqliteStore, schema_revision

GALLERY = 3
DEMO = ["demo", "--gallery-persons", str(GALLERY)]
FINGERS = 2  # the default settings capture two fingers
LOCATIONS = 6
SAMPLE = 16  # kill points tried besides the transactions' edges


def _stage(url: str) -> tuple[int, int, int, int]:
    """(locations, gallery intakes, earlier visits, demo intakes), after checking that every intake is whole."""
    assert schema_revision(url) == store.head_revision()
    engine = store.make_engine(url)
    try:
        with engine.connect() as conn:
            locations = conn.exec_driver_sql("SELECT count(*) FROM locations").scalar_one()
            rows = conn.exec_driver_sql(
                "SELECT i.kiosk_id, i.status, i.finished_at IS NOT NULL,"
                " (SELECT count(*) FROM consent_records c WHERE c.intake_id = i.id),"
                " (SELECT count(*) FROM captures c WHERE c.intake_id = i.id),"
                " (SELECT count(*) FROM identification_results r WHERE r.intake_id = i.id)"
                " FROM intakes i").all()
    finally:
        engine.dispose()
    kiosks = {"demo-gallery": 0, "demo-earlier-visit": 0, "zuil-demo-01": 0}
    for kiosk, status, finished, consents, captures, results in rows:
        prints = FINGERS * (1 if kiosk == "demo-gallery" else IMPRESSIONS_PER_FINGER)  # fillers: one print a finger
        assert (status, finished, consents, captures) == ("completed", 1, 1, prints), f"half an intake: {kiosk}"
        assert results == (2 if kiosk == "zuil-demo-01" else 0), f"{kiosk} intake with {results} results"
        kiosks[kiosk] += 1
    return locations, kiosks["demo-gallery"], kiosks["demo-earlier-visit"], kiosks["zuil-demo-01"]


def _kill_the_demo_everywhere(tmp_path, argv: list[str], setup: list[tuple[list[str], Callable[[Path], Path]]],
                              stages: list[tuple[int, int, int, int]]) -> None:
    target = SqliteStore(tmp_path)
    demo_dir = target.data_dir / DEMO_FOLDER
    demo_url = Settings(data_dir=demo_dir).database
    template = tmp_path / "template"
    with CrashRunner(tmp_path) as runner:
        for command, where in setup:
            assert runner.run(command, env={**target.env, "ZUIL_DATA_DIR": str(where(target.data_dir))}).exit_code == 0
        shutil.copytree(target.data_dir, template)
        def prepare() -> None:
            target.reset()
            shutil.copytree(template, target.data_dir)

        def sound(point: KillPoint) -> None:
            stage = _stage(demo_url)
            assert stage in stages, f"{stage} is not one of the stages {stages}"
            if point.kind == "commit":
                again = runner.run(argv, env=target.env)
                assert again.exit_code == 0, f"zuil demo after the crash failed: {again.output[-300:]}"
                assert _stage(demo_url)[:3] == stages[-1][:3]

        prepare()
        tally = crash_every_point(runner, argv, env=target.env, prepare=prepare, check=sound,
                                  select=edges_and_sample(SAMPLE))
    gallery = _transaction_of(tally.points, "FROM intakes WHERE intakes.kiosk_id")
    print(f"{tally.summary()}; the gallery build is kill points #{gallery[0]}-#{gallery[-1]} ({len(gallery)})"
          if gallery else tally.summary())
    assert tally.tried and not tally.unsound, \
        tally.summary() + "\n" + "\n".join(tally.unsound)


def _transaction_of(points: list[KillPoint], marker: str) -> list[int]:
    """The kill points from the BEGIN to the commit of the transaction whose first query contains ``marker``."""
    for i, point in enumerate(points):
        if marker in point.detail and i and points[i - 1].detail == "BEGIN":
            end = next(j for j in range(i, len(points)) if points[j].kind == "commit")
            if any(p.detail.startswith("INSERT") for p in points[i:end]):
                return [p.index for p in points[i - 1:end + 1]]
    return []


@pytest.mark.slow
@pytest.mark.timeout(2400)  # only for hangs: about 50 runs of the demo, minutes under load
def test_a_crash_during_the_first_demo_and_its_gallery_build_loses_nothing_whole(tmp_path):
    # the demo's record is made at the current schema first: migration crashes are test_migration_crashes' part
    _kill_the_demo_everywhere(tmp_path, DEMO, setup=[(["db", "upgrade"], lambda data: data / DEMO_FOLDER)], stages=[
        (0, 0, 0, 0), (LOCATIONS, 0, 0, 0), (LOCATIONS, GALLERY, 0, 0), (LOCATIONS, GALLERY, 1, 0),
        (LOCATIONS, GALLERY, 1, 1)])


@pytest.mark.slow
@pytest.mark.timeout(2400)  # only for hangs, as above
def test_a_crash_during_a_demo_intake_leaves_it_whole_or_absent(tmp_path):
    # the run first deletes the earlier run's visit and intake, then enrolls its own visit, then the intake
    _kill_the_demo_everywhere(tmp_path, [*DEMO, "--seed", "2"], setup=[(DEMO, lambda data: data)], stages=[
        (LOCATIONS, GALLERY, 1, 1), (LOCATIONS, GALLERY, 0, 0), (LOCATIONS, GALLERY, 1, 0),
        (LOCATIONS, GALLERY, 1, 1)])
