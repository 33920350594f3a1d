"""The batch delivery's messages (``sync/PROTOCOL.md`` "Delivering a batch"): the request, consecutive envelopes
of one kiosk as the canonical CBOR array of their bytes, and the answer, the canonical CBOR map
``{"v": 1, "receipts": [receipt bytes, ...], "refusal": null | {...}}`` with one receipt per envelope held, in
the request's order, and the refusal of the first envelope not held (``index`` in the request, ``status`` and
the fields the single endpoint would answer)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sync import canonical
from sync.envelope import MAX_ENVELOPE_BYTES

FORMAT_VERSION = 1
MAX_BATCH_ENVELOPES = 256
MAX_BATCH = 64  # envelopes per request of the kiosk's uploader (``zuil sync run``, the kiosk's worker)
MAX_BATCH_BYTES = 16 * 1024 * 1024  # the request's body
BATCH_OVERHEAD = 16  # the array's head and each item's length, at most, per envelope (with 64 bytes to spare)


@dataclass(frozen=True)
class BatchAnswer:
    receipts: list[bytes]
    refusal: dict[str, Any] | None


def encode_request(envelopes: list[bytes]) -> bytes:
    return canonical.encode(envelopes)


def decode_request(data: bytes) -> list[bytes]:
    """The envelopes of a batch request; ``ValueError`` with the reason when it is not one."""
    items = canonical.decode(data)
    if not isinstance(items, list) or not 1 <= len(items) <= MAX_BATCH_ENVELOPES:
        raise ValueError(f"a batch is an array of 1 to {MAX_BATCH_ENVELOPES} envelopes")
    if not all(isinstance(item, bytes) and 0 < len(item) <= MAX_ENVELOPE_BYTES for item in items):
        raise ValueError(f"each envelope of a batch is a byte string of 1 to {MAX_ENVELOPE_BYTES} bytes")
    return items


def encode_answer(receipts: list[bytes], refusal: dict[str, Any] | None) -> bytes:
    return canonical.encode({"v": FORMAT_VERSION, "receipts": receipts, "refusal": refusal})


def decode_answer(data: bytes, sent: int) -> BatchAnswer:
    """The answer to a batch of ``sent`` envelopes; ``ValueError`` with the reason when it is not one."""
    answer = canonical.decode(data)
    if not isinstance(answer, dict) or sorted(answer) != ["receipts", "refusal", "v"] \
            or answer["v"] != FORMAT_VERSION:
        raise ValueError("not a version 1 batch answer")
    receipts, refusal = answer["receipts"], answer["refusal"]
    if not isinstance(receipts, list) or not all(isinstance(r, bytes) for r in receipts) or len(receipts) > sent:
        raise ValueError(f"receipts: must be an array of at most {sent} byte strings")
    if refusal is None and len(receipts) != sent:
        raise ValueError(f"{len(receipts)} receipts for {sent} envelopes and no refusal")
    if refusal is not None and (not isinstance(refusal, dict) or refusal.get("index") != len(receipts)
                                or len(receipts) == sent):
        raise ValueError("refusal: must be a map naming the first envelope without a receipt")
    return BatchAnswer(receipts, refusal)
