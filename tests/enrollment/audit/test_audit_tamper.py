"""``verify_log`` against an attacker with the file: each edit is made with SQLite directly, the append-only
triggers dropped first, and verification names the first broken entry or checkpoint."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from pathlib import Path

import cbor2
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from enrollment.audit.checkpoints import signed_message
from enrollment.audit.entries import GENESIS, decode, encode, entry_hash
from enrollment.audit.errors import ChainBroken
from enrollment.audit.log_store import AuditLog
from enrollment.audit.verification import verify_log
from enrollment.keys.demo_keys import open_demo_keys
from tests.enrollment.audit.conftest import EVERY, fill, read, tamper

COUNT = 4 * EVERY  # entries; checkpoints after 5, 10, 15 and 20


@pytest.fixture
def full(log):
    fill(log, COUNT)
    assert verify_log(log, log.signer).entries == COUNT
    return log


def _broken(log: AuditLog, match: str) -> ChainBroken:
    with pytest.raises(ChainBroken, match=match) as caught:
        verify_log(log, log.signer)
    return caught.value


def _entry(log: AuditLog, seq: int) -> bytes:
    return bytes(read(log.path, "SELECT entry FROM audit_entries WHERE seq = ?", (seq,))[0][0])


def _rewrite(log: AuditLog, first: int, change) -> None:  # type: ignore[no-untyped-def]
    """Change entry ``first`` with ``change`` and re-link every entry after it, hashes included."""
    stored = {s.seq: s.data for s in log.entries()}
    prev = entry_hash(stored[first - 1]) if first > 1 else GENESIS
    for seq in range(first, max(stored) + 1):
        entry = decode(stored[seq])
        entry = change(entry) if seq == first else entry
        data = encode(type(entry)(**{**entry.__dict__, "prev": prev}))
        tamper(log.path, "UPDATE audit_entries SET entry = ?, hash = ? WHERE seq = ?",
               params=(data, entry_hash(data), seq))
        prev = entry_hash(data)


def test_a_changed_entry_is_named(full):
    data = bytearray(_entry(full, 7))
    data[data.index(b"officer-0")] = ord("O")
    tamper(full.path, "UPDATE audit_entries SET entry = ? WHERE seq = 7", params=(bytes(data),))
    assert _broken(full, "entry 7 was altered").entry == 7


def test_a_changed_entry_with_its_hash_recomputed_breaks_the_link_to_the_next(full):
    data = _entry(full, 7).replace(b"officer-0", b"officer-9")
    tamper(full.path, "UPDATE audit_entries SET entry = ?, hash = ? WHERE seq = 7",
           params=(data, hashlib.sha256(data).digest()))
    assert _broken(full, "the chain breaks between entry 7 and entry 8").entry == 7


def test_a_rewritten_chain_does_not_match_the_signed_checkpoints(full):
    _rewrite(full, 12, lambda e: type(e)(**{**e.__dict__, "actor": "someone-else"}))
    assert _broken(full, "checkpoint 3 does not match entry 15: entries 1-15 were rewritten").entry == 15


def test_a_deleted_entry_is_named(full):
    tamper(full.path, "DELETE FROM audit_entries WHERE seq = 9")
    assert _broken(full, "entry 9 is missing").entry == 9


def test_a_deleted_entry_with_the_rest_renumbered_and_relinked_does_not_match_the_checkpoints(full):
    kept = [decode(s.data) for s in full.entries() if s.seq != 9]
    prev = entry_hash(_entry(full, 8))
    tamper(full.path, "DELETE FROM audit_entries WHERE seq >= 9")
    for seq, entry in enumerate(kept[8:], start=9):
        data = encode(type(entry)(**{**entry.__dict__, "seq": seq, "prev": prev}))
        tamper(full.path, "INSERT INTO audit_entries VALUES (?, ?, ?)", params=(seq, data, entry_hash(data)))
        prev = entry_hash(data)
    assert _broken(full, "checkpoint 2 does not match entry 10: entries 1-10 were rewritten").entry == 10


def test_reordered_entries_are_named(full):
    a, b = _entry(full, 3), _entry(full, 4)
    tamper(full.path, "UPDATE audit_entries SET entry = ?, hash = ? WHERE seq = 3", params=(b, entry_hash(b)))
    tamper(full.path, "UPDATE audit_entries SET entry = ?, hash = ? WHERE seq = 4", params=(a, entry_hash(a)))
    assert _broken(full, "entry 3 holds entry 4: moved or reordered").entry == 3


def test_a_tail_cut_after_a_checkpoint_is_found(full):
    tamper(full.path, "DELETE FROM audit_entries WHERE seq > 17")
    assert _broken(full, "ends at entry 17 but checkpoint 4 was signed over 20 entries").entry == 18


def test_a_forged_checkpoint_signature_is_refused(full):
    signature = bytearray(read(full.path, "SELECT signature FROM audit_checkpoints WHERE number = 2")[0][0])
    signature[10] ^= 0x01
    tamper(full.path, "UPDATE audit_checkpoints SET signature = ? WHERE number = 2", params=(bytes(signature),))
    _broken(full, "checkpoint 2 .* signature does not verify with signing key version 1")


def test_a_checkpoint_signed_with_another_key_is_refused(full):
    """The attacker cuts the tail and signs a new last checkpoint over what is left with a key of their own."""
    tamper(full.path, "DELETE FROM audit_entries WHERE seq > 17", "DELETE FROM audit_checkpoints WHERE number = 4")
    number, time = 4, "2026-01-01T00:00:00.000000+00:00"
    head = entry_hash(_entry(full, 17))
    forged = Ed25519PrivateKey.generate().sign(signed_message(17, head, time, 1))
    tamper(full.path, "INSERT INTO audit_checkpoints VALUES (?, 17, ?, ?, 1, ?)", params=(number, head, time, forged))
    _broken(full, "checkpoint 4 .* signature does not verify")


def test_a_checkpoint_naming_an_unknown_key_version_is_refused(full):
    tamper(full.path, "UPDATE audit_checkpoints SET key_version = 9 WHERE number = 1")
    _broken(full, "checkpoint 1 .* signing key version 9, which the key file does not hold")


def test_a_deleted_checkpoint_is_named(full):
    tamper(full.path, "DELETE FROM audit_checkpoints WHERE number = 2")
    _broken(full, "checkpoint 2 is missing")


def test_a_log_verified_with_another_kiosks_keys_fails(full, tmp_path):
    other = open_demo_keys(tmp_path / "other" / "demo")
    with pytest.raises(ChainBroken, match=r"checkpoint 1 .* does not verify"):
        verify_log(full, other)


# Random positions: a template log (made once) is copied for each example and damaged at one entry.
TAMPERS = ("flip", "flip-and-rehash", "delete", "swap-with-next", "cut-tail")


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    folder = tmp_path_factory.mktemp("audit-template")
    ring = open_demo_keys(folder / "keys" / "demo")
    with AuditLog(folder / "data" / "audit.sqlite3", signer=ring, checkpoint_every=EVERY) as made:
        fill(made, COUNT)
    return folder


@settings(max_examples=40)
@given(st.sampled_from(TAMPERS), st.integers(1, COUNT), st.data())
def test_tampering_at_a_random_position_is_found_at_that_position(template, how, position, data):
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "copy"
        shutil.copytree(template, folder)
        ring = open_demo_keys(folder / "keys" / "demo")
        with AuditLog(folder / "data" / "audit.sqlite3") as log:
            stored = _entry(log, position)
            if how.startswith("flip"):
                offset = data.draw(st.integers(0, len(stored) - 1), label="offset")
                changed = bytearray(stored)
                changed[offset] ^= data.draw(st.integers(1, 255), label="xor")
                rehash = ", hash = ?" if how == "flip-and-rehash" else ""
                params = (bytes(changed), entry_hash(bytes(changed))) if rehash else (bytes(changed),)
                tamper(log.path, f"UPDATE audit_entries SET entry = ?{rehash} WHERE seq = {position}",
                       params=params)
                # with the hash recomputed, a flip in the "previous hash" field breaks the link to the entry before
                expected = {position - 1, position} if rehash else {position}
            elif how == "delete":
                tamper(log.path, f"DELETE FROM audit_entries WHERE seq = {position}")
                expected = {position}
            elif how == "swap-with-next":
                other = position % COUNT + 1
                a, b = stored, _entry(log, other)
                tamper(log.path, f"UPDATE audit_entries SET entry = ?, hash = ? WHERE seq = {position}",
                       params=(b, entry_hash(b)))
                tamper(log.path, f"UPDATE audit_entries SET entry = ?, hash = ? WHERE seq = {other}",
                       params=(a, entry_hash(a)))
                expected = {min(position, other)}
            else:
                tamper(log.path, f"DELETE FROM audit_entries WHERE seq >= {position}")
                expected = {position}
            with pytest.raises(ChainBroken) as caught:
                verify_log(log, ring)
        assert caught.value.entry in expected, f"{how} at {position}: {caught.value}"


def test_entries_after_the_last_checkpoint_are_proven_by_the_chain_only(log):
    """What the log cannot show alone: the unsigned tail removed whole (said in verification's docstring)."""
    fill(log, EVERY + 2)
    tamper(log.path, f"DELETE FROM audit_entries WHERE seq > {EVERY}")
    verified = verify_log(log, log.signer)
    assert (verified.entries, verified.covered) == (EVERY, EVERY)
    assert cbor2.loads(_entry(log, EVERY))["seq"] == EVERY
