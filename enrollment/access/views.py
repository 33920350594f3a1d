"""What each role is shown: typed results the service assembles, nothing more.

The officer's :class:`Evidence` holds biometric data (templates, images, candidates); the intake worker's
:class:`ProceedAnswer` holds only whether the intake may proceed and why not; the technician's
:class:`TechnicianStatus` holds key versions and counts, no personal data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from enrollment.records.vocabulary import IdentificationDecision, OfficerDecision


@dataclass(frozen=True)
class CaptureEvidence:
    capture_id: str
    finger_position: int
    quality: int
    device_id: str
    template: bytes | None  # as stored (the native template format)
    image: bytes | None  # as stored, where one was kept


@dataclass(frozen=True)
class IdentificationEvidence:
    result_id: str
    decision: IdentificationDecision
    threshold_name: str
    gallery_size: int
    candidates: tuple[dict, ...]  # as the identification stored them: person id, fused and per-finger scores
    created_at: datetime


@dataclass(frozen=True)
class DecisionView:
    decision_id: str
    officer_id: str
    decision: OfficerDecision
    reason: str | None
    decided_at: datetime
    needs_second_officer: bool
    confirmed_by: str | None
    in_force: bool


@dataclass(frozen=True)
class CandidateEnrollment:
    """Where and when a candidate enrolled, as this kiosk's record knows it: the location names the search
    recorded, and the date the person was first enrolled in this kiosk's record (None for a person received in the
    gallery feed, whose date the feed does not carry)."""

    locations: tuple[str, ...]
    first_enrolled: datetime | None


@dataclass(frozen=True)
class Evidence:
    """An intake's biometric evidence, for the AVIM officer only."""

    intake_id: str
    identifications: tuple[IdentificationEvidence, ...]  # oldest first
    captures: tuple[CaptureEvidence, ...]
    decisions: tuple[DecisionView, ...]  # oldest first
    enrollments: Mapping[str, CandidateEnrollment] = field(default_factory=dict)  # by candidate person id


class ProceedReason(StrEnum):
    NOT_CHECKED_YET = "not-checked-yet"  # no identification result yet
    NO_MATCH = "no-match"  # nobody in the gallery, or the V-number's prints match
    NOT_PERFORMED = "not-performed"  # biometrics off, refused or no usable prints: the desk decides as usual
    AWAITING_OFFICER = "awaiting-officer"  # a hit or a V-number mismatch, no decision yet
    AWAITING_SECOND_OFFICER = "awaiting-second-officer"  # an override of a hit, not yet confirmed
    CLEARED_BY_OFFICER = "cleared-by-officer"
    DUPLICATE_CONFIRMED = "duplicate-confirmed"
    REFERRED_TO_LSO = "referred-to-lso"


MAY_PROCEED = frozenset({ProceedReason.NO_MATCH, ProceedReason.NOT_PERFORMED, ProceedReason.CLEARED_BY_OFFICER})

_WORDS = {
    ProceedReason.NOT_CHECKED_YET: "the fingerprint check has not run yet",
    ProceedReason.NO_MATCH: "the fingerprint check found nothing that stops the intake",
    ProceedReason.NOT_PERFORMED: "no fingerprint check was made; the intake proceeds as usual",
    ProceedReason.AWAITING_OFFICER: "the fingerprint check needs an AVIM officer's decision",
    ProceedReason.AWAITING_SECOND_OFFICER: "an AVIM officer's decision awaits a second officer's confirmation",
    ProceedReason.CLEARED_BY_OFFICER: "an AVIM officer cleared the intake",
    ProceedReason.DUPLICATE_CONFIRMED: "an AVIM officer found that this person enrolled before",
    ProceedReason.REFERRED_TO_LSO: "an AVIM officer referred the intake to the local case meeting (LSO)",
}


@dataclass(frozen=True)
class ProceedAnswer:
    """For the intake worker: whether the intake may proceed, and why not. No biometric data, no candidate,
    no V-number."""

    intake_id: str
    reason: ProceedReason

    @property
    def may_proceed(self) -> bool:
        return self.reason in MAY_PROCEED

    @property
    def words(self) -> str:
        return _WORDS[self.reason]


@dataclass(frozen=True)
class TechnicianStatus:
    """The kiosk's state for the technician: keys and counts, no personal data."""

    key_file_demo: bool
    sealing: str
    master_key_version: int
    data_key_versions: dict[str, int]  # purpose: the newest version
    record_counts: dict[str, int]  # table: rows
    active_accounts: dict[str, int]  # role: accounts not disabled
    audit_entries: int


@dataclass(frozen=True)
class KeyRotation:
    """What a rotation left: the new master key version, the newest version of each data key, and when."""

    master_key_version: int
    data_key_versions: dict[str, int]  # purpose: the newest version
    rotated_at: datetime
