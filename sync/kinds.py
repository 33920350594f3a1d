"""What an envelope reports: one kind per record the kiosk sends upstream.

The payload of each kind is built by :mod:`sync.payloads`.
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
    DELETION = "deletion"  # what one purge rule deleted of what the upstream holds (ids and counts, never prints)
    CHECKPOINT = "checkpoint"  # a signed checkpoint of the audit log (head hash, entry count, signature)
    KEYS = "keys"  # the kiosk's newer signing public keys, signed with the version before them (after a rotation)
