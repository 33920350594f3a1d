"""The one base error of the sync package and its typed subclasses.

Every message says what was refused and where (the envelope field, the sequence number, the file); none carries
a template, a V-number or any other payload content.
"""

from __future__ import annotations


class SyncError(Exception):
    """Base of every error raised on purpose by ``sync``."""


class EnvelopeInvalid(SyncError):
    """An envelope that is not well formed, not canonical, not signed by the key it names or not linked to the
    previous hash given; ``field`` names the envelope field at fault."""

    def __init__(self, field: str, reason: str) -> None:
        self.field = field
        self.reason = reason
        super().__init__(f"envelope field {field!r}: {reason}")


class ChainBroken(SyncError):
    """A kiosk's list of envelopes with a gap, a fork, a replay or an invalid envelope at ``sequence`` (the
    position in the list counts from 1)."""

    def __init__(self, sequence: int, reason: str) -> None:
        self.sequence = sequence
        self.reason = reason
        super().__init__(f"chain broken at sequence {sequence}: {reason}")


class SealInvalid(SyncError):
    """A sealed payload part that does not open with the upstream's key (wrong key, tampered, other envelope)."""


class UpstreamKeyError(SyncError):
    """The upstream's public key file named in the settings is missing, unreadable or not an X25519 key."""


class ReceiptInvalid(SyncError):
    """An upstream receipt that is not well formed, not signed by the receipt key it names, or not the receipt of
    the envelope it was sent for; ``field`` names the receipt field at fault."""

    def __init__(self, field: str, reason: str) -> None:
        self.field = field
        self.reason = reason
        super().__init__(f"receipt field {field!r}: {reason}")


class RegistrationError(SyncError):
    """Registering with the upstream failed (unreachable, the CA's fingerprint is not the one given, the token
    refused), or the stored registration is missing or damaged."""


class DeliveryStopped(SyncError):
    """The upstream refused an envelope (400, 403, 409, ...) or its receipt was refused: delivery waits for a
    person."""


class FeedInvalid(SyncError):
    """A gallery feed delta that is not well formed, not signed by the upstream's key it names, not for this kiosk
    or not following the cursor it holds; ``field`` names the delta field at fault. Nothing of it is applied."""

    def __init__(self, field: str, reason: str) -> None:
        self.field = field
        self.reason = reason
        super().__init__(f"feed delta field {field!r}: {reason}")
