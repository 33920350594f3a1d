"""The entries the account service (issue 13 item 7) will write: logins, failed logins, lockouts, logouts."""

from __future__ import annotations

import pytest

from enrollment.audit import events
from enrollment.audit.entries import Kind, Outcome, decode
from enrollment.audit.errors import EntryRefused
from enrollment.audit.verification import verify_log


def test_login_failed_login_lockout_and_logout_are_entries(log):
    events.login(log, "officer-7", ok=True, role="officer")
    events.login(log, None, ok=False, reason="no such account")
    events.login(log, "officer-7", ok=False, reason="wrong PIN")
    events.lockout(log, "officer-7", failed_attempts=5, seconds=300)
    events.logout(log, "officer-7", idle=True)
    entries = [decode(s.data) for s in log.entries()]
    assert [(e.kind, e.actor, e.outcome) for e in entries] == [
        (Kind.LOGIN, "officer-7", Outcome.OK), (Kind.LOGIN_FAILED, "unknown-account", Outcome.REFUSED),
        (Kind.LOGIN_FAILED, "officer-7", Outcome.REFUSED), (Kind.LOCKOUT, "officer-7", Outcome.REFUSED),
        (Kind.LOGOUT, "officer-7", Outcome.OK)]
    assert entries[0].details == {"role": "officer"}
    assert entries[3].details == {"failed_attempts": 5, "seconds": 300}
    assert verify_log(log, log.signer).checkpoints == 1  # the fifth entry was checkpointed


def test_a_failed_login_with_a_v_number_as_the_reason_is_refused(log):
    with pytest.raises(EntryRefused, match="V-number"):
        events.login(log, None, ok=False, reason="typed 1234 567 890 as the account")
    assert list(log.entries()) == []
