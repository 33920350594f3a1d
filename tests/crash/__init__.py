"""Crash tests: run a ``zuil`` command, kill it with SIGKILL before its N-th SQL statement, commit or file
rename, for every N or for a selection of them, and check what it leaves behind (see :mod:`tests.crash.harness`).
The long commands are killed at the edges of each transaction and a sample of the other points;
``ZUIL_CRASH_EXHAUSTIVE=1`` makes those tests try every kill point."""
