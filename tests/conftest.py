"""Shared test fixtures: paths to the public sample data, seeded randomness, offscreen Qt, and the hypothesis
profile every test runs under."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import settings

from tests.missing import sample_folder

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Every hypothesis test draws the same examples on every run (derandomize, which also leaves the example
# database out), and a slow example on a loaded machine is not a failure (no deadline; pytest-timeout is for
# hangs). A test's own @settings(...) starts from this profile, so only what it names differs.
settings.register_profile("aanmeldzuil", derandomize=True, deadline=None)
settings.load_profile("aanmeldzuil")

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = PROJECT_ROOT.parent / "shared" / "data"
SOURCEAFIS_SAMPLES = SHARED_DATA / "sourceafis-samples"


@pytest.fixture
def sourceafis_samples() -> Path:
    """The public SourceAFIS sample images and ISO templates; absent, a skip with the reason, or under CI a
    failure (tests/missing.py)."""
    return sample_folder(SOURCEAFIS_SAMPLES)


@pytest.fixture(scope="session")
def postgres_server_url():
    """URL of a private PostgreSQL server (database 'postgres'), started for this test session."""
    from tests.postgres import PrivatePostgres

    server = PrivatePostgres()
    url = server.start()
    yield url
    server.stop()


@pytest.fixture
def postgres_url(postgres_server_url):
    """A fresh, empty database on the private server for one test."""
    import uuid

    from sqlalchemy import create_engine, text

    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield postgres_server_url.replace("/postgres?", f"/{name}?")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def sqlite_url(tmp_path):
    return f"sqlite:///{tmp_path / 'records.sqlite3'}"


@pytest.fixture
def lax_umask():
    """Run the test under umask 022 (the usual default), so that a file mode the code leaves to the umask shows."""
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.fixture
def keyring(tmp_path):
    """Real keys for a record store in a test: a demo key file (unsealed, so no Argon2id per test) in a ``demo``
    folder of the test's own folder."""
    from enrollment.keys.demo_keys import open_demo_keys

    return open_demo_keys(tmp_path / "test-keys" / "demo")


# PySide6 (6.x) can abort the interpreter's last garbage collection, after every test has run and the summary is
# printed: "Fatal Python error: none_dealloc: deallocating None" and exit status 134 (reproduced with
# tests/kiosk/ui/test_theme_and_layout.py and test_translations.py in one run, on commits before and after this
# hook). It is a reference-count fault in the binding's teardown, not in a test; it would turn a passing run into a
# failing one at random. So the run ends here, once every other plugin has finished, with pytest's own exit
# status: the interpreter's finalisation, where the fault strikes, is skipped. A failing test still fails the run.
@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session, exitstatus):  # type: ignore[no-untyped-def]
    session.config.stash[_EXIT_STATUS] = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):  # type: ignore[no-untyped-def]
    status = config.stash.get(_EXIT_STATUS, None)
    if status is not None:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)


_EXIT_STATUS = pytest.StashKey[int]()
