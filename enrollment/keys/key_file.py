"""The key file's bytes: a sealed master key and the data keys it wraps, checksummed and authenticated.

    AANMELDZUIL-KEYS 1
    {"created": ..., "data_keys": [...], "demo": false, "master": {...}}
    sha256 <hex of the two lines above>
    hmac-sha256 <hex of the same, keyed by the master key>

The body is canonical JSON (sorted keys, no spaces); ciphertexts, nonces and salts are base64. The SHA-256 line
lets anyone (``zuil keys status``, the selftest) tell a damaged file from a good one without the secret; the
HMAC, under a key derived from the master key with HKDF, shows after unlocking that nobody rewrote the file
and its checksum together. Every part of the file is covered by one or the other, so a changed byte anywhere
is refused. Nothing secret is in the clear except a demo file's wrapping key (``demo: true``).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from enrollment.keys.errors import KeyFileCorrupt, KeyFileMissing
from enrollment.keys.parameters import FORMAT_MAGIC, FORMAT_VERSION, NONCE_BYTES

MAC_INFO = b"aanmeldzuil key file mac v1"
MAX_KEY_FILE_BYTES = 1 << 20


def canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


@dataclass(frozen=True)
class SealedMaster:
    """The master key, sealed with 256-bit ``AESGCM`` under a wrapping key that ``sealing`` says how to get back
    (``params``: the Argon2id cost and salt, the TPM-sealed credential, or a demo's key in the clear)."""

    version: int
    created: str
    sealing: str
    params: dict[str, Any]
    nonce: bytes
    ciphertext: bytes

    def associated_data(self) -> bytes:
        """The versioned header the seal is bound to: a changed cost, salt or version fails to open."""
        return canonical({"format": FORMAT_VERSION, "key": "master", "version": self.version,
                          "created": self.created, "sealing": self.sealing, "params": self.params})

    def to_json(self) -> dict[str, Any]:
        return {"version": self.version, "created": self.created, "sealing": self.sealing, "params": self.params,
                "nonce": b64(self.nonce), "ciphertext": b64(self.ciphertext)}


@dataclass(frozen=True)
class WrappedKey:
    """One version of one data key, wrapped with ``AESGCM`` under the master key."""

    purpose: str
    version: int
    created: str
    nonce: bytes
    ciphertext: bytes

    def associated_data(self, master_version: int) -> bytes:
        """Purpose, version and master version bound to the ciphertext: a key moved to another slot fails."""
        return canonical({"format": FORMAT_VERSION, "key": "data", "purpose": self.purpose,
                          "version": self.version, "created": self.created, "master_version": master_version})

    def to_json(self) -> dict[str, Any]:
        return {"purpose": self.purpose, "version": self.version, "created": self.created,
                "nonce": b64(self.nonce), "ciphertext": b64(self.ciphertext)}


@dataclass(frozen=True)
class KeyFile:
    demo: bool
    created: str
    master: SealedMaster
    data_keys: tuple[WrappedKey, ...]

    def body(self) -> bytes:
        return canonical({"demo": self.demo, "created": self.created, "master": self.master.to_json(),
                          "data_keys": [key.to_json() for key in self.data_keys]})


@dataclass(frozen=True)
class ReadKeyFile:
    """A key file whose form and checksum are good; its HMAC is checked by :func:`verify_mac` once unlocked."""

    path: Path
    keys: KeyFile
    signed: bytes
    mac_hex: str

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.signed).hexdigest()  # the checksum line, checked by :func:`parse`


def mac_key(master: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=MAC_INFO).derive(master)


def encode(keys: KeyFile, master: bytes) -> bytes:
    signed = FORMAT_MAGIC + b" " + str(FORMAT_VERSION).encode() + b"\n" + keys.body() + b"\n"
    digest = hashlib.sha256(signed).hexdigest()
    tag = hmac.new(mac_key(master), signed, hashlib.sha256).hexdigest()
    return signed + f"sha256 {digest}\nhmac-sha256 {tag}\n".encode("ascii")


def read(path: Path) -> ReadKeyFile:
    """The key file at ``path``, its form and checksum checked; needs no secret."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_KEY_FILE_BYTES + 1)
    except FileNotFoundError:
        raise KeyFileMissing(f"no key file at {path}: run `zuil keys init`") from None
    return parse(data, path)


def parse(data: bytes, path: Path) -> ReadKeyFile:
    def corrupt(reason: str) -> KeyFileCorrupt:
        return KeyFileCorrupt(f"key file {path} is damaged or altered: {reason}")

    if len(data) > MAX_KEY_FILE_BYTES:
        raise corrupt("larger than any key file")
    lines = data.split(b"\n")
    if len(lines) != 5 or lines[4] != b"" or lines[0] != FORMAT_MAGIC + b" " + str(FORMAT_VERSION).encode():
        raise corrupt("not a key file of format version 1, or truncated")
    signed = lines[0] + b"\n" + lines[1] + b"\n"
    digest = hashlib.sha256(signed).hexdigest()
    if not hmac.compare_digest(lines[2], f"sha256 {digest}".encode("ascii")):
        raise corrupt("its checksum does not match")
    if not re.fullmatch(rb"hmac-sha256 [0-9a-f]{64}", lines[3]):
        raise corrupt("no authentication code")
    try:
        keys = _key_file(json.loads(lines[1]))
    except (ValueError, KeyError, TypeError, binascii.Error) as exc:
        raise corrupt(f"malformed body ({exc})") from None
    if keys.body() != lines[1]:
        raise corrupt("body not in canonical form")
    return ReadKeyFile(path, keys, signed, lines[3][12:].decode("ascii"))


def checksum(encoded: bytes) -> str:
    """The SHA-256 (hex) a key file's bytes state on their checksum line: what the audit log names a key file by."""
    return encoded.split(b"\n")[2].removeprefix(b"sha256 ").decode("ascii")


def verify_mac(read_file: ReadKeyFile, master: bytes) -> None:
    expected = hmac.new(mac_key(master), read_file.signed, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, read_file.mac_hex):
        raise KeyFileCorrupt(f"key file {read_file.path} was altered: its authentication code does not match")


def _key_file(raw: dict[str, Any]) -> KeyFile:
    if set(raw) != {"demo", "created", "master", "data_keys"} or not isinstance(raw["demo"], bool):
        raise ValueError("unexpected fields")
    master = raw["master"]
    if set(master) != {"version", "created", "sealing", "params", "nonce", "ciphertext"}:
        raise ValueError("unexpected master fields")
    if not isinstance(master["params"], dict) or not isinstance(master["sealing"], str):
        raise ValueError("bad seal")
    sealed = SealedMaster(_count(master["version"]), _text(master["created"]), master["sealing"],
                          master["params"], _nonce(master["nonce"]), _bytes(master["ciphertext"]))
    wrapped = []
    for key in raw["data_keys"]:
        if set(key) != {"purpose", "version", "created", "nonce", "ciphertext"}:
            raise ValueError("unexpected data key fields")
        wrapped.append(WrappedKey(_text(key["purpose"]), _count(key["version"]), _text(key["created"]),
                                  _nonce(key["nonce"]), _bytes(key["ciphertext"])))
    return KeyFile(raw["demo"], _text(raw["created"]), sealed, tuple(wrapped))


def _count(value: Any) -> int:
    if type(value) is not int or value < 1:
        raise ValueError(f"version {value!r}")
    return value


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not text")
    return value


def _bytes(value: Any) -> bytes:
    return base64.b64decode(_text(value), validate=True)


def _nonce(value: Any) -> bytes:
    nonce = _bytes(value)
    if len(nonce) != NONCE_BYTES:
        raise ValueError("nonce of the wrong size")
    return nonce
