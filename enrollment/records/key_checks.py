"""The store's check that it is opened with the key file it was written with (table ``key_checks``).

For each gallery and V-number HMAC key version that has written to the store, a known value sealed (gallery) or
hashed (HMAC) with it. Opening the store checks every one before anything else is read or written: a key file that
lacks a version the store used, or whose key of that version is another one, is refused with :class:`WrongKeys`
and the store is left as it was. (Without this a wrong V-number HMAC key would find nothing, silently.) The
newest versions get their check row when the store is first opened with them.
"""

from __future__ import annotations

import hashlib
import hmac

from sqlalchemy import select
from sqlalchemy.orm import Session

from enrollment.errors import StorageError
from enrollment.keys.keyring import DataKey, Purpose
from enrollment.records.field_cipher import Field, FieldCipher, SealedFieldRefused
from enrollment.records.models import KeyCheck

CHECK_VALUE = b"aanmeldzuil record key check v1"


class WrongKeys(StorageError):
    """The key file is not the one the record store was written with (or lacks a version it used)."""


def _field(version: int) -> Field:
    return Field("key_checks", f"{Purpose.GALLERY.value}-{version}", "check_value")


def verify_and_record(session: Session, cipher: FieldCipher, where: str) -> None:
    """Refuse keys the store was not written with; add the checks of the key versions new writes will use."""
    ring = cipher.keyring
    rows = {(row.purpose, row.version): row.check_value for row in session.scalars(select(KeyCheck))}
    for (purpose, version), value in sorted(rows.items()):
        held = {key.version for key in ring.keys.get(Purpose(purpose), ())} if purpose in set(Purpose) else set()
        if version not in held:
            raise WrongKeys(f"the record {where} was written with {purpose} key version {version}, which "
                            f"{ring.path} does not hold: not the kiosk's key file")
        if not _matches(cipher, Purpose(purpose), version, value):
            raise WrongKeys(f"the record {where} was written with another {purpose} key version {version} than "
                            f"the one in {ring.path}: not the kiosk's key file")
    for purpose in (Purpose.GALLERY, Purpose.VNUMBER_HMAC):
        key = ring.current(purpose)
        if (purpose.value, key.version) not in rows:
            value = cipher.seal_with(key, _field(key.version), CHECK_VALUE) if purpose is Purpose.GALLERY \
                else _hmac_check(key)
            session.add(KeyCheck(purpose=purpose.value, version=key.version, check_value=value))


def _matches(cipher: FieldCipher, purpose: Purpose, version: int, value: bytes) -> bool:
    if purpose is Purpose.GALLERY:
        try:
            return cipher.open(_field(version), value) == CHECK_VALUE
        except SealedFieldRefused:
            return False
    if purpose is Purpose.VNUMBER_HMAC:
        return hmac.compare_digest(_hmac_check(cipher.keyring.version(purpose, version)), value)
    return False


def _hmac_check(key: DataKey) -> bytes:
    return hmac.new(key.material, CHECK_VALUE, hashlib.sha256).digest()
