"""Every role boundary at the service layer: each role × each operation, allowed or refused, and what each
allowed answer holds (the intake worker and the technician never see personal or biometric data)."""

from __future__ import annotations

import dataclasses

import pytest

from enrollment.access.errors import RoleRefused
from enrollment.access.roles import Operation
from enrollment.access.service import AccessService
from enrollment.access.views import ProceedAnswer, ProceedReason
from enrollment.audit.entries import Kind
from enrollment.records.vocabulary import IdentificationDecision, OfficerDecision
from tests.enrollment.access.conftest import (
    CANDIDATE,
    IMAGE,
    PIN,
    TEMPLATE,
    VNUMBER,
    entries,
    make_intake,
    raw_log,
)

# Written out, not derived from enrollment.access.roles.ALLOWED: this is the rule the code must follow.
EXPECTED = {
    "officer": {"view-evidence", "record-decision", "confirm-decision", "intake-status", "export-summary"},
    "worker": {"intake-status"},
    "tech": {"technician-status", "manage-accounts", "rotate-keys"},
}


def _perform(service: AccessService, staff, operation: Operation, intake_id: str, pending_id: str):  # type: ignore[no-untyped-def]
    if operation is Operation.VIEW_EVIDENCE:
        return service.view_evidence(staff, intake_id)
    if operation is Operation.RECORD_DECISION:
        return service.record_decision(staff, intake_id, OfficerDecision.REFER_TO_LSO, "for the LSO")
    if operation is Operation.CONFIRM_DECISION:
        return service.confirm_decision(staff, pending_id)
    if operation is Operation.INTAKE_STATUS:
        return service.intake_status(staff, intake_id)
    if operation is Operation.TECHNICIAN_STATUS:
        return service.technician_status(staff)
    if operation is Operation.ROTATE_KEYS:
        return service.rotate_keys(staff)
    if operation is Operation.EXPORT_SUMMARY:
        return service.export_summary(staff, intake_id, lambda summary: "written")
    return service.add_account(staff, "new-account", "intake_worker", "864213")


@pytest.mark.parametrize("operation", list(Operation), ids=str)
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_role_may_do_exactly_its_operations(service, log, hit, name, operation):
    second = service.login("officer2", PIN["officer2"])
    pending = service.record_decision(second, hit, OfficerDecision.DIFFERENT_PERSON, "other person")
    staff = service.login(name, PIN[name])
    before = len(entries(log))
    if operation.value in EXPECTED[name]:
        assert _perform(service, staff, operation, hit, pending.decision_id) is not None
        assert len(entries(log)) >= before
    else:
        with pytest.raises(RoleRefused, match=f"the {staff.role.value} role may not"):
            _perform(service, staff, operation, hit, pending.decision_id)
        assert len(entries(log)) == before  # nothing viewed, decided or changed
        assert not any(e.kind is Kind.EVIDENCE_VIEW for e in entries(log))


def test_every_operation_is_in_the_matrix():
    assert {op for ops in EXPECTED.values() for op in ops} == {op.value for op in Operation}


def test_the_officer_sees_the_evidence_as_stored_and_the_view_is_audited_without_it(service, log, hit):
    officer = service.login("officer", PIN["officer"])
    evidence = service.view_evidence(officer, hit)
    assert evidence.intake_id == hit
    assert [c.template for c in evidence.captures] == [TEMPLATE] and [c.image for c in evidence.captures] == [IMAGE]
    assert evidence.identifications[0].decision is IdentificationDecision.HIT
    assert evidence.identifications[0].candidates[0]["person_id"] == CANDIDATE
    views = [e for e in entries(log) if e.kind is Kind.EVIDENCE_VIEW]
    assert len(views) == 1 and views[0].subject == hit and views[0].actor == officer.account_id
    assert views[0].details == {"identifications": 1, "captures": 1}
    service.view_evidence(officer, hit)
    assert sum(e.kind is Kind.EVIDENCE_VIEW for e in entries(log)) == 2  # every view
    raw = raw_log(log)
    for secret in (VNUMBER.encode(), TEMPLATE, IMAGE, CANDIDATE.encode(), b"officer2", PIN["officer"].encode()):
        assert secret not in raw


def test_the_intake_worker_sees_only_whether_the_intake_may_proceed(service, store, hit):
    worker = service.login("worker", PIN["worker"])
    answer = service.intake_status(worker, hit)
    assert {f.name for f in dataclasses.fields(ProceedAnswer)} == {"intake_id", "reason"}
    assert answer == ProceedAnswer(hit, ProceedReason.AWAITING_OFFICER) and not answer.may_proceed
    assert "officer" in answer.words
    clear = make_intake(store, IdentificationDecision.NO_HIT)
    assert service.intake_status(worker, clear).may_proceed
    assert service.intake_status(worker, make_intake(store, IdentificationDecision.NOT_PERFORMED)).may_proceed
    shown = repr(answer) + answer.words
    assert VNUMBER not in shown and CANDIDATE not in shown


def test_the_technician_sees_keys_and_counts_but_no_personal_data(service, store, hit):
    tech = service.login("tech", PIN["tech"])
    status = service.technician_status(tech)
    assert status.key_file_demo and status.data_key_versions == {"gallery": 1, "vnumber-hmac": 1, "signing": 1}
    assert status.record_counts == {"intakes": 1, "captures": 1, "identification_results": 1}
    assert status.active_accounts == {"officer": 2, "intake_worker": 1, "technician": 1}
    assert status.audit_entries > 0
    shown = repr(status)
    account_ids = [info.id for info in service.list_accounts(tech)]
    for personal in (hit, VNUMBER, CANDIDATE, "officer2", *account_ids):
        assert personal not in shown


def test_a_session_of_another_service_or_none_is_refused(service, hit):
    from enrollment.access.errors import SessionEnded
    from enrollment.access.service import KEY_HOLDER

    with pytest.raises(SessionEnded):
        service.view_evidence(None, hit)  # type: ignore[arg-type]
    with pytest.raises(SessionEnded, match="manage accounts only"):
        service.view_evidence(KEY_HOLDER, hit)  # type: ignore[arg-type]


def test_the_technician_rotates_the_keys_audited_as_the_cli_does_and_new_writes_use_them(service, store, log, hit):
    from enrollment.audit.entries import Outcome
    from enrollment.keys.key_store import key_file_info

    tech = service.login("tech", PIN["tech"])
    rotated = service.rotate_keys(tech)
    assert rotated.master_key_version == 2
    assert rotated.data_key_versions == {"gallery": 2, "vnumber-hmac": 2, "signing": 2}
    status = service.technician_status(tech)
    assert status.master_key_version == 2 and status.data_key_versions == rotated.data_key_versions
    rotation = [e for e in entries(log) if e.kind is Kind.KEY_OPERATION and e.details["operation"] == "rotate"]
    assert len(rotation) == 1 and rotation[0].actor == tech.account_id and rotation[0].outcome is Outcome.OK
    assert rotation[0].details["master_version"] == 2
    assert rotation[0].details["key_file"] == key_file_info(store.cipher.keyring.path.parent).checksum
    assert log.checkpoints()  # signed with the newest signing key, as after `zuil keys rotate`
    later = make_intake(store)  # sealed under the new gallery key, and the old intake still opens
    assert service.view_evidence(service.login("officer", PIN["officer"]), later).captures[0].template == TEMPLATE
    assert service.view_evidence(service.login("officer", PIN["officer"]), hit).captures[0].image == IMAGE


@pytest.mark.parametrize("name", ["officer", "worker"])
def test_an_officer_or_intake_worker_may_not_rotate_and_the_key_file_stays(service, store, log, name):
    from enrollment.keys.key_store import key_file_info

    folder = store.cipher.keyring.path.parent
    before, logged = key_file_info(folder).checksum, len(entries(log))
    with pytest.raises(RoleRefused, match="may not rotate keys"):
        service.rotate_keys(service.login(name, PIN[name]))
    assert key_file_info(folder).checksum == before and store.cipher.keyring.master_version == 1
    assert not any(e.kind is Kind.KEY_OPERATION for e in entries(log)[logged:])
