"""The child side of the crash harness: imports ``zuil`` once, then forks one process per run.

Started by :class:`tests.crash.harness.CrashRunner` as ``python -m tests.crash.zygote``. It reads one JSON
job per line on stdin: ``{"argv": [...], "env": {...}, "kill_at": N or null, "log": path, "output": path}``.
For each job it forks; the child installs the kill points, runs ``zuil ARGV`` and exits with its status,
or sends itself SIGKILL just before its ``kill_at``-th kill point. The zygote answers one JSON line per job:
``{"signal": 9}`` or ``{"exit": code}``. Forking saves the seconds ``zuil`` needs to import on every run;
the killed process is still a real process that dies in the middle of its work.

Kill points, counted in the order the child reaches them (all threads, all engines):
- ``sql``: a statement is about to be sent to the database (SQLAlchemy ``before_cursor_execute``);
- ``commit``: a transaction is about to be committed (SQLAlchemy ``commit``);
- ``rename``: a file is about to be renamed into place (``os.replace``, the last step of an atomic write); not
  the interpreter's or numba's caches in ``__pycache__``, which only a cold checkout writes.
Each reached kill point is appended to the log file as ``N<TAB>kind<TAB>detail``.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
import tempfile
import threading
import traceback
from pathlib import Path


class KillPoints:
    def __init__(self, kill_at: int | None, log_path: str) -> None:
        self.kill_at = kill_at
        self.count = 0
        self.lock = threading.Lock()
        self.log = open(log_path, "a", encoding="utf-8")  # noqa: SIM115 - open until the process ends

    def reach(self, kind: str, detail: str) -> None:
        with self.lock:
            self.count += 1
            self.log.write(f"{self.count}\t{kind}\t{' '.join(detail.split())[:120]}\n")
            self.log.flush()
            if self.count == self.kill_at:
                os.kill(os.getpid(), signal.SIGKILL)

    def install(self) -> None:
        from sqlalchemy import Engine, event

        def before_statement(_conn, _cursor, statement, _params, _context, _many):  # type: ignore[no-untyped-def]
            self.reach("sql", statement)

        def before_commit(_conn):  # type: ignore[no-untyped-def]
            self.reach("commit", "")

        event.listen(Engine, "before_cursor_execute", before_statement)
        event.listen(Engine, "commit", before_commit)
        replace = os.replace

        def replace_with_kill_point(src, dst, **kw):  # type: ignore[no-untyped-def]
            if "__pycache__" not in Path(dst).parts:  # numba's compile cache: written on a cold checkout only
                self.reach("rename", str(dst))
            return replace(src, dst, **kw)

        os.replace = replace_with_kill_point


def _child(job: dict) -> None:
    code = 1
    try:
        os.setpgid(0, 0)  # the zygote can kill whatever this run started
        out = os.open(job["output"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(out, 1)
        os.dup2(out, 2)
        os.environ.update(job["env"])
        tempfile.tempdir = None  # honour the job's TMPDIR
        KillPoints(job["kill_at"], job["log"]).install()
        from kiosk.cli import main

        main.main(args=job["argv"], prog_name="zuil", standalone_mode=True)
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:  # report anything: the run's exit status says it failed
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def serve() -> None:
    # The slow imports, done once before forking: the CLI, and what its commands import when they run (the store,
    # the audit log, the keys, the demo), seconds of every run otherwise.
    import enrollment.audit.events
    import enrollment.audit.verification
    import enrollment.keys.key_store
    import enrollment.records.reseal  # noqa: F401
    import kiosk.cli
    import kiosk.demo  # noqa: F401

    for line in sys.stdin:
        job = json.loads(line)
        pid = os.fork()
        if pid == 0:
            _child(job)
        _, status = os.waitpid(pid, 0)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(pid, signal.SIGKILL)  # anything the run left behind
        reply = {"signal": os.WTERMSIG(status)} if os.WIFSIGNALED(status) else {"exit": os.WEXITSTATUS(status)}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    serve()
