"""Typed refusals of the key hierarchy. None of them writes anything: the key file is as it was."""

from __future__ import annotations

from enrollment.errors import EnrollmentError


class KeysError(EnrollmentError):
    """Base of the key hierarchy's errors; the message says what and which key file."""


class KeyFileMissing(KeysError):
    """There is no key file where one is expected (run `zuil keys init`)."""


class KeyFileExists(KeysError):
    """`init` was asked for where a key file already exists (keys are never overwritten)."""


class KeyFileCorrupt(KeysError):
    """The key file is truncated, altered or not a key file at all."""


class WrongPassphrase(KeysError):
    """The passphrase does not open the sealed master key."""


class WeakPassphrase(KeysError):
    """A new passphrase is too short."""


class TpmUnavailable(KeysError):
    """No usable TPM 2.0 (or systemd-creds) where TPM sealing is asked for or needed."""


class TpmRefused(KeysError):
    """The TPM would not unseal the key (another TPM, or the bound PCRs changed)."""


class DemoKeysRefused(KeysError):
    """Demo keys used outside the demo data folder, or real keys where demo keys are expected."""


class UnknownKeyVersion(KeysError):
    """A data key of a purpose and version the key file does not hold."""
