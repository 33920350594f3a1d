"""A private, throw-away PostgreSQL server for the tests that must run on a real PostgreSQL.

It uses the server binaries of Debian's ``postgresql`` package (``initdb``, ``pg_ctl``), listens only on a
unix socket in a temporary folder, and is stopped at the end of the session. Without the package the tests
are skipped with a message naming it, except under CI (``CI=true``), where a missing server is a failure.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import NoReturn

from tests.missing import missing

PACKAGE_HINT = "install the Debian package 'postgresql' (apt-get install postgresql)"


def _bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _missing(reason: str) -> NoReturn:
    missing("PostgreSQL tests", reason)


class PrivatePostgres:
    def __init__(self) -> None:
        bindir = _bindir()
        if bindir is None:
            _missing(f"no PostgreSQL server binaries found; {PACKAGE_HINT}")
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="zuil-pg-"))
        self.data = self.root / "data"
        self.socket = self.root / "sock"
        self.socket.mkdir()
        self.user: str | None = None
        if os.geteuid() == 0:  # initdb refuses to run as root: run the server as the 'postgres' system user
            try:
                pwd.getpwnam("postgres")
            except KeyError:
                _missing(f"running as root and there is no 'postgres' user; {PACKAGE_HINT}")
            self.user = "postgres"
            shutil.chown(self.root, "postgres")
            shutil.chown(self.socket, "postgres")
            os.chmod(self.root, 0o755)

    def _run(self, *args: str) -> None:
        cmd = list(args)
        if self.user:
            cmd = ["runuser", "-u", self.user, "--", *cmd]
        subprocess.run(cmd, check=True, capture_output=True, timeout=120)

    def start(self) -> str:
        self._run(str(self.bindir / "initdb"), "-D", str(self.data), "-U", "zuil", "--auth=trust", "-E", "UTF8",
                  "--locale=C")
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-w", "-t", "60", "-l",
                  str(self.root / "server.log"), "-o", f"-k {self.socket} -c listen_addresses='' -p 54329",
                  "start")
        return f"postgresql+psycopg://zuil@/postgres?host={self.socket}&port=54329"

    def stop(self) -> None:
        try:
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
