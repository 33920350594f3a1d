"""Crash tests: run a ``zuil`` command, kill it with SIGKILL before its N-th SQL statement, commit or file
rename, for every N, and check what it leaves behind (see :mod:`tests.crash.harness`)."""
