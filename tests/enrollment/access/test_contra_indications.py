"""Contra-indication flags at the service layer: set and cleared by an officer with a decision, with who and when,
audited without the decision's reason; refused to the intake worker and the technician; undone with the decision
when its report fails; and written by no code path the machine runs on its own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import select

from enrollment.access.decisions import DecisionStep
from enrollment.access.errors import RoleRefused
from enrollment.access.service import KEY_HOLDER, AccessService
from enrollment.audit.entries import Kind
from enrollment.records import intakes
from enrollment.records.locations import DEFAULT_LOCATIONS
from enrollment.records.models import ContraIndicationFlag, Intake, OfficerDecisionRow
from enrollment.records.sealed_text import decision_reason
from enrollment.records.subject_record import subject_record
from enrollment.records.vocabulary import ContraIndication, OfficerDecision
from tests.enrollment.access.conftest import PIN, ROLE_OF, SETTINGS, entries, raw_log

ROOT = Path(__file__).resolve().parents[3]
DUBLIN, EU, BAN = ContraIndication.DUBLIN_CLAIMANT, ContraIndication.EU_CITIZEN, ContraIndication.HEAVY_ENTRY_BAN


def _rows(store, intake_id: str) -> list[ContraIndicationFlag]:  # type: ignore[no-untyped-def]
    with store.transaction() as s:
        rows = list(s.scalars(select(ContraIndicationFlag).where(ContraIndicationFlag.intake_id == intake_id)
                              .order_by(ContraIndicationFlag.flag)))
        s.expunge_all()
        return rows


def test_an_officer_sets_and_clears_flags_with_a_decision_and_each_step_says_who_and_when(service, store, log,
                                                                                         clock, hit):
    first, second = service.login("officer", PIN["officer"]), service.login("officer2", PIN["officer2"])
    service.record_decision(first, hit, OfficerDecision.REFER_TO_LSO, "Dublin hit in Eurodac, EU passport",
                            contra_indications=[DUBLIN, EU])
    assert service.contra_indications(first, hit) == {DUBLIN, EU}
    set_at = clock.now
    clock.advance(minutes=5)
    service.record_decision(second, hit, OfficerDecision.REFER_TO_LSO, "passport is not EU after all",
                            contra_indications=[DUBLIN, BAN])
    assert service.contra_indications(first, hit) == {DUBLIN, BAN}
    rows = {row.flag: row for row in _rows(store, hit)}
    assert (rows[DUBLIN].recorded_by, rows[DUBLIN].cleared_by) == (first.account_id, None)
    assert (rows[EU].recorded_by, rows[EU].cleared_by) == (first.account_id, second.account_id)
    assert rows[EU].recorded_at.replace(tzinfo=None) == set_at.replace(tzinfo=None)
    assert rows[EU].cleared_at.replace(tzinfo=None) == clock.now.replace(tzinfo=None)
    assert rows[BAN].recorded_by == second.account_id
    service.record_decision(first, hit, OfficerDecision.REFER_TO_LSO, "no change to the flags")  # None: as they are
    assert service.contra_indications(first, hit) == {DUBLIN, BAN}
    decided = [e for e in entries(log) if e.kind is Kind.DECISION]
    assert [(e.actor, e.details["flags_set"], e.details["flags_cleared"]) for e in decided] == [
        (first.account_id, "dublin_claimant,eu_citizen", ""), (second.account_id, "heavy_entry_ban", "eu_citizen"),
        (first.account_id, "", "")]
    assert b"Eurodac" not in raw_log(log) and b"passport" not in raw_log(log)


@pytest.mark.parametrize("name", ["worker", "tech"])
def test_the_intake_worker_and_the_technician_can_neither_read_nor_set_flags(service, store, log, hit, name):
    officer = service.login("officer", PIN["officer"])
    service.record_decision(officer, hit, OfficerDecision.REFER_TO_LSO, "for the LSO", contra_indications=[DUBLIN])
    staff = service.login(name, PIN[name])
    before = len(entries(log))
    with pytest.raises(RoleRefused):
        service.contra_indications(staff, hit)
    with pytest.raises(RoleRefused):
        service.record_decision(staff, hit, OfficerDecision.PROCEED, "cleared", contra_indications=[])
    with pytest.raises(RoleRefused):
        service.view_evidence(staff, hit)
    assert [(r.flag, r.cleared_by) for r in _rows(store, hit)] == [(DUBLIN, None)]
    assert len(entries(log)) == before


def test_the_decision_hook_runs_in_the_decisions_transaction_and_its_failure_undoes_decision_and_flags(store, log,
                                                                                                     clock, hit):
    class ReportFailed(Exception):
        pass

    seen: list[tuple[str, DecisionStep, set]] = []

    def failing(session, row, step):  # type: ignore[no-untyped-def]
        seen.append((decision_reason(session, row), step, {f.flag for f in row.intake.flags}))  # in the session
        raise ReportFailed

    service = AccessService(store, log, SETTINGS, clock=clock, on_decision=failing)
    service.add_account(KEY_HOLDER, "officer", ROLE_OF["officer"], PIN["officer"])
    officer = service.login("officer", PIN["officer"])
    with pytest.raises(ReportFailed):
        service.record_decision(officer, hit, OfficerDecision.SAME_PERSON, "same scars", contra_indications=[EU])
    assert seen == [("same scars", DecisionStep.DECIDE, {EU})]
    with store.transaction() as s:
        assert list(s.scalars(select(OfficerDecisionRow))) == []
    assert _rows(store, hit) == []
    assert not any(e.kind is Kind.DECISION for e in entries(log))


def _product_sources() -> dict[str, str]:
    return {str(path.relative_to(ROOT)): path.read_text("utf-8")
            for package in ("enrollment", "kiosk", "sync", "drivers") for path in (ROOT / package).rglob("*.py")
            if "migrations" not in path.parts}


def test_no_code_path_of_the_machine_sets_or_clears_a_flag():
    """Flags are written in enrollment/access/flags.py only, which the access service alone calls, inside
    record_decision (an officer's session); the store's own helper in enrollment/records/intakes.py is called by
    no product module."""
    sources = _product_sources()
    writers = {name for name, text in sources.items()
               if re.search(r"ContraIndicationFlag\(|\.cleared_by\s*=|cleared_by,\s*\w+\.cleared_at\s*=", text)}
    assert writers == {"enrollment/access/flags.py", "enrollment/records/intakes.py",
                       "enrollment/records/models.py"}
    assert {name for name, text in sources.items() if "set_exactly(" in text} == {
        "enrollment/access/flags.py", "enrollment/access/service.py"}
    assert [name for name, text in sources.items() if "flag_contra_indication(" in text] == [
        "enrollment/records/intakes.py"]


def test_the_persons_export_shows_who_set_and_who_cleared_each_flag(service, store, clock):
    with store.transaction() as s:  # no captures: the export opens templates, which these tests do not make
        intakes.sync_locations(s, DEFAULT_LOCATIONS)
        hit = intakes.start_intake(s, location_id="rotterdam", kiosk_id="zuil-rtd-01", v_number=None).id
    officer = service.login("officer", PIN["officer"])
    service.record_decision(officer, hit, OfficerDecision.REFER_TO_LSO, "for the LSO", contra_indications=[EU])
    clock.advance(minutes=1)
    service.record_decision(officer, hit, OfficerDecision.REFER_TO_LSO, "not EU", contra_indications=[])
    with store.transaction() as s:
        exported = subject_record(s, [s.get(Intake, hit)])
    [flag] = exported["intakes"][0]["contra_indications"]
    assert (flag["flag"], flag["recorded_by"], flag["cleared_by"]) == ("eu_citizen", officer.account_id,
                                                                       officer.account_id)
    assert flag["cleared_at"] == clock.now.isoformat()
