"""The officer's decision on screen over the real stack (the demo record with its planted returning person, the
audit log and the outbox in the data folder): an officer opens the hit and records a decision with a reason and
contra-indications; an override waits for a second officer, who confirms in the approval panel with name and PIN
(the officer who made it is refused there); each step is in the audit log and in the outbox as an envelope that
verifies and whose sealed part opens with the demo upstream key. The intake worker reaches neither evidence nor
decisions."""

from __future__ import annotations

import cbor2
from PySide6.QtCore import Qt

from enrollment.access.roles import Role
from enrollment.access.service import KEY_HOLDER
from enrollment.audit.entries import Kind, Outcome
from enrollment.records.receipt_code import receipt_code, shown
from enrollment.records.vocabulary import ContraIndication, OfficerDecision
from sync.chain import verify_chain
from sync.demo_upstream import demo_upstream_private_key
from sync.envelope import seal_aad, verified_envelope
from sync.kinds import EnvelopeKind
from sync.outbox import chain_of, signing_keys
from sync.sealing import open_sealed
from tests.kiosk.ui.conftest import tap
from tests.kiosk.ui.test_staff_mode import audit, log_in, on_engine, returning_intake

PIN = {"officer": "402913", "officer2": "583920", "worker": "739104"}
ROLE = {"officer": Role.OFFICER, "officer2": Role.OFFICER, "worker": Role.INTAKE_WORKER}


def add_accounts(parts) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """The accounts, by name: their ids."""
    return {name: on_engine(parts, lambda service, n=name, p=pin: service.add_account(KEY_HOLDER, n, ROLE[n], p)).id
            for name, pin in PIN.items()}


def outbox(parts) -> list:  # type: ignore[no-untyped-def]
    """The kiosk's envelopes after the chain verifies, with each sealed part opened by the demo upstream."""
    site = parts.recorder.site

    def read(_service):  # type: ignore[no-untyped-def]
        store = parts.recorder.store
        with store.transaction() as session:
            return chain_of(session, site.kiosk_id), signing_keys(store.cipher.keyring)

    stored, keys = on_engine(parts, read)
    verify_chain(stored, keys=keys, kiosk_id=site.kiosk_id)
    upstream = demo_upstream_private_key(site.data_dir)
    opened = []
    for data in stored:
        envelope = verified_envelope(data, keys=keys)
        secret = None
        if "sealed" in envelope.payload:
            aad = seal_aad(envelope.envelope_id, site.kiosk_id, envelope.sequence, envelope.kind)
            secret = cbor2.loads(open_sealed(upstream, envelope.payload["sealed"], aad))
        opened.append((envelope, secret))
    return opened


def open_the_hit(qtbot, window, number: str) -> None:  # type: ignore[no-untyped-def]
    tap(qtbot, next(w for w in window.staff_queue.row_widgets if shown(receipt_code(number)) in w.text()))
    assert window.stack.currentWidget() is window.staff_intake and window.staff_intake.decision.isVisible()


def decide(qtbot, panel, choice: OfficerDecision, reason: str, flags=()) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(panel.choice_buttons[choice], Qt.MouseButton.LeftButton)
    assert not panel.record_button.isEnabled()  # no decision without a reason
    qtbot.keyClicks(panel.reason, reason)
    for flag in flags:
        qtbot.mouseClick(panel.flag_boxes[flag], Qt.MouseButton.LeftButton)
    assert panel.record_button.isEnabled()
    tap(qtbot, panel.record_button)


def approve(qtbot, overlay, name: str, pin: str) -> None:  # type: ignore[no-untyped-def]
    overlay.account.clear()
    qtbot.keyClicks(overlay.account, name)
    for digit in pin:
        tap(qtbot, overlay.keypad.keys[digit])
    tap(qtbot, overlay.keypad.keys["K"])


def test_an_override_takes_effect_when_a_second_officer_approves_it_on_screen(qtbot, kiosk):
    window, parts = kiosk(returning=True)
    ids = add_accounts(parts)
    number = returning_intake(qtbot, window)
    log_in(qtbot, window, "officer", PIN["officer"])
    open_the_hit(qtbot, window, number)
    panel = window.staff_intake.decision
    assert panel.state.text() == "Nog geen besluit."
    assert not panel.confirm_button.isVisible()
    decide(qtbot, panel, OfficerDecision.DIFFERENT_PERSON, "other scars, other birth year",
           [ContraIndication.DUBLIN_CLAIMANT])
    assert panel.state.text().startswith("Wacht op een tweede medewerker: geen dubbele aanmelding")
    assert panel.confirm_button.isVisible()
    tap(qtbot, panel.confirm_button)
    overlay = panel.second_officer
    assert overlay.isVisible() and overlay.title.text().startswith("Tweede medewerker")
    approve(qtbot, overlay, "officer", PIN["officer"])  # the officer who made it
    assert overlay.isVisible() and overlay.notice.isVisible()
    assert "must be confirmed by a second officer, not by the one who made it" in overlay.notice.text()
    approve(qtbot, overlay, "officer2", PIN["officer2"])
    assert not overlay.isVisible()
    assert panel.state.text() == "Geldt nu: geen dubbele aanmelding: een andere persoon."
    assert not panel.confirm_button.isVisible()
    assert window.staff_session.account_id == ids["officer"]  # the first officer's session goes on
    assert panel.flag_boxes[ContraIndication.DUBLIN_CLAIMANT].isChecked()

    decided = [e for e in audit(parts) if e.kind is Kind.DECISION]
    assert [(e.actor, e.outcome, e.details["step"]) for e in decided] == [
        (ids["officer"], Outcome.OK, "decide"), (ids["officer"], Outcome.REFUSED, "confirm"),
        (ids["officer2"], Outcome.OK, "confirm")]
    assert decided[0].subject == number and decided[0].details["flags_set"] == "dublin_claimant"
    logins = [(e.actor, e.kind) for e in audit(parts) if e.kind in (Kind.LOGIN, Kind.LOGOUT)]
    assert (ids["officer2"], Kind.LOGIN) in logins and (ids["officer2"], Kind.LOGOUT) in logins

    reports = [(envelope, secret) for envelope, secret in outbox(parts)
               if envelope.kind in (EnvelopeKind.DECISION, EnvelopeKind.CONFIRMATION)]
    assert [envelope.kind for envelope, _ in reports] == [EnvelopeKind.DECISION, EnvelopeKind.CONFIRMATION]
    (override, secret), (confirmation, nothing) = reports
    assert override.payload["intake"] == number and override.payload["outcome"] == "different_person"
    assert override.payload["needs_second_officer"] is True and override.payload["officer"] == ids["officer"]
    assert secret["reason"] == "other scars, other birth year"
    assert [(f["flag"], f["set_by"]) for f in secret["contra_indications"]] == [("dublin_claimant", ids["officer"])]
    assert confirmation.payload["confirmed_by"] == ids["officer2"] and nothing is None
    assert confirmation.payload["decision"] == override.payload["decision"]


def test_a_confirmed_duplicate_is_in_force_at_once_and_the_intake_worker_reaches_no_decision(qtbot, kiosk):
    window, parts = kiosk(returning=True)
    ids = add_accounts(parts)
    number = returning_intake(qtbot, window)
    log_in(qtbot, window, "officer", PIN["officer"])
    open_the_hit(qtbot, window, number)
    panel = window.staff_intake.decision
    decide(qtbot, panel, OfficerDecision.SAME_PERSON, "same person, enrolled in Utrecht")
    assert panel.state.text() == ("Geldt nu: dubbele aanmelding bevestigd: deze persoon heeft zich eerder "
                                  "aangemeld.")
    assert not panel.confirm_button.isVisible()
    [(envelope, secret)] = [r for r in outbox(parts) if r[0].kind == EnvelopeKind.DECISION]
    assert envelope.payload["outcome"] == "same_person" and envelope.payload["needs_second_officer"] is False
    assert secret == {"reason": "same person, enrolled in Utrecht", "contra_indications": []}
    assert [e.details["decision"] for e in audit(parts) if e.kind is Kind.DECISION] == ["same_person"]
    tap(qtbot, window.staff_intake.logout_button)
    assert not panel.isVisible() and panel.intake_id is None

    log_in(qtbot, window, "worker", PIN["worker"])
    row = next(w for w in window.staff_queue.row_widgets if shown(receipt_code(number)) in w.text())
    assert row.text().endswith("een AVIM-medewerker heeft vastgesteld dat deze persoon zich eerder heeft aangemeld")
    window.staff_queue.opened.emit(number)  # as if a row could be opened: the service refuses the evidence
    assert window.stack.currentWidget() is window.staff_queue
    window.staff_decide(number, OfficerDecision.PROCEED.value, "let through", [])  # and any decision
    assert "the intake_worker role may not" in panel.notice.text()
    views = [e for e in audit(parts) if e.kind is Kind.EVIDENCE_VIEW]
    assert [e.actor for e in views] == [ids["officer"]]
    assert [e.actor for e in audit(parts) if e.kind is Kind.DECISION] == [ids["officer"]]
    assert len([r for r in outbox(parts) if r[0].kind == EnvelopeKind.DECISION]) == 1
