"""The parent side of the crash harness: kill a ``zuil`` command at every kill point (or some) and check the store.

    with CrashRunner(tmp_path) as runner:
        tally = crash_every_point(runner, ["db", "upgrade"], env=env, prepare=fresh_store, check=store_is_sound)

:func:`crash_every_point` runs the command once to count its kill points (SQL statements, commits and file
renames, see :mod:`tests.crash.zygote`), then for every N: ``prepare()`` sets up the store again, the command
runs and is killed with SIGKILL just before its N-th kill point, and ``check(point)`` inspects what is left
(raise ``AssertionError`` when it is not sound). The tally says how many kill points were tried and how many
left a sound store; a check failure does not stop the loop, so the tally shows the whole picture.

A ``select`` picks the kill points to try. :func:`edges_and_sample` is the one for long commands: the edges of
every transaction (its BEGIN, its first and last write statement, its last point: the commit), every file rename,
and a number of the other kill points spread evenly. With ``ZUIL_CRASH_EXHAUSTIVE=1`` in the environment it picks
every kill point instead (runs that take many times longer).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
EXHAUSTIVE = "ZUIL_CRASH_EXHAUSTIVE"  # =1: edges_and_sample picks every kill point
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER")


@dataclass(frozen=True)
class KillPoint:
    index: int
    kind: str  # sql, commit, rename
    detail: str

    def __str__(self) -> str:
        return f"#{self.index} {self.kind} {self.detail[:60]}".rstrip()


@dataclass(frozen=True)
class Run:
    killed: bool
    exit_code: int | None
    points: list[KillPoint]
    output: str


class CrashRunner:
    """A zygote process (``python -m tests.crash.zygote``) that runs ``zuil`` commands for one test."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.runs = 0
        self.process = subprocess.Popen([sys.executable, "-m", "tests.crash.zygote"], cwd=PROJECT_ROOT,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def run(self, argv: Sequence[str], *, env: dict[str, str], kill_at: int | None = None) -> Run:
        self.runs += 1
        log = self.workdir / f"run-{self.runs}.points"
        output = self.workdir / f"run-{self.runs}.out"
        log.write_text("")
        job = {"argv": list(argv), "env": env, "kill_at": kill_at, "log": str(log), "output": str(output)}
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps(job) + "\n")
        self.process.stdin.flush()
        reply_line = self.process.stdout.readline()
        if not reply_line:
            raise RuntimeError(f"the crash zygote died (exit {self.process.wait()})")
        reply = json.loads(reply_line)
        points = []
        for line in log.read_text().splitlines():
            index, kind, detail = line.split("\t", 2)
            points.append(KillPoint(int(index), kind, detail))
        return Run(killed=reply.get("signal") == signal.SIGKILL, exit_code=reply.get("exit"), points=points,
                   output=output.read_text(errors="replace"))

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        self.process.wait(timeout=60)

    def __enter__(self) -> CrashRunner:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


@dataclass
class Tally:
    command: str
    points: list[KillPoint]
    tried: list[int] = field(default_factory=list)
    unsound: list[str] = field(default_factory=list)

    @property
    def clean(self) -> int:
        return len(self.tried) - len(self.unsound)

    def summary(self) -> str:
        kinds = {k: sum(p.kind == k for p in self.points) for k in ("sql", "commit", "rename")}
        return (f"zuil {self.command}: {len(self.points)} kill points ({kinds['sql']} statements, "
                f"{kinds['commit']} commits, {kinds['rename']} renames), {len(self.tried)} tried, "
                f"{self.clean} left a sound store")


def crash_every_point(runner: CrashRunner, argv: Sequence[str], *, env: dict[str, str],
                      prepare: Callable[[], None], check: Callable[[KillPoint], None],
                      select: Callable[[list[KillPoint]], list[KillPoint]] | None = None) -> Tally:
    """Kill ``zuil ARGV`` before each of its kill points (or those ``select`` picks) and ``check`` each time."""
    prepare()
    counted = runner.run(argv, env=env)
    assert counted.exit_code == 0, f"zuil {' '.join(argv)} failed without a kill:\n{counted.output}"
    tally = Tally(" ".join(argv), counted.points)
    for point in (select or list)(counted.points):
        prepare()
        run = runner.run(argv, env=env, kill_at=point.index)
        assert run.killed, f"zuil {' '.join(argv)} did not reach kill point {point} (exit {run.exit_code}):\n" \
                           f"{run.output}"
        tally.tried.append(point.index)
        try:
            check(point)
        except AssertionError as exc:
            tally.unsound.append(f"{point}: {' '.join(str(exc).split())[:200]}")
    return tally


def evenly(count: int) -> Callable[[list[KillPoint]], list[KillPoint]]:
    """A ``select`` for :func:`crash_every_point`: ``count`` kill points spread evenly, first and last included."""
    def pick(points: list[KillPoint]) -> list[KillPoint]:
        if len(points) <= count:
            return points
        if count < 2:
            return points[len(points) // 2:][:count]
        step = (len(points) - 1) / (count - 1)
        return [points[round(i * step)] for i in range(count)]
    return pick


def is_write(point: KillPoint) -> bool:
    return point.kind == "sql" and point.detail.upper().startswith(WRITES)


def transactions(points: list[KillPoint]) -> list[list[KillPoint]]:
    """``points`` cut into transactions: each from its BEGIN (or the point after the last commit) to its commit, or
    to the point before the next BEGIN when it has none (rolled back). File renames stay where they fall."""
    found: list[list[KillPoint]] = []
    current: list[KillPoint] = []
    for point in points:
        if point.kind == "sql" and point.detail == "BEGIN" and current:
            found.append(current)
            current = []
        current.append(point)
        if point.kind == "commit":
            found.append(current)
            current = []
    return [*found, current] if current else found


def transaction_edges(points: list[KillPoint]) -> list[KillPoint]:
    """Every commit and file rename, and of each transaction its first point, its first and last write statement
    and its last point."""
    chosen = {p.index for p in points if p.kind in ("commit", "rename")}
    for transaction in transactions(points):
        writes = [p for p in transaction if is_write(p)]
        chosen |= {transaction[0].index, transaction[-1].index, *(p.index for p in writes[:1] + writes[-1:])}
    return [p for p in points if p.index in chosen]


def edges_and_sample(count: int, *, also: Callable[[list[KillPoint]], list[KillPoint]] | None = None
                     ) -> Callable[[list[KillPoint]], list[KillPoint]]:
    """A ``select`` for :func:`crash_every_point`: the :func:`transaction_edges`, the kill points ``also`` picks,
    and ``count`` of the others spread evenly; every kill point when ``ZUIL_CRASH_EXHAUSTIVE=1``."""
    def pick(points: list[KillPoint]) -> list[KillPoint]:
        if os.environ.get(EXHAUSTIVE) == "1":
            return list(points)
        chosen = {p.index for p in transaction_edges(points)} | {p.index for p in (also(points) if also else [])}
        chosen |= {p.index for p in evenly(count)([p for p in points if p.index not in chosen])}
        return [p for p in points if p.index in chosen]
    return pick
