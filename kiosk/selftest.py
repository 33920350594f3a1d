"""The checks behind ``zuil selftest`` (no Qt): each returns a row of the table a technician reads."""

from __future__ import annotations

from dataclasses import dataclass

from drivers.manager import DeviceManager
from drivers.settings import ScannerSettings
from enrollment.errors import EnrollmentError
from enrollment.records import store
from enrollment.settings import Settings
from kiosk.settings import KioskSettings


@dataclass(frozen=True)
class Check:
    name: str
    status: str  # OK, WARN, FAIL
    detail: str


def check_settings(settings: Settings) -> Check:
    return Check("settings", "OK", f"{settings.source}; location {settings.location}, kiosk {settings.kiosk_id}")


def check_database(settings: Settings) -> Check:
    try:
        engine = store.make_engine(settings.database)
        try:
            current = store.current_revision(engine)
        finally:
            engine.dispose()
    except (EnrollmentError, Exception) as exc:  # a broken database must show as a row, not a traceback
        return Check("database", "FAIL", f"{store.redact(settings.database)}: {exc.__class__.__name__}: {exc}")
    head = store.head_revision()
    if current != head:
        return Check("database", "FAIL", f"schema {current or 'none'}, needs {head}: run `zuil db upgrade`")
    return Check("database", "OK", f"{store.redact(settings.database)} at schema {current}")


def check_scanner(settings: Settings, scanner: ScannerSettings) -> Check:
    if not settings.biometrics_enabled:
        return Check("scanner", "OK", "biometrics are disabled at this site")
    with DeviceManager.for_kiosk(scanner, biometrics_enabled=settings.biometrics_enabled) as manager:
        result = manager.self_test()
    detail = "; ".join(f"{c.name}: {c.detail}" for c in result.checks)
    return Check("scanner", "OK" if result.ok else "FAIL", f"driver {result.driver}: {detail}")


def check_keys(settings: Settings) -> Check:
    return Check("keys", "WARN", "no key store yet (kiosk keys arrive with the encrypted gallery and outbox)")


def run_selftest(kiosk: KioskSettings) -> list[Check]:
    settings = kiosk.enrollment
    return [check_settings(settings), check_database(settings), check_scanner(settings, kiosk.scanner),
            check_keys(settings)]
