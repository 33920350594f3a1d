"""Opening the record store: an SQLAlchemy engine (SQLite in WAL mode by default, or PostgreSQL), schema
upgrades through Alembic, and short transactional sessions that carry the kiosk's keys for the sealed fields.
"""

from __future__ import annotations

import os
import shlex
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from enrollment.errors import StorageError
from enrollment.keys.keyring import KeyRing
from enrollment.records.field_cipher import SESSION_KEY, FieldCipher
from enrollment.records.key_checks import verify_and_record

KeyProvider = Callable[[], KeyRing]

MIGRATIONS = Path(__file__).with_name("migrations")


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    dbapi_connection.isolation_level = None  # sqlite3 must not BEGIN on its own: _sqlite_begin does, DDL included
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")  # a committed intake survives power loss
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA secure_delete=ON")  # deleted and replaced rows are overwritten, not left in free pages
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _sqlite_begin(connection) -> None:  # type: ignore[no-untyped-def]
    """Every transaction starts with an explicit BEGIN, so that schema changes are part of it (the sqlite3
    module's legacy mode runs CREATE TABLE outside any transaction, committed at once)."""
    connection.exec_driver_sql("BEGIN")


def _private_folder(folder: Path) -> None:
    """Create ``folder`` as 0700 (and every missing folder above it: the demo's record lives in a folder of the
    data folder, which must not be left open), or refuse one that other users can enter or read."""
    missing = []
    path = folder
    while not path.exists() and path != path.parent:
        missing.append(path)
        path = path.parent
    try:
        for path in reversed(missing):
            path.mkdir(mode=0o700)
            os.chmod(path, 0o700)  # whatever the umask
    except OSError as exc:
        raise StorageError(f"cannot create the data folder {folder}: {exc.strerror}") from exc
    if missing:
        return
    mode = stat.S_IMODE(folder.stat().st_mode)
    if mode & 0o077:
        raise StorageError(f"the data folder {folder} is open to other users (mode {mode:04o}): "
                           f"run `chmod 700 {shlex.quote(str(folder))}`")


def _private_database_file(path: Path) -> None:
    """Create the SQLite file as 0600 before SQLite does (its WAL and SHM files take the database file's
    mode); take group and other permissions off files an older version left readable."""
    try:
        try:
            fd = os.open(path, os.O_RDONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            os.fchmod(fd, 0o600)  # whatever the umask
            os.close(fd)
        for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            if file.exists() and (mode := stat.S_IMODE(file.stat().st_mode)) & 0o077:
                os.chmod(file, mode & 0o700)
    except OSError as exc:
        raise StorageError(f"cannot create the database {path}: {exc.strerror}") from exc


def _writable(path: Path) -> None:
    """Refuse a database SQLite could not write, in words (SQLite would only say "unable to open database file")."""
    if not os.access(path.parent, os.W_OK):
        raise StorageError(f"the data folder {path.parent} is read-only: the database {path.name} cannot be "
                           "written there")
    if path.exists() and not os.access(path, os.W_OK):
        raise StorageError(f"the database {path} is read-only")


def make_engine(url: str) -> Engine:
    """An engine for ``url``. For an SQLite file: its folder is created 0700 (an existing folder that other
    users can open is refused), the file 0600; WAL, foreign keys and transactional DDL are switched on."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:") \
            and not parsed.query.get("uri"):
        path = Path(parsed.database)
        _private_folder(path.parent)
        _writable(path)
        _private_database_file(path)
    engine = create_engine(parsed, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def alembic_config(url: str, keys: KeyProvider | None = None) -> Config:
    """The Alembic configuration; ``keys`` (asked only by a migration that must seal plaintext it finds) is in
    ``attributes["keys"]``."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    cfg.attributes["keys"] = keys
    return cfg


def upgrade(url: str, revision: str = "head", *, keys: KeyProvider | None = None) -> None:
    """Bring the schema to ``revision``. A database that holds values from before the sealed fields needs
    ``keys`` to seal them in place; without keys (or when they do not unlock) it is refused and left as it was."""
    cfg = alembic_config(url, keys)
    try:
        command.upgrade(cfg, revision)
    except SQLAlchemyError as exc:
        raise StorageError(f"schema upgrade of {redact(url)} failed: {exc.__class__.__name__}: {exc}") from exc
    if cfg.attributes.get("sealed_plaintext"):
        _truncate_wal(url)


def _truncate_wal(url: str) -> None:
    """After plaintext was sealed in place: the WAL, which still holds the old pages, is checkpointed into the
    database (whose freed pages ``secure_delete`` zeroed) and truncated to nothing."""
    engine = make_engine(url)
    try:
        if engine.dialect.name == "sqlite":
            connection = engine.raw_connection()
            try:
                connection.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                connection.close()
    finally:
        engine.dispose()


def downgrade(url: str, revision: str = "base") -> None:
    try:
        command.downgrade(alembic_config(url), revision)
    except SQLAlchemyError as exc:
        raise StorageError(f"schema downgrade of {redact(url)} failed: {exc}") from exc


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def redact(url: str) -> str:
    """A database URL without its password, for messages and logs."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        return f"{scheme}://{creds.split(':', 1)[0]}:***@{host}"
    return url


class RecordStore:
    """The kiosk's record database, opened with the kiosk's unlocked keys. Refuses to work on a schema that is not
    at the current head, and refuses a key file other than the one the store was written with
    (:mod:`enrollment.records.key_checks`) before anything else is read or written."""

    def __init__(self, url: str, keyring: KeyRing, *, auto_upgrade: bool = True) -> None:
        self.url = url
        self.cipher = FieldCipher(keyring)
        if auto_upgrade:
            upgrade(url, keys=lambda: keyring)
        self.engine = make_engine(url)
        current = current_revision(self.engine)
        if current != head_revision():
            self.engine.dispose()
            raise StorageError(
                f"the database {redact(url)} is at schema {current or 'none'}, this program needs "
                f"{head_revision()}: run `zuil db upgrade`"
            )
        self._sessions = sessionmaker(self.engine, expire_on_commit=False, info={SESSION_KEY: self.cipher})
        try:
            with self.transaction() as session:
                verify_and_record(session, self.cipher, redact(url))
        except BaseException:
            self.engine.dispose()
            raise

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One atomic unit of work: everything in it is committed together or not at all."""
        session = self._sessions()
        try:
            with session.begin():
                yield session
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()
