"""The text of the officer's one-page summary of an intake (for the file), in English, from the access service's
:class:`~enrollment.access.summary.IntakeSummary`: a title, sections of lines and a footer. No Qt here:
:mod:`kiosk.ui.slip_pages` lays it out on an A4 page. Nothing biometric reaches it (the summary holds none).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from enrollment.access.summary import DecisionLine, IntakeSummary
from enrollment.records.receipt_code import receipt_code, shown
from enrollment.records.vocabulary import ContraIndication, OfficerDecision

DECISION_WORDS = {
    OfficerDecision.PROCEED: "proceed with the intake",
    OfficerDecision.REFER_TO_LSO: "refer to the local case meeting (LSO)",
    OfficerDecision.SAME_PERSON: "same person: the duplicate is confirmed",
    OfficerDecision.DIFFERENT_PERSON: "a different person: not a duplicate",
    OfficerDecision.CORRECT_VNUMBER: "the V-number is corrected",
}
FLAG_WORDS = {
    ContraIndication.HEAVY_ENTRY_BAN: "entry ban of 10 years or more",
    ContraIndication.DECLARED_UNDESIRABLE: "declared undesirable",
    ContraIndication.EU_CITIZEN: "EU citizen",
    ContraIndication.DUBLIN_CLAIMANT: "Dublin claimant",
    ContraIndication.ENTITLED_TO_STATE_RECEPTION: "entitled to state reception",
}


@dataclass(frozen=True)
class SummaryPage:
    title: str
    sections: tuple[tuple[str, tuple[str, ...]], ...]  # (heading, lines)
    footer: str


def _at(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S UTC") if moment is not None else "not recorded"


def summary_page(summary: IntakeSummary, *, made_by: str, made_at: datetime) -> SummaryPage:
    s = summary
    intake = (f"Intake: {s.intake_id} (receipt code {shown(receipt_code(s.intake_id))})",
              f"Location: {s.location}, kiosk {s.kiosk_id}",
              f"Started: {_at(s.started_at)}; finished: {_at(s.finished_at)}",
              f"V-number given: {'yes (the number is in the record, not on this page)' if s.has_v_number else 'no'}")
    consent = tuple(f"{c.decision}: consent text version {c.text_version or 'none'} ({c.language or '-'}), "
                    f"{_at(c.decided_at)}" for c in s.consents) or ("No consent record.",)
    checks = tuple(f"{c.words}. Threshold {c.threshold_name}, gallery of {c.gallery_size:,}, {_at(c.created_at)}"
                   for c in s.checks) or ("No fingerprint check recorded yet.",)
    candidates = tuple(f"{c.rank}. person {c.person_id}: fused score {c.fused:.2f}; {c.words}. Enrolled at: "
                       f"{', '.join(c.locations) or 'not recorded'}" for c in s.candidates) or ("None.",)
    decided = tuple(_decision(d) for d in s.decisions) or ("No officer decision yet.",)
    flags = tuple(f"{FLAG_WORDS[ContraIndication(f.flag)]}: set by {f.set_by}, {_at(f.set_at)}"
                  + (f"; cleared by {f.cleared_by}, {_at(f.cleared_at)}" if f.cleared_by else "; in force")
                  for f in s.flags) or ("None.",)
    proceed = (f"{'May proceed' if s.proceed.may_proceed else 'May not proceed yet'}: {s.proceed.words}.",)
    return SummaryPage(
        "Intake summary for the file",
        (("Intake", intake), ("Consent", consent), ("Fingerprint checks", checks),
         ("Candidates of the latest 1:N hit, strongest first", candidates), ("Officer decisions", decided),
         ("Contra-indication flags (for the LSO)", flags), ("Status", proceed)),
        f"Made by {made_by} on {_at(made_at)}. One page; no fingerprint images, templates or per-finger scores.")


def _decision(d: DecisionLine) -> str:
    line = f"{DECISION_WORDS[OfficerDecision(d.decision)]}, by {d.officer}, {_at(d.decided_at)}"
    if d.needs_second_officer:
        line += f"; confirmed by {d.confirmed_by}" if d.confirmed_by else "; awaiting a second officer"
    line += " (in force)" if d.in_force else ""
    return line + (f". Reason: {d.reason}" if d.reason else "")
