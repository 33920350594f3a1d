"""The kiosk's health in one report for the technician and for remote monitoring (``zuil status``; no Qt).

It gathers what a technician checks: the self-test rows (:mod:`kiosk.selftest`: settings, database, scanner, keys,
fonts), the outbox (:mod:`sync.status`), the versions of the program and its main libraries, each language's
translation status, the data folder's disk space and file sizes, record counts, and the kiosk's last warnings and
errors (:func:`kiosk.recent_log.read_lines`: the masked lines the running kiosk keeps in the data folder). It holds
no personal data: counts, versions, paths, states and masked log lines only. The keys are not unlocked for it (the
key check reads the key file's checksum), so it runs without the passphrase or the TPM.
"""

from __future__ import annotations

import platform
import shutil
import sys
from dataclasses import asdict
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from enrollment.records import store
from kiosk.recent_log import read_lines
from kiosk.selftest import Check, check_database, check_fonts, check_keys, check_scanner, check_settings
from kiosk.settings import KioskSettings
from kiosk.translation_status import translation_status

#: The distributions whose versions the report names (read from their metadata, none imported).
LIBRARIES = ("PySide6-Essentials", "opencv-python-headless", "numpy", "numba", "cryptography", "SQLAlchemy",
             "alembic", "pyserial", "httpx", "cbor2")
#: Below this much free space in the data folder's file system, the disk row is a warning.
LOW_DISK_BYTES = 1024**3
#: How many of the kiosk's last warnings and errors the report holds, newest first.
LOG_LINES = 20
#: The worst status first: the report's overall status is the worst of its rows.
STATUS_ORDER = ("FAIL", "WARN", "OK")


def status_report(kiosk: KioskSettings, *, scanner: bool = True, now: datetime | None = None) -> dict[str, Any]:
    """The kiosk's health now. ``scanner=False`` leaves out the scanner self-test (it opens the device, which the
    running kiosk holds; the technician's view runs it through the kiosk's own device worker instead)."""
    settings = kiosk.enrollment
    checks = [check_settings(settings), check_database(settings)]
    if scanner:
        checks.append(check_scanner(settings, kiosk.scanner))
    checks += [check_keys(settings), check_fonts(settings, kiosk.flags), check_disk(settings.data_dir)]
    database_ok = checks[1].status == "OK"
    return {
        "kiosk_id": settings.kiosk_id,
        "location": settings.location,
        "generated_at": (now or datetime.now(UTC)).isoformat(timespec="seconds"),
        "status": worst(c.status for c in checks),
        "checks": [asdict(c) for c in checks],
        "versions": versions(),
        "sync": _sync(kiosk) if database_ok else None,
        "records": _record_counts(settings.database) if database_ok else None,
        "translations": [_translation(language) for language in settings.languages],
        "disk": disk(settings.data_dir),
        "log": read_lines(settings.data_dir)[:LOG_LINES],
    }


def worst(statuses: Any) -> str:
    seen = set(statuses)
    return next((s for s in STATUS_ORDER if s in seen), "OK")


def versions() -> dict[str, str | None]:
    """This program's version, Python's, the platform's, the database schema this program needs, and each library's
    (None: not installed)."""
    found: dict[str, str | None] = {"aanmeldzuil": _version("aanmeldzuil"), "python": sys.version.split()[0],
                                    "platform": platform.platform(), "database_schema": store.head_revision()}
    found.update({name: _version(name) for name in LIBRARIES})
    return found


def _version(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def disk(data_dir: Path) -> dict[str, Any]:
    """Free and total bytes of the data folder's file system, and the size of each file directly in it."""
    if not data_dir.is_dir():
        return {"data_dir": str(data_dir), "free_bytes": None, "total_bytes": None, "files": {}}
    usage = shutil.disk_usage(data_dir)
    files = {p.name: p.stat().st_size for p in sorted(data_dir.iterdir()) if p.is_file()}
    return {"data_dir": str(data_dir), "free_bytes": usage.free, "total_bytes": usage.total, "files": files}


def check_disk(data_dir: Path) -> Check:
    if not data_dir.is_dir():
        return Check("disk", "FAIL", f"the data folder {data_dir} is not there")
    free = shutil.disk_usage(data_dir).free
    text = f"{free / 1024**3:.1f} GiB free in {data_dir}"
    if free < LOW_DISK_BYTES:
        return Check("disk", "WARN", f"only {text}: intakes stop when the disk is full")
    return Check("disk", "OK", text)


def _translation(language: str) -> dict[str, Any]:
    found = translation_status(language)
    return {"language": language, "messages": found.messages, "translated": found.translated,
            "unfinished": found.unfinished, "reviewed": found.reviewed}


def _sync(kiosk: KioskSettings) -> dict[str, Any]:
    from sqlalchemy.orm import Session

    from sync.errors import SyncError
    from sync.registration import is_registered, load_registration
    from sync.status import outbox_status

    data_dir = Path(kiosk.enrollment.data_dir)
    try:  # registered: the upstream and the gallery feed's cursor held from it
        registration = load_registration(data_dir) if is_registered(data_dir) else None
    except SyncError:  # a damaged registration: `zuil sync status` names the damage; the report goes on
        registration = None
    engine = store.make_engine(kiosk.enrollment.database)
    try:
        with Session(engine) as session:
            return outbox_status(session, kiosk.enrollment.kiosk_id, registration=registration)
    finally:
        engine.dispose()


def _record_counts(database: str) -> dict[str, int]:
    """Rows per table of the record store (how many intakes, captures, ... are held): numbers only."""
    from sqlalchemy import func, select

    from enrollment.records.models import Base

    engine = store.make_engine(database)
    try:
        with engine.connect() as conn:
            return {name: conn.scalar(select(func.count()).select_from(table)) or 0
                    for name, table in sorted(Base.metadata.tables.items())}
    finally:
        engine.dispose()


def report_lines(report: dict[str, Any]) -> list[str]:
    """The report as the lines ``zuil status`` prints and the technician's view shows."""
    width = max(len(c["name"]) for c in report["checks"])
    lines = [f"kiosk {report['kiosk_id']} at {report['location']}: {report['status']}", ""]
    lines += [f"{c['name']:<{width}}  {c['status']:<4}  {c['detail']}" for c in report["checks"]]
    if (outbox := report["sync"]) is not None:
        age = outbox["oldest_queued_age_s"]
        lines += ["", f"outbox: {outbox['queued']} queued (oldest {'-' if age is None else f'{age} s'}), "
                      f"{outbox['delivered']} delivered; last success: {outbox['last_success']}; "
                      f"last error: {outbox['last_error']}; gallery feed cursor {outbox['feed_cursor']}"
                      + ("" if outbox["upstream"] else " (not registered)")]
    languages = report["translations"]
    drafts = [t["language"] for t in languages if not t["reviewed"]]
    lines += [f"translations: {len(languages) - len(drafts)} of {len(languages)} reviewed"
              + (f" (drafts: {', '.join(drafts)})" if drafts else "")]
    versions = report["versions"]
    lines += [f"aanmeldzuil {versions['aanmeldzuil']}, Python {versions['python']}, "
              f"database schema {versions['database_schema']}"]
    return lines
