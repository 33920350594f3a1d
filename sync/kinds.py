"""What an envelope reports: one kind per record the kiosk sends upstream.

The payload of each kind is built by :mod:`sync.payloads`; a kind the store cannot produce yet (deletion record,
audit checkpoint) is one more member here and one more builder there.
"""

from __future__ import annotations

from enum import StrEnum


class EnvelopeKind(StrEnum):
    INTAKE = "intake"  # the intake with its captures (templates sealed to the upstream)
    CONSENT = "consent"  # a consent given or refused
    IDENTIFICATION = "identification"  # a 1:N search or V-number check result (candidates sealed)
    WITHDRAWAL = "withdrawal"  # a consent withdrawn at the desk
    DECISION = "decision"  # an officer's decision on an intake (reason and contra-indications sealed)
    CONFIRMATION = "confirmation"  # a second officer's confirmation that makes an override take effect
