"""Logging in and out at the service layer: lockout after failed attempts and its expiry, idle logout, explicit
logout, disabled accounts, each audited (and none of it naming what was typed)."""

from __future__ import annotations

import pytest

from enrollment.access.errors import AccountDisabled, AccountLocked, LoginRefused, SessionEnded, SessionExpired
from enrollment.access.service import KEY_HOLDER, AccessService
from enrollment.audit.entries import Kind, Outcome
from enrollment.audit.events import UNKNOWN_ACCOUNT
from enrollment.records.models import StaffAccount
from tests.enrollment.access.conftest import PIN, SETTINGS, VNUMBER, entries, raw_log


def _kinds(log, since: int = 0) -> list[tuple[Kind, Outcome, dict]]:  # type: ignore[no-untyped-def]
    return [(e.kind, e.outcome, dict(e.details)) for e in entries(log)[since:]]


def test_a_login_is_audited_with_the_role(service, log):
    staff = service.login("officer", PIN["officer"])
    last = entries(log)[-1]
    assert (last.kind, last.actor, dict(last.details)) == (Kind.LOGIN, staff.account_id, {"role": "officer"})


def test_an_unknown_name_is_refused_like_a_wrong_pin_and_logged_without_what_was_typed(service, log):
    before = len(entries(log))
    for name in (VNUMBER, "nobody-here", 7, ""):
        with pytest.raises(LoginRefused, match="the name or the PIN/password is wrong"):
            service.login(name, "402913")  # type: ignore[arg-type]
    logged = entries(log)[before:]
    assert [(e.kind, e.actor, e.outcome) for e in logged] == [(Kind.LOGIN_FAILED, UNKNOWN_ACCOUNT, Outcome.REFUSED)] * 4
    assert VNUMBER.encode() not in raw_log(log) and b"nobody-here" not in raw_log(log)
    with pytest.raises(LoginRefused, match="the name or the PIN/password is wrong"):
        service.login("officer", "999999x")


def test_lockout_after_the_set_failed_attempts_and_its_expiry(service, log, clock):
    before = len(entries(log))
    for _ in range(SETTINGS.lockout_attempts - 1):
        with pytest.raises(LoginRefused):
            service.login("officer", "111112")
    with pytest.raises(AccountLocked, match="locked for 120 s after 3 failed logins"):
        service.login("officer", "111112")
    clock.advance(seconds=SETTINGS.lockout_seconds - 1)
    with pytest.raises(AccountLocked, match="locked until 2026-12-01T09:02:00"):
        service.login("officer", PIN["officer"])  # the right PIN is not even checked while locked
    logged = _kinds(log, before)
    assert [k for k, _o, _d in logged] == [Kind.LOGIN_FAILED] * 3 + [Kind.LOCKOUT, Kind.LOGIN_FAILED]
    assert logged[3][2] == {"failed_attempts": 3, "seconds": 120}
    assert [d.get("reason") for _k, _o, d in logged] == ["wrong-secret"] * 3 + [None, "locked"]
    clock.advance(seconds=2)
    staff = service.login("officer", PIN["officer"])
    assert staff.role.value == "officer"
    assert _kinds(log)[-1][0] is Kind.LOGIN


def test_the_failure_count_restarts_after_a_login(service, clock):
    for _ in range(SETTINGS.lockout_attempts - 1):
        with pytest.raises(LoginRefused):
            service.login("worker", "111112")
    service.login("worker", PIN["worker"])
    for _ in range(SETTINGS.lockout_attempts - 1):
        with pytest.raises(LoginRefused):
            service.login("worker", "111112")
    service.login("worker", PIN["worker"])


def test_lockout_holds_for_a_new_service_on_the_same_store(service, store, log, clock):
    for _ in range(SETTINGS.lockout_attempts):
        with pytest.raises((LoginRefused, AccountLocked)):
            service.login("officer", "111112")
    again = AccessService(store, log, SETTINGS, clock=clock)  # the kiosk restarted
    with pytest.raises(AccountLocked):
        again.login("officer", PIN["officer"])
    with store.transaction() as s:
        assert s.query(StaffAccount).filter_by(name="officer").one().locked_until is not None


def test_idle_logout_after_the_set_minutes(service, log, clock, hit):
    staff = service.login("worker", PIN["worker"])
    clock.advance(minutes=4, seconds=59)
    service.intake_status(staff, hit)  # used: the idle time starts again
    clock.advance(minutes=5)
    service.intake_status(staff, hit)
    clock.advance(minutes=5, seconds=1)
    with pytest.raises(SessionExpired, match="idle for more than 5 minutes"):
        service.intake_status(staff, hit)
    last = entries(log)[-1]
    assert (last.kind, last.actor, dict(last.details)) == (Kind.LOGOUT, staff.account_id, {"idle": True})
    with pytest.raises(SessionEnded, match="log in again"):
        service.intake_status(staff, hit)
    assert sum(e.kind is Kind.LOGOUT for e in entries(log)) == 1  # logged out once


def test_explicit_logout_ends_the_session(service, log, hit):
    staff = service.login("officer", PIN["officer"])
    service.logout(staff)
    service.logout(staff)
    assert [dict(e.details) for e in entries(log) if e.kind is Kind.LOGOUT] == [{"idle": False}]
    with pytest.raises(SessionEnded):
        service.view_evidence(staff, hit)
    assert not any(e.kind is Kind.EVIDENCE_VIEW for e in entries(log))


def test_a_disabled_account_cannot_log_in_and_its_open_session_is_refused(service, log, hit):
    staff = service.login("officer", PIN["officer"])
    info = service.disable_account(KEY_HOLDER, "officer")
    assert info.disabled and info.disabled_at is not None
    with pytest.raises(AccountDisabled, match="was disabled"):
        service.view_evidence(staff, hit)
    with pytest.raises(SessionEnded):
        service.view_evidence(staff, hit)
    with pytest.raises(AccountDisabled, match="is disabled"):
        service.login("officer", PIN["officer"])
    changes = [e for e in entries(log) if e.kind is Kind.ACCOUNT_CHANGE]
    assert changes[-1].subject == staff.account_id and changes[-1].details == {"change": "disabled"}
    assert entries(log)[-1].kind is Kind.LOGIN_FAILED and entries(log)[-1].details == {"reason": "disabled"}
    assert not any(e.kind is Kind.EVIDENCE_VIEW for e in entries(log))


def test_a_password_account_logs_in_with_its_password(service):
    assert service.login("tech", PIN["tech"]).role.value == "technician"
    with pytest.raises(LoginRefused):
        service.login("tech", PIN["tech"].upper())
