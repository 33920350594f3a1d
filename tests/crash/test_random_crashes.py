"""``kill -9`` at seeded random points of enrollment, key rotation and reseal, on one store: each run leaves every
intake whole or absent, every sealed field opening under the key file left behind, and an audit log that verifies.

The store is the demo's (``zuil demo``: its record and demo keys in ``<data>/demo``; one finger, to keep a run
short), made once and then rotated (``zuil keys rotate``), so that its rows are sealed under gallery key version 1
while the key file's newest is 2: the state in which the kiosk enrolls (a first-time person), a technician rotates
again, or reseals. Each run starts from that state, picks a command and a kill point (the command's N-th SQL
statement, commit or file rename, counted by one run without a kill) with one seeded generator, and is killed
there. A killed reseal is then run again and must finish the job (it goes on where it stopped). :data:`COMMANDS`
lists the commands; ``zuil purge`` refuses the demo's keys, so it is killed at every one of its points on a store
of its own in ``test_purge_crashes`` instead. The tally (runs tried, runs that left a sound
store, by command) is printed for the record.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from enrollment.audit.log_store import AuditLog, audit_log_path
from enrollment.audit.verification import verify_log
from enrollment.keys.demo_keys import open_demo_keys
from enrollment.keys.keyring import Purpose
from enrollment.records import field_envelope
from enrollment.records.consents import signature_of
from enrollment.records.intake_reads import candidates_of, capture_image, capture_template, person_id_of, vnumber_of
from enrollment.records.models import ConsentRecord, Intake
from enrollment.records.store import RecordStore
from enrollment.settings import Settings
from kiosk.demo import DEMO_FOLDER
from tests.crash.harness import CrashRunner
from tests.crash.stores import SqliteStore

DEMO = ["demo", "--gallery-persons", "3"]

# name -> (argv, whether it runs on the data folder (the demo's command) or on the demo's own folder (key commands))
COMMANDS: dict[str, tuple[list[str], bool]] = {
    "enrollment": ([*DEMO, "--seed", "2", "--first-time"], True),  # one intake, after deleting the earlier run's
    "rotation": (["keys", "rotate"], False),
    "reseal": (["keys", "reseal", "--batch-rows", "2"], False),
}
RESEALED_COLUMNS = {"intakes": ("person_sealed", "v_number_sealed"), "captures": ("template_sealed", "image_sealed"),
                    "identification_results": ("candidates_sealed",)}


def _open_everything(demo_dir: Path) -> int:
    """Open every sealed field of the demo's record with the key file there; the number of fields opened."""
    ring = open_demo_keys(demo_dir)
    store = RecordStore(Settings(data_dir=demo_dir).database, ring, auto_upgrade=False)
    opened = 0
    try:
        with store.transaction() as s:
            for intake in s.query(Intake):
                person_id_of(s, intake)
                opened += 1 + (vnumber_of(s, intake) is not None)
                for capture in intake.captures:
                    opened += (capture_template(s, capture) is not None) + (capture_image(s, capture) is not None)
                for result in intake.identifications:
                    candidates_of(s, result)
                    opened += 1
            for record in s.query(ConsentRecord):
                opened += signature_of(s, record) is not None
    finally:
        store.close()
    return opened


def _stale_fields(demo_dir: Path) -> int:
    """The sealed fields reseal seals again that are not under the newest gallery key version."""
    newest = open_demo_keys(demo_dir).current(Purpose.GALLERY).version
    with sqlite3.connect(Settings(data_dir=demo_dir).database.removeprefix("sqlite:///")) as conn:
        return sum(field_envelope.parse(value).key_version != newest
                   for table, columns in RESEALED_COLUMNS.items() for column in columns
                   for (value,) in conn.execute(f"SELECT {column} FROM {table} WHERE {column} IS NOT NULL"))


def _intakes(url: str) -> Counter[tuple]:
    """Each intake as (kiosk, status, finished, consents, captures, identification results), counted, after
    SQLite's integrity check."""
    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return Counter(conn.execute(
            "SELECT i.kiosk_id, i.status, i.finished_at IS NOT NULL,"
            " (SELECT count(*) FROM consent_records c WHERE c.intake_id = i.id),"
            " (SELECT count(*) FROM captures c WHERE c.intake_id = i.id),"
            " (SELECT count(*) FROM identification_results r WHERE r.intake_id = i.id)"
            " FROM intakes i").fetchall())


def _sound(demo_dir: Path, whole: set[tuple]) -> None:
    """Every intake whole (as one of ``whole``) or absent, every sealed field opens, the audit log verifies
    (AssertionError if not)."""
    half = set(_intakes(Settings(data_dir=demo_dir).database)) - whole
    assert not half, f"half an intake: {sorted(half)}"
    assert _open_everything(demo_dir) > 0
    with AuditLog(audit_log_path(demo_dir)) as log:
        verify_log(log, open_demo_keys(demo_dir))


def _kill_at_random(tmp_path: Path, runs: int, seed: int) -> None:
    target = SqliteStore(tmp_path)
    config = tmp_path / "zuil.toml"
    config.write_text("fingers = [2]\n")
    target.env["ZUIL_CONFIG"] = str(config)
    demo_dir = target.data_dir / DEMO_FOLDER
    template = tmp_path / "template"
    envs = {name: {**target.env, "ZUIL_DATA_DIR": str(target.data_dir if on_data else demo_dir)}
            for name, (_, on_data) in COMMANDS.items()}

    def prepare() -> None:
        target.reset()
        shutil.copytree(template, target.data_dir)

    rng = random.Random(seed)
    tried: Counter[str] = Counter()
    unsound: list[str] = []
    with CrashRunner(tmp_path) as runner:
        made = runner.run(DEMO, env=target.env)
        assert made.exit_code == 0, made.output[-500:]
        rotated = runner.run(["keys", "rotate"], env=envs["rotation"])
        assert rotated.exit_code == 0, rotated.output[-500:]
        shutil.copytree(target.data_dir, template)
        assert _stale_fields(demo_dir) > 0
        whole = set(_intakes(Settings(data_dir=demo_dir).database))
        points = {}
        for name, (argv, _) in COMMANDS.items():  # the kill points of each command, counted from the template
            prepare()
            counted = runner.run(argv, env=envs[name])
            assert counted.exit_code == 0, f"zuil {' '.join(argv)} failed without a kill:\n{counted.output[-500:]}"
            points[name] = len(counted.points)
            whole |= set(_intakes(Settings(data_dir=demo_dir).database))
        for run in range(runs):
            name = rng.choice(sorted(COMMANDS))
            kill_at = rng.randint(1, points[name])
            prepare()
            killed = runner.run(COMMANDS[name][0], env=envs[name], kill_at=kill_at)
            assert killed.killed, f"run {run}: {name} did not reach kill point {kill_at}:\n{killed.output[-500:]}"
            tried[name] += 1
            try:
                _sound(demo_dir, whole)
                if name == "reseal":
                    again = runner.run(COMMANDS[name][0], env=envs[name])
                    assert again.exit_code == 0, f"reseal after the kill failed: {again.output[-300:]}"
                    assert _stale_fields(demo_dir) == 0, "the reseal run after the kill left fields under version 1"
                    _sound(demo_dir, whole)
            except AssertionError as exc:
                reason = " ".join(str(exc).split())[:200]
                unsound.append(f"run {run}: {name} killed at {kill_at}/{points[name]}: {reason}")
    total = sum(tried.values())
    print(f"random kill -9 (seed {seed}): {total} runs tried, {total - len(unsound)} left a sound store; "
          + ", ".join(f"{name} {tried[name]} runs of {points[name]} kill points" for name in sorted(COMMANDS)))
    assert total == runs and not unsound, "\n".join(unsound)


@pytest.mark.timeout(1200)  # only for hangs
def test_kills_at_random_points_leave_a_sound_store(tmp_path):
    _kill_at_random(tmp_path, runs=12, seed=1)


@pytest.mark.slow
@pytest.mark.timeout(3600)  # only for hangs: 200 runs
def test_two_hundred_kills_at_random_points_leave_a_sound_store(tmp_path):
    _kill_at_random(tmp_path, runs=200, seed=2026)
