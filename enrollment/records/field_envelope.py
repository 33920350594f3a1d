"""The bytes a sealed field of the record is stored as: a small versioned envelope around an AES-256-GCM ciphertext.

    offset  size  what
    0       2     magic b"ZF" (a zuil field)
    2       1     envelope format version (1)
    3       4     data-key version, unsigned big-endian, >= 1
    7       12    nonce (random, 96 bits)
    19      >=16  ciphertext with its 16-byte GCM tag at the end

This module only produces and reads that layout; :mod:`enrollment.records.field_cipher` seals and opens what
is inside it. Anything that is not a whole envelope of this format is refused with :class:`EnvelopeMalformed`.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from enrollment.errors import StorageError

MAGIC = b"ZF"
FORMAT_VERSION = 1
NONCE_BYTES = 12
TAG_BYTES = 16
_HEADER = struct.Struct(">2sBI")
HEADER_BYTES = _HEADER.size + NONCE_BYTES
MIN_BYTES = HEADER_BYTES + TAG_BYTES
MAX_KEY_VERSION = 2**32 - 1


class EnvelopeMalformed(StorageError):
    """The stored bytes are not a whole sealed-field envelope (truncated, garbage, another format)."""


@dataclass(frozen=True)
class Envelope:
    key_version: int
    nonce: bytes
    ciphertext: bytes  # with the GCM tag


def encode(key_version: int, nonce: bytes, ciphertext: bytes) -> bytes:
    if not 1 <= key_version <= MAX_KEY_VERSION or len(nonce) != NONCE_BYTES or len(ciphertext) < TAG_BYTES:
        raise ValueError("not an envelope: key version, nonce or ciphertext out of range")
    return _HEADER.pack(MAGIC, FORMAT_VERSION, key_version) + nonce + ciphertext


def parse(data: object) -> Envelope:
    """The envelope in ``data``; raises :class:`EnvelopeMalformed` (saying why) for anything else."""
    if not isinstance(data, bytes | bytearray | memoryview):
        raise EnvelopeMalformed(f"a sealed field is bytes, found {type(data).__name__}")
    raw = data if type(data) is bytes else bytes(data)
    if len(raw) < MIN_BYTES:
        raise EnvelopeMalformed(f"{len(raw)} bytes, shorter than any sealed field ({MIN_BYTES})")
    magic, version, key_version = _HEADER.unpack_from(raw)
    if magic != MAGIC:
        raise EnvelopeMalformed("not a sealed field (no ZF mark)")
    if version != FORMAT_VERSION:
        raise EnvelopeMalformed(f"envelope format {version}, this program reads {FORMAT_VERSION}")
    if key_version < 1:
        raise EnvelopeMalformed("data-key version 0")
    return Envelope(key_version, raw[_HEADER.size:HEADER_BYTES], raw[HEADER_BYTES:])
