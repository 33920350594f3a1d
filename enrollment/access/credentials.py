"""Account names, PINs and passwords: the rules they must meet, and their Argon2id hashes.

A name is 3 to 32 of a-z, 0-9, ``.``, ``_`` and ``-``, beginning with a letter. A secret of ASCII digits only is
a PIN: 6 to 12 digits, not one digit repeated and not a run up or down (``123456``, ``987654``). Any other secret
is a password: 12 to 128 characters, no control characters, compared after Unicode NFC normalisation (so that
the same word typed on two keyboards is the same password). The hash is argon2-cffi's PasswordHasher with the
parameters below (RFC 9106 Argon2id, OWASP's 19 MiB / 2 passes / 1 lane); a hash made with other parameters
still verifies and is flagged for rehashing. The account store seals the hash with the kiosk's gallery key, so a
copy of the database alone does not allow guessing a PIN offline.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from enrollment.access.errors import CredentialRefused

ARGON2_TIME_COST = 2
ARGON2_MEMORY_KIB = 19 * 1024
ARGON2_PARALLELISM = 1
ARGON2_HASH_BYTES = 32
ARGON2_SALT_BYTES = 16

PIN_DIGITS = (6, 12)
PASSWORD_CHARS = (12, 128)
_NAME = re.compile(r"[a-z][a-z0-9._-]{2,31}")

HASHER = PasswordHasher(time_cost=ARGON2_TIME_COST, memory_cost=ARGON2_MEMORY_KIB, parallelism=ARGON2_PARALLELISM,
                        hash_len=ARGON2_HASH_BYTES, salt_len=ARGON2_SALT_BYTES, type=Type.ID)
# What an unknown name is checked against, so that a login takes as long whether the name exists or not.
_NOBODY = HASHER.hash("no account has this password")


class SecretKind(StrEnum):
    PIN = "pin"
    PASSWORD = "password"


@dataclass(frozen=True)
class Secret:
    kind: SecretKind
    text: str  # normalised

    def __repr__(self) -> str:  # never the secret itself, in a traceback or a log
        return f"Secret({self.kind.value})"


def parse_account_name(text: object) -> str:
    """``text`` when it is a valid account name, else :class:`CredentialRefused` saying the rule."""
    if not isinstance(text, str) or not _NAME.fullmatch(text):
        raise CredentialRefused("an account name is 3 to 32 of a-z, 0-9, '.', '_' and '-', beginning with a letter")
    return text


def parse_secret(text: object) -> Secret:
    """A PIN (ASCII digits only) or a password meeting the rules above, else :class:`CredentialRefused`; the
    message never repeats the secret."""
    if not isinstance(text, str):
        raise CredentialRefused("a PIN or password is text")
    if text.isascii() and text.isdigit():
        low, high = PIN_DIGITS
        if not low <= len(text) <= high:
            raise CredentialRefused(f"a PIN has {low} to {high} digits, this one has {len(text)}")
        if _trivial_pin(text):
            raise CredentialRefused("a PIN may not be one digit repeated or a run of digits up or down")
        return Secret(SecretKind.PIN, text)
    normal = unicodedata.normalize("NFC", text)
    low, high = PASSWORD_CHARS
    if not low <= len(normal) <= high:
        raise CredentialRefused(f"a password has {low} to {high} characters (or a PIN only digits), this one has "
                                f"{len(normal)}")
    if any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn") for c in normal):
        raise CredentialRefused("a password may not hold control, format or unassigned characters")
    return Secret(SecretKind.PASSWORD, normal)


def _trivial_pin(pin: str) -> bool:
    steps = {(int(b) - int(a)) % 10 for a, b in itertools.pairwise(pin)}
    return steps in ({0}, {1}, {9})


def hash_secret(secret: Secret) -> str:
    return HASHER.hash(secret.text)


def verify_secret(stored_hash: str | None, text: str) -> bool:
    """Whether ``text`` (as typed; normalised here like :func:`parse_secret`) matches ``stored_hash``. With no
    hash (an unknown name), a dummy hash is checked so the time taken is alike, and the answer is False."""
    candidate = text if text.isascii() else unicodedata.normalize("NFC", text)
    try:
        return HASHER.verify(stored_hash or _NOBODY, candidate) and stored_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return HASHER.check_needs_rehash(stored_hash)
