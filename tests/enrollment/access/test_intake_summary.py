"""The intake summary for the file at the service layer: an officer's export is handed the decisions, flags and
the candidates' scores in words but no template, image or V-number, and is audited as an export (or as failed);
the intake worker and the technician are refused before anything is read or written."""

from __future__ import annotations

import pytest

from enrollment.access.errors import RoleRefused
from enrollment.access.summary import false_match_words
from enrollment.audit.entries import Kind, Outcome
from enrollment.records import intakes
from enrollment.records.models import Intake
from enrollment.records.vocabulary import ContraIndication, IdentificationDecision, OfficerDecision
from tests.enrollment.access.conftest import CANDIDATE, IMAGE, PIN, TEMPLATE, VNUMBER, entries


@pytest.fixture
def scored_hit(store, hit) -> str:  # type: ignore[no-untyped-def]
    """The hit with a later 1:N result as the search stores it (fused score under its stored key)."""
    with store.transaction() as s:
        intakes.add_identification(s, s.get(Intake, hit), decision=IdentificationDecision.HIT,
                                   threshold_name="FMR_1_IN_10000", gallery_size=1200,
                                   candidates=[{"person_id": CANDIDATE, "locations": ["zevenaar"],
                                                "fused_neg_log10_fmr": 12.5, "per_finger_mcc": {"2": 0.61}}])
    return hit


def test_an_officer_exports_the_summary_without_biometric_data_and_it_is_audited(service, log, scored_hit):
    officer = service.login("officer", PIN["officer"])
    service.record_decision(officer, scored_hit, OfficerDecision.REFER_TO_LSO, "needs the LSO",
                            contra_indications=[ContraIndication.DUBLIN_CLAIMANT])
    handed = []
    where = service.export_summary(officer, scored_hit, lambda summary: handed.append(summary) or "/tmp/x.pdf")
    assert where == "/tmp/x.pdf"
    (summary,) = handed
    assert summary.intake_id == scored_hit and summary.location == "LVV Rotterdam" and summary.has_v_number
    assert [c.person_id for c in summary.candidates] == [CANDIDATE]
    assert summary.candidates[0].words == false_match_words(12.5) == \
        "a false match this strong happens less than once in a billion searches"
    assert summary.candidates[0].locations == ("zevenaar",)
    assert [(d.decision, d.officer, d.reason) for d in summary.decisions] == [("refer_to_lso", "officer",
                                                                              "needs the LSO")]
    assert [(f.flag, f.set_by) for f in summary.flags] == [("dublin_claimant", "officer")]
    held = repr(summary)
    assert VNUMBER not in held and repr(TEMPLATE)[2:-1] not in held and repr(IMAGE)[2:-1] not in held
    assert "per_finger" not in held and "0.61" not in held
    exported = [e for e in entries(log) if e.kind is Kind.EXPORT]
    assert [(e.subject, e.actor, e.outcome, e.details["what"]) for e in exported] == \
        [(scored_hit, officer.account_id, Outcome.OK, "intake-summary")]


def test_a_failed_write_is_audited_as_failed(service, log, hit):
    officer = service.login("officer", PIN["officer"])

    def full_disk(_summary):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        service.export_summary(officer, hit, full_disk)
    (exported,) = [e for e in entries(log) if e.kind is Kind.EXPORT]
    assert exported.outcome is Outcome.FAILED and exported.details["error"] == "OSError"


@pytest.mark.parametrize("name", ["worker", "tech"])
def test_the_intake_worker_and_the_technician_are_refused_the_summary(service, log, hit, name):
    staff = service.login(name, PIN[name])
    written = []
    with pytest.raises(RoleRefused, match="may not export summary"):
        service.export_summary(staff, hit, written.append)
    assert written == [] and not any(e.kind is Kind.EXPORT for e in entries(log))


def test_fused_scores_in_words():
    assert false_match_words(3.0) == "a false match this strong happens about once in 1,000 searches"
    assert "billion" in false_match_words(9.0)
