"""Proving the audit log: every entry linked to the one before, every checkpoint signed and matching the chain.

:func:`verify_log` walks the entries in order and raises :class:`~enrollment.audit.errors.ChainBroken` at the
first problem, naming the entry or checkpoint:

- an entry whose bytes no longer match the hash stored with it (changed in place);
- a gap in the sequence numbers (an entry removed), or an entry stored under another number (moved, reordered);
- an entry whose "previous hash" is not the hash of the entry before it (one of the two was changed and its
  stored hash with it, or entries were removed or reordered and renumbered): the earlier of the two is named;
- a checkpoint whose signature does not verify with the signing key version it names (forged or altered);
- a checkpoint whose head is not the hash of the entry it counts up to (entries up to it rewritten);
- fewer entries than the last checkpoint counted (the tail cut off), or a checkpoint number missing.

What the log cannot show by itself: entries appended after the last checkpoint and then removed together with
nothing else (there is no later signature to miss them), and a log replaced as a whole by an older copy.
Checkpoints sent upstream would close both; they are not sent yet.
"""

from __future__ import annotations

from dataclasses import dataclass

from enrollment.audit.checkpoints import Checkpoint, signature_problem
from enrollment.audit.entries import GENESIS, decode, entry_hash
from enrollment.audit.errors import AuditLogCorrupt, ChainBroken
from enrollment.audit.log_store import AuditLog
from enrollment.keys.keyring import KeyRing


@dataclass(frozen=True)
class Verified:
    entries: int
    checkpoints: int
    covered: int  # entries proven by the last checkpoint's signature
    key_versions: tuple[int, ...]

    def summary(self, where: str) -> str:
        keys = ", ".join(str(v) for v in self.key_versions) or "none"
        return (f"audit log {where}: {self.entries} entries, chain intact; {self.checkpoints} checkpoints, "
                f"signatures good (signing key versions {keys}); entries 1-{self.covered} signed, "
                f"{self.entries - self.covered} after the last checkpoint")


def verify_log(log: AuditLog, ring: KeyRing) -> Verified:
    """Prove ``log`` with the signing keys of ``ring``, or raise :class:`ChainBroken` at the first problem."""
    checkpoints = log.checkpoints()
    _check_checkpoints(checkpoints, ring)
    wanted = {c.entries for c in checkpoints}
    heads = {0: GENESIS}
    count, prev = 0, GENESIS
    for stored in log.entries():
        expected = count + 1
        if stored.seq != expected:
            raise ChainBroken(f"entry {expected} is missing (the next stored entry is {stored.seq})",
                              entry=expected)
        if entry_hash(stored.data) != stored.stored_hash:
            raise ChainBroken(f"entry {expected} was altered: its bytes do not match its stored hash",
                              entry=expected)
        try:
            entry = decode(stored.data, f"entry {expected}")
        except AuditLogCorrupt as exc:
            raise ChainBroken(f"{exc}", entry=expected) from None
        if entry.seq != expected:
            raise ChainBroken(f"entry {expected} holds entry {entry.seq}: moved or reordered", entry=expected)
        if entry.prev != prev:
            raise ChainBroken(f"the chain breaks between entry {expected - 1} and entry {expected}: its previous "
                              f"hash is not entry {expected - 1}'s (one of them altered, or entries removed or "
                              f"reordered)", entry=max(expected - 1, 1))
        count, prev = expected, entry_hash(stored.data)
        if count in wanted:
            heads[count] = prev
    for checkpoint in checkpoints:
        if checkpoint.entries > count:
            raise ChainBroken(f"the log ends at entry {count} but checkpoint {checkpoint.number} was signed over "
                              f"{checkpoint.entries} entries: entries {count + 1}-{checkpoint.entries} were removed",
                              entry=count + 1)
        if heads[checkpoint.entries] != checkpoint.head:
            raise ChainBroken(f"checkpoint {checkpoint.number} does not match entry {checkpoint.entries}: entries "
                              f"1-{checkpoint.entries} were rewritten", entry=checkpoint.entries)
    covered = checkpoints[-1].entries if checkpoints else 0
    return Verified(count, len(checkpoints), covered, tuple(sorted({c.key_version for c in checkpoints})))


def _check_checkpoints(checkpoints: list[Checkpoint], ring: KeyRing) -> None:
    previous = 0
    for expected, checkpoint in enumerate(checkpoints, start=1):
        if checkpoint.number != expected:
            raise ChainBroken(f"checkpoint {expected} is missing (the next stored checkpoint is {checkpoint.number})")
        problem = signature_problem(ring, checkpoint)
        if problem:
            raise ChainBroken(f"checkpoint {expected} (over {checkpoint.entries} entries) {problem}",
                              entry=checkpoint.entries)
        if checkpoint.entries < previous:
            raise ChainBroken(f"checkpoint {expected} counts {checkpoint.entries} entries, fewer than checkpoint "
                              f"{expected - 1} did ({previous})")
        previous = checkpoint.entries
