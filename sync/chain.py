"""Verifying one kiosk's chain of envelopes: every envelope valid and signed, numbered 1, 2, 3, ... without a gap
or a repeat, and each linked to the hash of the one before it. The first fault is named, never skipped over."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sync.envelope import GENESIS, SigningKeys, verified_envelope
from sync.errors import ChainBroken, EnvelopeInvalid


@dataclass(frozen=True)
class ChainHead:
    kiosk_id: str | None  # None for an empty chain
    length: int
    head: bytes  # hash of the last envelope (GENESIS for an empty chain)


def verify_chain(envelopes: Sequence[bytes], *, keys: SigningKeys, kiosk_id: str | None = None) -> ChainHead:
    """The head of the chain ``envelopes`` (in sequence order, starting at 1), or :class:`ChainBroken` at the first
    envelope that is invalid, of another kiosk, out of order (a gap, a replay, a reordering) or linked to another
    predecessor (a fork)."""
    previous = GENESIS
    for position, data in enumerate(envelopes, start=1):
        try:
            envelope = verified_envelope(data, keys=keys)
        except EnvelopeInvalid as exc:
            raise ChainBroken(position, f"invalid envelope: {exc}") from None
        if kiosk_id is None:
            kiosk_id = envelope.kiosk_id
        if envelope.kiosk_id != kiosk_id:
            raise ChainBroken(position, f"an envelope of kiosk {envelope.kiosk_id!r} in the chain of {kiosk_id!r}")
        if envelope.sequence < position:
            raise ChainBroken(position, f"replay or reordering: sequence {envelope.sequence} where {position} "
                                        "was expected")
        if envelope.sequence > position:
            raise ChainBroken(position, f"gap: sequence {envelope.sequence} where {position} was expected "
                                        f"({envelope.sequence - position} missing)")
        if envelope.previous_hash != previous:
            raise ChainBroken(position, "fork: its prev is not the hash of envelope "
                                        f"{position - 1 if position > 1 else 'none (the genesis)'}")
        previous = envelope.hash
    return ChainHead(kiosk_id, len(envelopes), previous)
