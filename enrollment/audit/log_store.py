"""The audit log's own SQLite file (``audit.sqlite3`` in the data dir): entries and checkpoints, append only.

The file is made like the record store's (:func:`enrollment.records.store.make_engine`: a 0600 file in a 0700
folder, WAL, ``synchronous=FULL``), but is a file of its own. The file itself keeps it append-only:
triggers abort every UPDATE and DELETE of an entry or a checkpoint. An append reads the last entry, links the
new one to it and inserts it (and a checkpoint when one is due) in one transaction, so a crash leaves the
log with or without the whole entry; a writer that loses the race to another process starts again.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from sqlalchemy import URL, Connection, text
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from enrollment.audit.checkpoints import Checkpoint, sign
from enrollment.audit.entries import GENESIS, Entry, Kind, Outcome, check_fields, encode, entry_hash, utc_now
from enrollment.audit.errors import AuditError, AuditLogCorrupt
from enrollment.keys.keyring import KeyRing
from enrollment.records.store import make_engine

FILE_NAME = "audit.sqlite3"
SCHEMA_VERSION = 1
CHECKPOINT_EVERY = 100  # entries; a checkpoint is signed by the first append with a key ring once this many
WRITE_ATTEMPTS = 50  # another process appending at the same moment: start the transaction again

_SCHEMA = (
    "CREATE TABLE audit_entries (seq INTEGER PRIMARY KEY, entry BLOB NOT NULL, hash BLOB NOT NULL)",
    "CREATE TABLE audit_checkpoints (number INTEGER PRIMARY KEY, entries INTEGER NOT NULL, head BLOB NOT NULL, "
    "time TEXT NOT NULL, key_version INTEGER NOT NULL, signature BLOB NOT NULL)",
    *(f"CREATE TRIGGER {table}_append_only_{verb.lower()} BEFORE {verb} ON {table} "
      f"BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: {verb} of {table} refused'); END"
      for table in ("audit_entries", "audit_checkpoints") for verb in ("UPDATE", "DELETE")),
    f"PRAGMA user_version = {SCHEMA_VERSION}",
)

T = TypeVar("T")


def audit_log_path(data_dir: Path) -> Path:
    return Path(data_dir) / FILE_NAME


@dataclass(frozen=True)
class StoredEntry:
    seq: int
    data: bytes
    stored_hash: bytes


class AuditLog:
    """The log at ``path`` (made on first use). With ``signer`` (the unlocked key ring) an append signs a
    checkpoint whenever ``checkpoint_every`` entries are not yet covered by one."""

    def __init__(self, path: Path, *, signer: KeyRing | None = None,
                 checkpoint_every: int = CHECKPOINT_EVERY) -> None:
        self.path = Path(path)
        self.signer = signer
        self.checkpoint_every = checkpoint_every
        self.engine = make_engine(URL.create("sqlite", database=str(self.path)).render_as_string())
        try:
            self._write(self._ensure_schema)
        except BaseException:
            self.engine.dispose()
            raise

    def append(self, kind: Kind | str, *, actor: str, subject: str | None = None,
               outcome: Outcome | str = Outcome.OK, details: Mapping[str, object] | None = None) -> Entry:
        """Add one entry after the last one; :class:`~enrollment.audit.errors.EntryRefused` (nothing written)
        for personal data in it."""
        checked_kind, checked_outcome, plain = check_fields(kind, actor, subject, outcome, details or {})

        def work(conn: Connection) -> Entry:
            seq, prev = self._tail(conn)
            entry = Entry(seq + 1, utc_now(), checked_kind, actor, subject, checked_outcome, plain, prev)
            data = encode(entry)
            conn.execute(text("INSERT INTO audit_entries (seq, entry, hash) VALUES (:seq, :entry, :hash)"),
                         {"seq": entry.seq, "entry": data, "hash": entry_hash(data)})
            if self.signer is not None and entry.seq - self._last_checkpoint(conn)[1] >= self.checkpoint_every:
                self._sign(conn, self.signer)
            return entry

        return self._write(work)

    def checkpoint(self, ring: KeyRing) -> Checkpoint:
        """Sign a checkpoint of the log as it is now (on demand: after a key operation, before an export)."""
        return self._write(lambda conn: self._sign(conn, ring))

    def entries(self) -> Iterator[StoredEntry]:
        """Every stored entry in sequence order, as stored (not checked)."""
        with self.engine.connect() as conn:
            rows = conn.execute(text("SELECT seq, entry, hash FROM audit_entries ORDER BY seq"))
            for seq, data, stored_hash in rows:
                yield StoredEntry(seq, bytes(data), bytes(stored_hash))

    def newest_containing(self, needle: bytes) -> Iterator[StoredEntry]:
        """The stored entries whose bytes contain ``needle``, newest first (as stored, not checked)."""
        with self.engine.connect() as conn:
            rows = conn.execute(text("SELECT seq, entry, hash FROM audit_entries WHERE instr(entry, :needle) > 0 "
                                     "ORDER BY seq DESC"), {"needle": needle})
            for seq, data, stored_hash in rows:
                yield StoredEntry(seq, bytes(data), bytes(stored_hash))

    def checkpoints(self) -> list[Checkpoint]:
        with self.engine.connect() as conn:
            rows = conn.execute(text("SELECT number, entries, head, time, key_version, signature "
                                     "FROM audit_checkpoints ORDER BY number")).all()
        return [Checkpoint(n, e, bytes(h), t, v, bytes(s)) for n, e, h, t, v, s in rows]

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> AuditLog:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _sign(self, conn: Connection, ring: KeyRing) -> Checkpoint:
        entries, head = self._tail(conn)
        number = self._last_checkpoint(conn)[0] + 1
        checkpoint = sign(ring, number, entries, head, utc_now())
        conn.execute(text("INSERT INTO audit_checkpoints (number, entries, head, time, key_version, signature) "
                          "VALUES (:number, :entries, :head, :time, :key_version, :signature)"),
                     {"number": number, "entries": entries, "head": head, "time": checkpoint.time,
                      "key_version": checkpoint.key_version, "signature": checkpoint.signature})
        return checkpoint

    @staticmethod
    def _tail(conn: Connection) -> tuple[int, bytes]:
        """The last entry's number and the hash of its stored bytes (0 and GENESIS for an empty log)."""
        row = conn.execute(text("SELECT seq, entry FROM audit_entries ORDER BY seq DESC LIMIT 1")).first()
        return (row[0], entry_hash(bytes(row[1]))) if row else (0, GENESIS)

    @staticmethod
    def _last_checkpoint(conn: Connection) -> tuple[int, int]:
        row = conn.execute(text("SELECT number, entries FROM audit_checkpoints ORDER BY number DESC LIMIT 1")).first()
        return (row[0], row[1]) if row else (0, 0)

    def _ensure_schema(self, conn: Connection) -> None:
        version = conn.exec_driver_sql("PRAGMA user_version").scalar()
        if version == SCHEMA_VERSION:
            return
        tables = conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
        if version != 0 or tables:
            raise AuditLogCorrupt(f"{self.path} is not an audit log of schema {SCHEMA_VERSION} "
                                  f"(user_version {version}, {tables} schema objects)")
        for statement in _SCHEMA:
            conn.exec_driver_sql(statement)

    def _write(self, work: Callable[[Connection], T]) -> T:
        for attempt in range(WRITE_ATTEMPTS):
            try:
                with self.engine.begin() as conn:
                    return work(conn)
            except OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise AuditError(f"audit log {self.path}: {exc.orig}") from exc
                time.sleep(0.005 * (attempt + 1))  # another process appended between our read and our write
            except SQLAlchemyError as exc:
                raise AuditError(f"audit log {self.path}: {getattr(exc, 'orig', exc)}") from exc
        raise AuditError(f"audit log {self.path} stayed locked by another writer; the entry was not written")
