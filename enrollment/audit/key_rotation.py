"""A key rotation as ``zuil keys rotate`` and the technician's screen both do it: the key file's change logged first
where the log has not seen the file, the rotation audited (``rotate``: ok with the new versions and the key file's
checksum, or refused or failed with the error's name), and a checkpoint signed with the newest signing key."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from enrollment.audit.events import TECHNICIAN, key_file_seen, key_operation
from enrollment.audit.log_store import AuditLog
from enrollment.keys.kek_sources import KekSource, Secrets
from enrollment.keys.key_store import key_file_info, rotate_keys
from enrollment.keys.keyring import KeyRing, Purpose


def log_unlogged_key_file(log: AuditLog, folder: Path) -> None:
    """Before a key operation: an entry for a key file the log has not seen (a rotation killed after its rename
    and before its entry was committed), so that no change of the key file goes unlogged."""
    info = key_file_info(folder)
    key_file_seen(log, info.checksum, master_version=info.master_version)


def rotate_audited(log: AuditLog, folder: Path, secrets: Secrets, *, master: bool, purposes: Iterable[Purpose],
                   new_kek: KekSource | None = None, actor: str = TECHNICIAN) -> KeyRing:
    """:func:`~enrollment.keys.key_store.rotate_keys` of the key file in ``folder``, audited as ``actor``; the
    new key ring."""
    chosen = list(purposes)
    with key_operation(log, "rotate", actor=actor) as details:
        log_unlogged_key_file(log, folder)
        ring = rotate_keys(folder, secrets, master=master, purposes=chosen, new_kek=new_kek)
        details.update(master_version=ring.master_version, data_keys=",".join(p.value for p in chosen),
                       signing_version=ring.current(Purpose.SIGNING).version, key_file=ring.checksum)
    log.checkpoint(ring)  # signed with the newest signing key
    return ring
