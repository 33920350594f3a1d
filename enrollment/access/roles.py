"""The three staff roles and the operations each may perform: the one table every check reads.

- the AVIM officer sees biometric evidence (identification results, candidates, templates and images) and
  records and confirms decisions on an intake, and exports an intake's summary for the file;
- the NGO or municipal intake worker sees only whether an intake may proceed and why not;
- the technician sees the kiosk's own status (keys, record counts), rotates the keys and manages accounts, never
  personal data.
"""

from __future__ import annotations

from enum import StrEnum

from enrollment.access.errors import RoleRefused


class Role(StrEnum):
    OFFICER = "officer"  # AVIM
    INTAKE_WORKER = "intake_worker"  # NGO or municipality
    TECHNICIAN = "technician"


class Operation(StrEnum):
    VIEW_EVIDENCE = "view-evidence"
    RECORD_DECISION = "record-decision"
    CONFIRM_DECISION = "confirm-decision"
    EXPORT_SUMMARY = "export-summary"  # the one-page summary of an intake for the file
    INTAKE_STATUS = "intake-status"
    TECHNICIAN_STATUS = "technician-status"
    MANAGE_ACCOUNTS = "manage-accounts"
    ROTATE_KEYS = "rotate-keys"  # a new master key and new data-key versions


ALLOWED: dict[Role, frozenset[Operation]] = {
    Role.OFFICER: frozenset({Operation.VIEW_EVIDENCE, Operation.RECORD_DECISION, Operation.CONFIRM_DECISION,
                             Operation.INTAKE_STATUS, Operation.EXPORT_SUMMARY}),
    Role.INTAKE_WORKER: frozenset({Operation.INTAKE_STATUS}),
    Role.TECHNICIAN: frozenset({Operation.TECHNICIAN_STATUS, Operation.MANAGE_ACCOUNTS, Operation.ROTATE_KEYS}),
}


def require(role: Role, operation: Operation) -> None:
    """Nothing when ``role`` may perform ``operation``; else :class:`RoleRefused`."""
    if operation not in ALLOWED[role]:
        raise RoleRefused(f"the {role.value} role may not {operation.value.replace('-', ' ')}")
