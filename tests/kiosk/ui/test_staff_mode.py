"""Staff mode through the window over the real stack (the demo record in SQLite, the simulated scanner, the audit
log in the data folder): the staff entry logs in through the access service, whose accounts the tests make; the
officer's queue and candidates, a refused login, the intake worker's queue without evidence, and the service's
idle logout (the technician's view: test_technician_mode.py)."""

from __future__ import annotations

import re
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from enrollment.access.roles import Role
from enrollment.access.service import KEY_HOLDER
from enrollment.audit.entries import Kind, decode
from enrollment.records.receipt_code import receipt_code, shown
from kiosk.flow import Step
from kiosk.ui.widgets.touch_button import TouchButton
from tests.kiosk.ui.conftest import WAIT_MS, tap
from tests.kiosk.ui.test_intakes_on_screen import _to_capture

PIN = {"officer": "402913", "worker": "739104", "tech": "standing-orders-7"}
ROLE = {"officer": Role.OFFICER, "worker": Role.INTAKE_WORKER, "tech": Role.TECHNICIAN}


def on_engine(parts, call):  # type: ignore[no-untyped-def]
    return parts.engine.submit(lambda: call(parts.access())).result(WAIT_MS / 1000)


def add_accounts(parts) -> None:  # type: ignore[no-untyped-def]
    for name, pin in PIN.items():
        on_engine(parts, lambda service, n=name, p=pin: service.add_account(KEY_HOLDER, n, ROLE[n], p))


def audit(parts) -> list:  # type: ignore[no-untyped-def]
    return on_engine(parts, lambda service: [decode(stored.data) for stored in service.log.entries()])


def returning_intake(qtbot, window) -> str:  # type: ignore[no-untyped-def]
    _to_capture(qtbot, window, "English")
    qtbot.waitUntil(lambda: window.flow.step is Step.RECEIPT, timeout=WAIT_MS)
    number = window.receipt_number
    tap(qtbot, window.receipt.done)
    return number


def log_in(qtbot, window, name: str, secret: str) -> None:  # type: ignore[no-untyped-def]
    window.corner.requested.emit()  # the 3 s press itself is tested in test_theme_and_layout
    assert window.staff.isVisible()
    qtbot.keyClicks(window.staff.account, name)
    if secret.isdigit():
        for digit in secret:
            tap(qtbot, window.staff.keypad.keys[digit])
        tap(qtbot, window.staff.keypad.keys["K"])
    else:
        qtbot.keyClicks(window.staff.secret, secret)
        qtbot.keyClick(window.staff.secret, "\r")


def test_the_officer_sees_the_returning_persons_intake_as_a_hit_and_its_candidates(qtbot, kiosk):
    window, parts = kiosk(returning=True)
    add_accounts(parts)
    number = returning_intake(qtbot, window)
    log_in(qtbot, window, "officer", PIN["officer"])
    assert window.stack.currentWidget() is window.staff_queue and not window.bar.isVisible()
    row = next(w for w in window.staff_queue.row_widgets if shown(receipt_code(number)) in w.text())
    # the staff views are in the site's first language (Dutch): the kiosk starts a new intake when staff log in
    assert isinstance(row, TouchButton) and row.text().endswith("·  treffer")
    tap(qtbot, row)
    assert window.stack.currentWidget() is window.staff_intake
    first = window.staff_intake.candidate_labels[0].text()
    assert first.startswith("1. persoon ")
    assert "Een valse overeenkomst die zo sterk is, komt minder dan één keer voor op een miljard" in first  # fused > 9
    texts = [label.text() for label in window.staff_intake.findChildren(QLabel)]
    earlier = re.compile(r"Ingeschreven bij \S.*; voor het eerst ingeschreven op \d{4}-\d{2}-\d{2}\.")
    assert any(earlier.fullmatch(t) for t in texts)  # where and since when the candidate is enrolled
    assert window.staff_intake.vnumber_label.text().startswith("V-nummercontrole: ")
    views = [e for e in audit(parts) if e.kind is Kind.EVIDENCE_VIEW]
    assert [e.subject for e in views] == [number]
    tap(qtbot, window.staff_intake.logout_button)
    assert window.staff_session is None and window.stack.currentWidget() is window.language
    assert window.bar.isVisible()
    assert [e.details["idle"] for e in audit(parts) if e.kind is Kind.LOGOUT] == [False]


def test_a_wrong_pin_shows_the_refusal_and_is_audited(qtbot, kiosk):
    window, parts = kiosk()
    add_accounts(parts)
    log_in(qtbot, window, "officer", "111111")
    assert window.staff.isVisible() and window.staff_session is None
    assert window.staff.notice.isVisible()
    assert window.staff.notice.text() == "login refused: the name or the PIN/password is wrong"
    assert window.stack.currentWidget() is window.language
    failed = [e for e in audit(parts) if e.kind is Kind.LOGIN_FAILED]
    assert len(failed) == 1 and failed[0].details["reason"] == "wrong-secret"


def test_the_intake_worker_sees_may_proceed_and_why_not_and_cannot_reach_evidence(qtbot, kiosk):
    window, parts = kiosk(returning=True)
    add_accounts(parts)
    number = returning_intake(qtbot, window)
    log_in(qtbot, window, "worker", PIN["worker"])
    assert window.stack.currentWidget() is window.staff_queue
    row = next(w for w in window.staff_queue.row_widgets if shown(receipt_code(number)) in w.text())
    assert isinstance(row, QLabel)
    assert row.text().endswith("mag nog niet door: de vingerafdrukcontrole vraagt een besluit van een AVIM-medewerker")
    assert window.staff_queue.findChildren(TouchButton) == [window.staff_queue.logout_button]  # no row opens
    assert "treffer" not in row.text() and "hit" not in row.text()
    qtbot.mouseClick(row, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.staff_queue
    assert not any(e.kind is Kind.EVIDENCE_VIEW for e in audit(parts))


def test_the_services_idle_logout_returns_to_the_participant_screens(qtbot, kiosk):
    window, parts = kiosk()
    add_accounts(parts)
    log_in(qtbot, window, "officer", PIN["officer"])
    session = window.staff_session
    assert window.stack.currentWidget() is window.staff_queue
    session.last_used -= session.idle_limit + timedelta(seconds=1)  # the idle limit has passed meanwhile
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.language, timeout=WAIT_MS)
    assert window.staff_session is None and session.ended and window.bar.isVisible()
    assert [e.details["idle"] for e in audit(parts) if e.kind is Kind.LOGOUT] == [True]
