"""The record's sensitive fields sealed with AES-256-GCM under the kiosk's gallery data key, and the V-number's keyed
lookup hash (HMAC-SHA256 under the V-number HMAC key).

A sealed value is stored as a :mod:`~enrollment.records.field_envelope` (key version, random 96-bit nonce,
ciphertext) and bound, as associated data, to the place it belongs: table, row id, column, the intake the row
belongs to (for a capture or an identification result) and the data-key version. A ciphertext copied to another
row, column or intake, altered, truncated or sealed under another key does not open: :meth:`FieldCipher.open`
raises :class:`SealedFieldRefused` naming table, row and column, logs the refusal (never the value), and returns
nothing. New values are sealed with the newest key version; every version the key file holds opens.

The :class:`FieldCipher` of a record transaction is on its session (:func:`cipher_of`), put there by
:class:`~enrollment.records.store.RecordStore`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy.orm import Session

from enrollment.errors import StorageError
from enrollment.keys.errors import UnknownKeyVersion
from enrollment.keys.keyring import DataKey, KeyRing, Purpose
from enrollment.records.field_envelope import NONCE_BYTES, EnvelopeMalformed, encode, parse

log = logging.getLogger(__name__)

SESSION_KEY = "field_cipher"
VNUMBER_HMAC_DOMAIN = b"aanmeldzuil v-number lookup v1\x00"


class KeysNotGiven(StorageError):
    """A sealed field was to be written or read in a record session opened without the kiosk's keys."""


class SealedFieldRefused(StorageError):
    """A sealed field does not open: tampered, truncated, moved to another row or column, or under other keys."""

    def __init__(self, where: Field, reason: str) -> None:
        self.table, self.row, self.column = where.table, where.row, where.column
        super().__init__(f"sealed field {where} refused, not used: {reason}")


@dataclass(frozen=True)
class Field:
    """Where a sealed value belongs; all of it is bound to the ciphertext."""

    table: str
    row: str
    column: str
    parent: str = ""  # the intake of a capture or an identification result

    def __str__(self) -> str:
        return f"{self.table}.{self.column} of row {self.row}"

    def associated_data(self, key_version: int) -> bytes:
        """The compact JSON object, keys sorted, of the AAD marker, format 1, table, row, column, parent and key
        version (written out field by field, byte for byte what ``json.dumps(..., sort_keys=True)`` gives: it
        is made for every value opened, 300,000 times when the gallery loads)."""
        return (f'{{"aad":"aanmeldzuil sealed field","column":{_quoted(self.column)},"format":1,'
                f'"key_version":{int(key_version)},"parent":{_quoted(self.parent)},"row":{_quoted(self.row)},'
                f'"table":{_quoted(self.table)}}}').encode()


_quoted = json.encoder.encode_basestring_ascii  # a JSON string as json.dumps writes it (ensure_ascii)


@dataclass
class FieldCipher:
    keyring: KeyRing
    _ciphers: dict[int, AESGCM] = field(default_factory=dict, repr=False)

    def seal(self, where: Field, plaintext: bytes) -> bytes:
        """``plaintext`` sealed for ``where`` under the newest gallery key."""
        return self.seal_with(self.keyring.current(Purpose.GALLERY), where, plaintext)

    def seal_with(self, key: DataKey, where: Field, plaintext: bytes) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        sealed = self._aead(key).encrypt(nonce, bytes(plaintext), where.associated_data(key.version))
        return encode(key.version, nonce, sealed)

    def open(self, where: Field, stored: object) -> bytes:
        """The plaintext sealed in ``stored`` for ``where``; :class:`SealedFieldRefused` if it does not open."""
        try:
            envelope = parse(stored)
            aead = self._ciphers.get(envelope.key_version) \
                or self._aead(self.keyring.version(Purpose.GALLERY, envelope.key_version))
            return aead.decrypt(envelope.nonce, envelope.ciphertext, where.associated_data(envelope.key_version))
        except EnvelopeMalformed as exc:
            reason = str(exc)
        except UnknownKeyVersion:
            reason = f"sealed with gallery key version {envelope.key_version}, which {self.keyring.path} lacks"
        except InvalidTag:
            reason = "it fails authentication (altered, moved from another place, or sealed under other keys)"
        log.error("sealed field %s refused: %s", where, reason)
        raise SealedFieldRefused(where, reason)

    def vnumber_lookup(self, v_number: str) -> str:
        """The lookup hash stored with a new intake: ``<key version>:<HMAC-SHA256 hex>`` under the newest key."""
        return self.vnumber_hash_with(self.keyring.current(Purpose.VNUMBER_HMAC), v_number)

    def vnumber_lookups(self, v_number: str) -> list[str]:
        """The lookup hashes of ``v_number`` under every key version (intakes written before a rotation)."""
        return [self.vnumber_hash_with(key, v_number) for key in self.keyring.versions(Purpose.VNUMBER_HMAC)]

    @staticmethod
    def vnumber_hash_with(key: DataKey, v_number: str) -> str:
        digest = hmac.new(key.material, VNUMBER_HMAC_DOMAIN + v_number.encode("ascii"), hashlib.sha256)
        return f"{key.version}:{digest.hexdigest()}"

    def _aead(self, key: DataKey) -> AESGCM:
        if key.version not in self._ciphers:
            self._ciphers[key.version] = AESGCM(key.material)
        return self._ciphers[key.version]


def cipher_of(session: Session) -> FieldCipher:
    """The cipher of this record session; :class:`KeysNotGiven` when the store was opened without keys."""
    cipher = session.info.get(SESSION_KEY)
    if not isinstance(cipher, FieldCipher):
        raise KeysNotGiven("the record store was opened without the kiosk's keys; sealed fields cannot be "
                           "written or read")
    return cipher
