"""Canonical CBOR (cbor2, ``canonical=True``) both ways: encoding, and a strict decoding that refuses anything a
canonical encoder would not have written.

Strict means: exactly one data item and no byte after it; no item (map, array, string) nested deeper than
:data:`MAX_DEPTH`; and the bytes are exactly what ``cbor2.dumps(item, canonical=True)`` gives back (so no
duplicate map key, no unsorted map, no over-long length, no indefinite length, no float where an integer was
written). The caller checks the types and fields it expects.
"""

from __future__ import annotations

import io
from typing import Any

import cbor2

MAX_DEPTH = 8


def encode(item: Any) -> bytes:
    return cbor2.dumps(item, canonical=True)


def decode(data: bytes) -> Any:
    """The one CBOR item of ``data``; ``ValueError`` with the reason when ``data`` is not its canonical encoding."""
    stream = io.BytesIO(data)
    try:
        item = cbor2.CBORDecoder(stream).decode()
    except (cbor2.CBORDecodeError, ValueError, TypeError, OverflowError, RecursionError, MemoryError,
            KeyError, IndexError) as exc:
        raise ValueError(f"not CBOR ({type(exc).__name__})") from None
    if stream.tell() != len(data):
        raise ValueError(f"{len(data) - stream.tell()} bytes after the CBOR item")
    if _depth(item) > MAX_DEPTH:
        raise ValueError(f"nested deeper than {MAX_DEPTH}")
    try:
        again = encode(item)
    except (cbor2.CBOREncodeError, ValueError, TypeError) as exc:
        raise ValueError(f"holds a value with no canonical encoding ({type(exc).__name__})") from None
    if again != data:
        raise ValueError("not the canonical CBOR encoding")
    return item


def _depth(item: Any, level: int = 1) -> int:
    if level > MAX_DEPTH:
        return level
    if isinstance(item, dict):
        return max((_depth(v, level + 1) for v in item.values()), default=level)
    if isinstance(item, list | tuple):
        return max((_depth(v, level + 1) for v in item), default=level)
    return level
