"""The fixed vocabularies of the intake record (stored as their string values)."""

from __future__ import annotations

from enum import StrEnum


class IntakeStatus(StrEnum):
    OPEN = "open"
    COMPLETED = "completed"
    ABORTED = "aborted"


class ConsentDecision(StrEnum):
    GIVEN = "given"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"  # a later record that withdraws a given consent (it names the one it withdraws)


class ContraIndication(StrEnum):
    """Flags for the local case meeting (LSO), which may make exceptions; never automatic refusals."""

    HEAVY_ENTRY_BAN = "heavy_entry_ban"  # entry ban of 10 years or more
    DECLARED_UNDESIRABLE = "declared_undesirable"
    EU_CITIZEN = "eu_citizen"
    DUBLIN_CLAIMANT = "dublin_claimant"
    ENTITLED_TO_STATE_RECEPTION = "entitled_to_state_reception"


class OutcomeCategory(StrEnum):
    DURABLE = "durable"
    SEMI_DURABLE = "semi_durable"
    NONE = "none"


class Outcome(StrEnum):
    # durable
    PERMIT = "permit"
    DEPARTURE = "departure"
    ONWARD_MIGRATION = "onward_migration"
    # semi-durable
    REPEAT_ASYLUM_APPLICATION = "repeat_asylum_application"
    ARTICLE_64 = "article_64"
    DETENTION = "detention"
    # none
    ENDED = "ended"
    LEFT_UNKNOWN_DESTINATION = "left_unknown_destination"
    OTHER_SHELTER = "other_shelter"
    PRISON = "prison"
    OTHER = "other"

    @property
    def category(self) -> OutcomeCategory:
        return OUTCOME_CATEGORY[self]


OUTCOME_CATEGORY: dict[Outcome, OutcomeCategory] = {
    Outcome.PERMIT: OutcomeCategory.DURABLE,
    Outcome.DEPARTURE: OutcomeCategory.DURABLE,
    Outcome.ONWARD_MIGRATION: OutcomeCategory.DURABLE,
    Outcome.REPEAT_ASYLUM_APPLICATION: OutcomeCategory.SEMI_DURABLE,
    Outcome.ARTICLE_64: OutcomeCategory.SEMI_DURABLE,
    Outcome.DETENTION: OutcomeCategory.SEMI_DURABLE,
    Outcome.ENDED: OutcomeCategory.NONE,
    Outcome.LEFT_UNKNOWN_DESTINATION: OutcomeCategory.NONE,
    Outcome.OTHER_SHELTER: OutcomeCategory.NONE,
    Outcome.PRISON: OutcomeCategory.NONE,
    Outcome.OTHER: OutcomeCategory.NONE,
}


class IdentificationDecision(StrEnum):
    NO_HIT = "no_hit"  # nobody in the gallery above the operating threshold
    HIT = "hit"  # a duplicate enrollment candidate for the officer
    VNUMBER_CONFIRMED = "vnumber_confirmed"  # live prints match the prints held for the V-number
    VNUMBER_MISMATCH = "vnumber_mismatch"  # prints are held for the V-number and do not match
    NOT_PERFORMED = "not_performed"  # biometrics disabled at the site, refused, or no usable prints


class OfficerDecision(StrEnum):
    PROCEED = "proceed"
    REFER_TO_LSO = "refer_to_lso"
    SAME_PERSON = "same_person"
    DIFFERENT_PERSON = "different_person"
    CORRECT_VNUMBER = "correct_vnumber"
