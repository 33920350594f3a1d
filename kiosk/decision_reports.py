"""The officers' decisions reported upstream: the access service's ``on_decision`` hook, wired to the kiosk's
outbox. Each decision and each confirmation becomes a signed envelope appended in the transaction that records it
(:mod:`sync.outbox`), as :mod:`kiosk.intake_record` does for intakes. No Qt here."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from enrollment.access.decisions import DecisionHook, DecisionStep
from enrollment.records.models import OfficerDecisionRow
from sync.outbox import Sender, append
from sync.payloads import confirmation_report, decision_report


def outbox_hook(sender: Callable[[], Sender]) -> DecisionHook:
    """The hook that appends the envelope of each decision step to the chain of ``sender()`` (asked at each
    step, so that a key rotation in between signs with the new key)."""

    def report(session: Session, row: OfficerDecisionRow, step: DecisionStep) -> None:
        made = decision_report(session, row) if step is DecisionStep.DECIDE else confirmation_report(session, row)
        append(session, sender(), made)

    return report
