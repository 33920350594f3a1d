"""The key file's life: create it, unlock it into a :class:`KeyRing`, rotate it, describe it without a secret.

Every change is one atomic replacement of the whole file (:mod:`enrollment.atomic_files`, mode 0600) under an
exclusive lock, so a crash leaves the old file or the new one, and two technicians cannot lose each other's
rotation. A refusal (wrong passphrase, no TPM, damaged file) writes nothing.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from enrollment.atomic_files import write_bytes_atomically
from enrollment.keys import key_file
from enrollment.keys import parameters as p
from enrollment.keys.errors import DemoKeysRefused, KeyFileCorrupt, KeyFileExists, TpmRefused, WrongPassphrase
from enrollment.keys.kek_sources import DEMO_SEALING, KekSource, Secrets
from enrollment.keys.key_file import KeyFile, ReadKeyFile, SealedMaster, WrappedKey
from enrollment.keys.keyring import DataKey, KeyRing, Purpose
from enrollment.keys.passphrase_kek import SEALING as PASSPHRASE_SEALING


def key_file_path(folder: Path) -> Path:
    return Path(folder) / p.KEY_FILE_NAME


def create_keys(folder: Path, kek: KekSource, *, demo: bool = False) -> KeyRing:
    """A new key file in ``folder``: a random master key sealed by ``kek`` and version 1 of every data key."""
    path = key_file_path(folder)
    if (kek.sealing == DEMO_SEALING) != demo:
        raise DemoKeysRefused(f"{path}: demo keys are unsealed and only demo keys may be")
    with _locked(path):
        if path.exists():
            raise KeyFileExists(f"a key file exists at {path}; use `zuil keys rotate` (keys are never replaced)")
        now = _now()
        keys = {purpose: (DataKey(purpose, 1, now, os.urandom(p.KEY_BYTES)),) for purpose in Purpose}
        return _write(path, kek, os.urandom(p.KEY_BYTES), 1, keys, demo=demo, created=now)


def unlock_keys(folder: Path, secrets: Secrets, *, demo: bool = False) -> KeyRing:
    """The keys of ``folder``'s key file; refuses a demo file unless ``demo``, and a real one if ``demo``."""
    read = key_file.read(key_file_path(folder))
    _check_demo(read, demo)
    _master, ring = _open(read, secrets.source_for(read.keys.master.sealing, str(read.path)))
    return ring


def rotate_keys(folder: Path, secrets: Secrets, *, master: bool, purposes: Iterable[Purpose] = (),
                new_kek: KekSource | None = None) -> KeyRing:
    """A new master key (``master``: every data key rewrapped, sealed again by ``new_kek`` or the same kind of
    seal) and/or a new version of each of ``purposes``. Old data-key versions stay; a purpose the file lacks
    is added. The new file replaces the old one in one rename."""
    path = key_file_path(folder)
    with _locked(path):
        read = key_file.read(path)
        _check_demo(read, read.keys.demo)
        source = secrets.source_for(read.keys.master.sealing, str(path))
        master_key, ring = _open(read, source)
        now = _now()
        keys = dict(ring.keys)
        for purpose in set(purposes) | {q for q in Purpose if q not in keys}:
            version = keys[purpose][-1].version + 1 if purpose in keys else 1
            keys[purpose] = (*keys.get(purpose, ()), DataKey(purpose, version, now, os.urandom(p.KEY_BYTES)))
        if new_kek is not None and (new_kek.sealing == DEMO_SEALING) != read.keys.demo:
            raise DemoKeysRefused(f"{path}: demo keys are unsealed and only demo keys may be")
        if master:
            return _write(path, new_kek or source, os.urandom(p.KEY_BYTES), ring.master_version + 1, keys,
                          demo=read.keys.demo, created=read.keys.created)
        return _rewrite(read, master_key, keys)


@dataclass(frozen=True)
class KeyFileInfo:
    """What ``zuil keys status`` shows: no key material, nothing that needs the secret."""

    path: Path
    demo: bool
    created: str
    sealing: str
    seal_params: dict[str, object]
    master_version: int
    master_created: str
    data_keys: tuple[tuple[str, int, str], ...]  # purpose, version, created
    checksum: str  # the SHA-256 line: what the audit log names this key file by


def key_file_info(folder: Path) -> KeyFileInfo:
    """The key file's form and checksum checked (raises on damage); its authentication code is not."""
    read = key_file.read(key_file_path(folder))
    master = read.keys.master
    params = {k: v for k, v in master.params.items() if k in ("kdf", "memory_kib", "time_cost", "parallelism",
                                                                "pcrs")}
    return KeyFileInfo(read.path, read.keys.demo, read.keys.created, master.sealing, params, master.version,
                       master.created, tuple((k.purpose, k.version, k.created) for k in read.keys.data_keys),
                       read.checksum)


def _open(read: ReadKeyFile, source: KekSource) -> tuple[bytes, KeyRing]:
    sealed = read.keys.master
    kek = source.recover(sealed.params, str(read.path))
    try:
        master = AESGCM(kek).decrypt(sealed.nonce, sealed.ciphertext, sealed.associated_data())
    except InvalidTag:
        if sealed.sealing == PASSPHRASE_SEALING:
            raise WrongPassphrase(f"the passphrase does not open key file {read.path} "
                                  f"(or its sealed master key was altered); nothing was changed") from None
        if sealed.sealing == "tpm2":
            raise TpmRefused(f"the TPM's key does not open key file {read.path} (altered?)") from None
        raise KeyFileCorrupt(f"key file {read.path} was altered: its master key does not open") from None
    key_file.verify_mac(read, master)
    keys: dict[Purpose, tuple[DataKey, ...]] = {}
    for wrapped in read.keys.data_keys:
        try:
            material = AESGCM(master).decrypt(wrapped.nonce, wrapped.ciphertext,
                                              wrapped.associated_data(sealed.version))
            purpose = Purpose(wrapped.purpose)
        except (InvalidTag, ValueError):
            raise KeyFileCorrupt(f"key file {read.path} was altered: data key {wrapped.purpose} "
                                 f"version {wrapped.version} does not open") from None
        keys[purpose] = (*keys.get(purpose, ()), DataKey(purpose, wrapped.version, wrapped.created, material))
    if any([k.version for k in versions] != sorted({k.version for k in versions}) for versions in keys.values()):
        raise KeyFileCorrupt(f"key file {read.path} was altered: data key versions out of order")
    ring = KeyRing(read.path, read.keys.demo, sealed.sealing, sealed.version, keys, read.checksum)
    return master, ring


def _write(path: Path, kek_source: KekSource, master: bytes, master_version: int,
           keys: dict[Purpose, tuple[DataKey, ...]], *, demo: bool, created: str) -> KeyRing:
    kek, params = kek_source.new()
    header = SealedMaster(master_version, _now(), kek_source.sealing, params, os.urandom(p.NONCE_BYTES), b"")
    sealed = replace(header, ciphertext=AESGCM(kek).encrypt(header.nonce, master, header.associated_data()))
    encoded = key_file.encode(KeyFile(demo, created, sealed, _wrap(master, master_version, keys)), master)
    write_bytes_atomically(path, encoded)
    return KeyRing(path, demo, kek_source.sealing, master_version, keys, key_file.checksum(encoded))


def _rewrite(read: ReadKeyFile, master: bytes, keys: dict[Purpose, tuple[DataKey, ...]]) -> KeyRing:
    """The same sealed master key with ``keys`` (no new seal: the TPM and passphrase are not asked again)."""
    sealed = read.keys.master
    keys_file = KeyFile(read.keys.demo, read.keys.created, sealed, _wrap(master, sealed.version, keys))
    encoded = key_file.encode(keys_file, master)
    write_bytes_atomically(read.path, encoded)
    return KeyRing(read.path, read.keys.demo, sealed.sealing, sealed.version, keys, key_file.checksum(encoded))


def _wrap(master: bytes, master_version: int, keys: dict[Purpose, tuple[DataKey, ...]]) -> tuple[WrappedKey, ...]:
    wrapped = []
    for purpose in Purpose:
        for key in keys.get(purpose, ()):
            slot = WrappedKey(purpose.value, key.version, key.created, os.urandom(p.NONCE_BYTES), b"")
            wrapped.append(replace(slot, ciphertext=AESGCM(master).encrypt(
                slot.nonce, key.material, slot.associated_data(master_version))))
    return tuple(wrapped)


def _check_demo(read: ReadKeyFile, demo: bool) -> None:
    is_demo = read.keys.demo
    if is_demo != (read.keys.master.sealing == DEMO_SEALING):
        raise KeyFileCorrupt(f"key file {read.path} was altered: demo mark and sealing disagree")
    if is_demo and not demo:
        raise DemoKeysRefused(f"{read.path} holds demo keys (unsealed); they are used only by `zuil demo` in "
                              f"the data dir's {p.DEMO_FOLDER} folder")
    if demo and not is_demo:
        raise DemoKeysRefused(f"{read.path} holds real kiosk keys where demo keys are expected")
    if is_demo and read.path.parent.name != p.DEMO_FOLDER:
        raise DemoKeysRefused(f"{read.path} holds demo keys outside a {p.DEMO_FOLDER!r} data folder; refused")


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    missing = [folder for folder in (path.parent, *path.parent.parents) if not folder.exists()]
    for folder in reversed(missing):  # a new data folder, and every new folder above it, private like the store's
        folder.mkdir(mode=0o700, exist_ok=True)
        os.chmod(folder, 0o700)  # whatever the umask
    fd = os.open(path.parent / f".{path.name}.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        for stale in path.parent.glob(f".{path.name}.*.tmp"):  # a write killed before its rename; none runs now
            stale.unlink(missing_ok=True)
        yield
    finally:
        os.close(fd)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
