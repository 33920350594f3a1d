"""Busy processes that load the CPU while tests run: ``make test-loaded`` and the timing tests use them.

``python -m tests.cpu_hogs [PYTEST ARGS]`` runs pytest (default: the whole suite) while two hogs spin, and
stops the hogs afterwards, also when pytest fails or is interrupted. Each hog also exits by itself once its
parent is gone, so a killed run leaves none behind.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

HOGS = 2
# Spins; every few million turns checks that the parent is still there.
_SPIN = ("import os\nparent = os.getppid()\nwhile os.getppid() == parent:\n"
         "    for _ in range(2_000_000):\n        pass\n")


@contextmanager
def cpu_hogs(count: int = HOGS) -> Iterator[list[int]]:
    """``count`` processes that each keep one core busy; yields their pids and stops them on exit."""
    procs = [subprocess.Popen([sys.executable, "-c", _SPIN]) for _ in range(count)]
    try:
        yield [proc.pid for proc in procs]
    finally:
        for proc in procs:
            proc.kill()
        for proc in procs:
            proc.wait()


def main(argv: list[str]) -> int:
    with cpu_hogs() as pids:
        print(f"cpu hogs running: pids {', '.join(map(str, pids))}", flush=True)
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
        try:
            return subprocess.call([sys.executable, "-m", "pytest", *argv], env=env)
        except KeyboardInterrupt:
            return 130


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
