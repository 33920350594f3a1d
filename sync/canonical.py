"""Canonical CBOR (cbor2, ``canonical=True``) both ways: encoding, and a strict decoding that refuses anything a
canonical encoder would not have written.

Strict means: exactly one data item and no byte after it; only maps, arrays, text and byte strings, integers
within 64 bits, booleans and null (no float, no tag, no other simple value), nested at most :data:`MAX_DEPTH`
deep; and the bytes are exactly what ``cbor2.dumps(item, canonical=True)`` gives back (so no duplicate map key,
no unsorted map, no over-long length, no indefinite length). The caller checks the fields it expects.
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
    _check(item, 1)
    try:
        again = encode(item)
    except (cbor2.CBOREncodeError, ValueError, TypeError) as exc:
        raise ValueError(f"holds a value with no canonical encoding ({type(exc).__name__})") from None
    if again != data:
        raise ValueError("not the canonical CBOR encoding")
    return item


def _check(item: Any, level: int) -> None:
    """Refuse a value of a type this format does not use, or nesting deeper than :data:`MAX_DEPTH`."""
    if level > MAX_DEPTH:
        raise ValueError(f"nested deeper than {MAX_DEPTH}")
    if isinstance(item, dict):
        for key, value in item.items():
            _check(key, level + 1)
            _check(value, level + 1)
    elif isinstance(item, list):
        for value in item:
            _check(value, level + 1)
    elif type(item) is int:
        if not -2**64 <= item < 2**64:
            raise ValueError("an integer beyond 64 bits (a tagged bignum)")
    elif not (item is None or type(item) in (str, bytes, bool)):
        raise ValueError(f"a {type(item).__name__} value (only maps, arrays, strings, integers, booleans and null)")
