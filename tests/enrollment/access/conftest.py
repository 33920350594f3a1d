"""Fixtures of the access-layer tests: a real SQLite record store and a real audit log in the test's folder, a
clock the test moves, an intake with a duplicate hit (and a V-number, templates and an image that must never
reach the audit log), and one account of each role."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from enrollment.access.roles import Role
from enrollment.access.service import KEY_HOLDER, AccessService
from enrollment.audit.entries import Entry, decode
from enrollment.audit.log_store import AuditLog
from enrollment.records import intakes
from enrollment.records.locations import DEFAULT_LOCATIONS
from enrollment.records.store import RecordStore
from enrollment.records.vocabulary import IdentificationDecision
from enrollment.settings import AccountSettings
from enrollment.values.vnumber import parse_vnumber

VNUMBER = "2718281828"
TEMPLATE = b"TEMPLATE-BYTES-\x01\x02\x03"
IMAGE = b"IMAGE-BYTES-\x04\x05\x06"
CANDIDATE = "9f2c6a4e-0000-4000-8000-candidate0001"
PIN = {"officer": "402913", "officer2": "583920", "worker": "739104", "tech": "standing-orders-7"}
ROLE_OF = {"officer": Role.OFFICER, "officer2": Role.OFFICER, "worker": Role.INTAKE_WORKER,
           "tech": Role.TECHNICIAN}
SETTINGS = AccountSettings(lockout_attempts=3, lockout_seconds=120, idle_logout_minutes=5)


@dataclass
class Clock:
    now: datetime = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(sqlite_url, keyring):
    opened = RecordStore(sqlite_url, keyring)
    yield opened
    opened.close()


@pytest.fixture
def log(tmp_path):
    with AuditLog(tmp_path / "audit.sqlite3") as opened:
        yield opened


@pytest.fixture
def service(store, log, clock) -> AccessService:
    made = AccessService(store, log, SETTINGS, clock=clock)
    for name, pin in PIN.items():
        made.add_account(KEY_HOLDER, name, ROLE_OF[name], pin)
    return made


def make_intake(store: RecordStore, decision: IdentificationDecision = IdentificationDecision.HIT) -> str:
    with store.transaction() as s:
        intakes.sync_locations(s, DEFAULT_LOCATIONS)
        intake = intakes.start_intake(s, location_id="rotterdam", kiosk_id="zuil-rtd-01",
                                      v_number=parse_vnumber(VNUMBER))
        intakes.add_capture(s, intake, finger_position=2, quality=70, template=TEMPLATE, image=IMAGE,
                            device_id="sim:1")
        candidates = [{"person_id": CANDIDATE, "fused": 88.5, "per_finger": [44.0, 44.5]}] \
            if decision is IdentificationDecision.HIT else []
        intakes.add_identification(s, intake, decision=decision, threshold_name="FMR_1_IN_10000", gallery_size=3,
                                   candidates=candidates)
        return intake.id


@pytest.fixture
def hit(store) -> str:
    return make_intake(store)


def entries(log: AuditLog) -> list[Entry]:
    return [decode(stored.data) for stored in log.entries()]


def raw_log(log: AuditLog) -> bytes:
    return b"".join(stored.data for stored in log.entries())
