from __future__ import annotations

import os

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from hypothesis import given, settings
from hypothesis import strategies as st

from enrollment.errors import EnrollmentError
from enrollment.keys import key_file
from enrollment.keys.errors import (
    KeyFileCorrupt,
    KeyFileExists,
    KeyFileMissing,
    UnknownKeyVersion,
    WeakPassphrase,
    WrongPassphrase,
)
from enrollment.keys.kek_sources import Secrets
from enrollment.keys.key_store import create_keys, key_file_info, key_file_path, rotate_keys, unlock_keys
from enrollment.keys.keyring import Purpose
from enrollment.keys.passphrase_kek import PassphraseKek
from tests.enrollment.keys.conftest import PASSPHRASE

SECRETS = Secrets(passphrase=lambda: PASSPHRASE)


@pytest.fixture(scope="module")
def sealed_file(tmp_path_factory) -> bytes:
    """The bytes of one passphrase-sealed key file (made once: the tamper tests open it many times)."""
    folder = tmp_path_factory.mktemp("keys")
    mp = pytest.MonkeyPatch()
    from enrollment.keys import parameters
    mp.setattr(parameters, "ARGON2_MEMORY_KIB", 8 * 1024)
    mp.setattr(parameters, "ARGON2_TIME_COST", 1)
    create_keys(folder, PassphraseKek(PASSPHRASE))
    mp.undo()
    return key_file_path(folder).read_bytes()


def test_keys_round_trip_and_never_show_their_material(tmp_path):
    made = create_keys(tmp_path, PassphraseKek(PASSPHRASE))
    opened = unlock_keys(tmp_path, SECRETS)
    assert opened.sealing == "passphrase" and opened.master_version == 1 and not opened.demo
    for purpose in Purpose:
        assert opened.current(purpose) == made.current(purpose)
        assert len(opened.current(purpose).material) == 32
    materials = {opened.current(purpose).material for purpose in Purpose}
    assert len(materials) == len(Purpose)  # a key of its own for each purpose
    version, signer = opened.signing_key()
    _, again = unlock_keys(tmp_path, SECRETS).signing_key(version)
    again.public_key().verify(signer.sign(b"checkpoint"), b"checkpoint")
    text = key_file_path(tmp_path).read_bytes() + repr(opened).encode() + repr(opened.current(Purpose.GALLERY)).encode()
    for material in materials:
        assert material not in text and material.hex().encode() not in text
    assert oct(key_file_path(tmp_path).stat().st_mode & 0o777) == oct(0o600)


def test_init_never_replaces_a_key_file_and_refuses_a_short_passphrase(tmp_path):
    with pytest.raises(WeakPassphrase):
        create_keys(tmp_path, PassphraseKek("short"))
    assert not key_file_path(tmp_path).exists()
    create_keys(tmp_path, PassphraseKek(PASSPHRASE))
    before = key_file_path(tmp_path).read_bytes()
    with pytest.raises(KeyFileExists):
        create_keys(tmp_path, PassphraseKek(PASSPHRASE))
    assert key_file_path(tmp_path).read_bytes() == before


def test_a_wrong_passphrase_is_refused_and_changes_nothing(tmp_path):
    create_keys(tmp_path, PassphraseKek(PASSPHRASE))
    before = key_file_path(tmp_path).read_bytes()
    wrong = Secrets(passphrase=lambda: PASSPHRASE + "!")
    with pytest.raises(WrongPassphrase, match="does not open key file"):
        unlock_keys(tmp_path, wrong)
    with pytest.raises(WrongPassphrase):
        rotate_keys(tmp_path, wrong, master=True, purposes=list(Purpose))
    assert key_file_path(tmp_path).read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".kiosk.keys.lock", "kiosk.keys"]  # no temp file left
    unlock_keys(tmp_path, SECRETS)


def test_a_missing_key_file_is_a_typed_refusal(tmp_path):
    with pytest.raises(KeyFileMissing, match="zuil keys init"):
        unlock_keys(tmp_path, SECRETS)
    with pytest.raises(KeyFileMissing):
        key_file_info(tmp_path)
    with pytest.raises(KeyFileMissing):
        rotate_keys(tmp_path, SECRETS, master=True)
    assert not key_file_path(tmp_path).exists()


@settings(max_examples=60)
@given(fraction=st.floats(0, 1, exclude_max=True), flip=st.integers(1, 255))
def test_a_changed_byte_anywhere_is_detected(sealed_file, tmp_path_factory, fraction, flip):
    folder = tmp_path_factory.mktemp("tampered")
    position = int(fraction * len(sealed_file))
    tampered = bytearray(sealed_file)
    tampered[position] ^= flip
    key_file_path(folder).write_bytes(bytes(tampered))
    with pytest.raises(KeyFileCorrupt, match=r"damaged or altered|was altered"):
        unlock_keys(folder, SECRETS)
    assert key_file_path(folder).read_bytes() == bytes(tampered)


def test_each_line_of_the_key_file_is_covered(sealed_file, tmp_path):
    # one changed byte at the start of each of the four lines (the magic, the body, the checksum, the HMAC)
    starts = [0] + [i + 1 for i, byte in enumerate(sealed_file[:-1]) if byte == ord("\n")]
    assert len(starts) == 4
    for start in starts:
        tampered = bytearray(sealed_file)
        tampered[start + 15] ^= 0x01
        key_file_path(tmp_path).write_bytes(bytes(tampered))
        with pytest.raises(KeyFileCorrupt):
            unlock_keys(tmp_path, SECRETS)


@settings(max_examples=25)
@given(fraction=st.floats(0, 1, exclude_max=True))
def test_a_truncated_key_file_is_refused(sealed_file, tmp_path_factory, fraction):
    folder = tmp_path_factory.mktemp("truncated")
    key_file_path(folder).write_bytes(sealed_file[:int(fraction * len(sealed_file))])
    with pytest.raises(KeyFileCorrupt):
        unlock_keys(folder, SECRETS)
    with pytest.raises(KeyFileCorrupt):
        key_file_info(folder)


def _rewritten(sealed: bytes, change) -> bytes:  # type: ignore[no-untyped-def]
    """The key file with its body changed by ``change`` and a checksum that matches (an attacker's rewrite)."""
    import hashlib
    import json

    magic, body, _sha, mac, _ = sealed.split(b"\n")
    new_body = key_file.canonical(change(json.loads(body)))
    signed = magic + b"\n" + new_body + b"\n"
    return signed + b"sha256 " + hashlib.sha256(signed).hexdigest().encode() + b"\n" + mac + b"\n"


@pytest.mark.parametrize("change", [
    lambda body: {**body, "created": "2020-01-01T00:00:00+00:00"},
    lambda body: {**body, "data_keys": body["data_keys"][::-1]},
    lambda body: {**body, "data_keys": [{**body["data_keys"][0], "purpose": "signing"}, *body["data_keys"][1:]]},
    lambda body: {**body, "data_keys": body["data_keys"][:-1]},
    lambda body: {**body, "master": {**body["master"], "params": {**body["master"]["params"], "time_cost": 2}}},
], ids=["date", "order", "purpose", "dropped-key", "argon2-cost"])
def test_a_rewrite_with_a_matching_checksum_is_refused_once_unlocked(sealed_file, tmp_path, change):
    key_file_path(tmp_path).write_bytes(_rewritten(sealed_file, change))
    key_file_info(tmp_path)  # the checksum matches: only the secret can tell
    with pytest.raises((KeyFileCorrupt, WrongPassphrase)):
        unlock_keys(tmp_path, SECRETS)


def test_rotation_keeps_every_old_version_and_new_writes_use_the_newest(tmp_path):
    first = create_keys(tmp_path, PassphraseKek(PASSPHRASE))
    nonce = os.urandom(12)
    sealed_v1 = AESGCM(first.current(Purpose.GALLERY).material).encrypt(nonce, b"template", b"prints/1/template")
    seen = {(p, k.version): k.material for p in Purpose for k in first.versions(p)}

    data_only = rotate_keys(tmp_path, SECRETS, master=False, purposes=[Purpose.GALLERY])
    assert data_only.master_version == 1 and data_only.current(Purpose.GALLERY).version == 2
    assert data_only.current(Purpose.SIGNING).version == 1
    master_only = rotate_keys(tmp_path, SECRETS, master=True)
    assert master_only.master_version == 2 and master_only.current(Purpose.GALLERY).version == 2
    everything = rotate_keys(tmp_path, SECRETS, master=True, purposes=list(Purpose))
    assert everything.master_version == 3

    ring = unlock_keys(tmp_path, SECRETS)
    assert [k.version for k in ring.versions(Purpose.GALLERY)] == [1, 2, 3]
    assert [k.version for k in ring.versions(Purpose.SIGNING)] == [1, 2]
    for (purpose, version), material in seen.items():
        assert ring.version(purpose, version).material == material
    for purpose in Purpose:
        assert len({k.material for k in ring.versions(purpose)}) == len(ring.versions(purpose))
    stored_version = 1
    assert AESGCM(ring.version(Purpose.GALLERY, stored_version).material).decrypt(
        nonce, sealed_v1, b"prints/1/template") == b"template"
    assert ring.current(Purpose.GALLERY).version == 3  # what a new write takes
    with pytest.raises(UnknownKeyVersion):
        ring.version(Purpose.GALLERY, 4)
    info = key_file_info(tmp_path)
    assert info.master_version == 3 and ("gallery", 3, ring.current(Purpose.GALLERY).created) in info.data_keys


def test_a_new_passphrase_replaces_the_old_one(tmp_path):
    create_keys(tmp_path, PassphraseKek(PASSPHRASE))
    before = unlock_keys(tmp_path, SECRETS)
    with pytest.raises(WeakPassphrase):
        rotate_keys(tmp_path, SECRETS, master=True, new_kek=PassphraseKek("too short"))
    assert unlock_keys(tmp_path, SECRETS).master_version == 1
    new = "a different and longer passphrase"
    rotate_keys(tmp_path, SECRETS, master=True, new_kek=PassphraseKek(new))
    with pytest.raises(WrongPassphrase):
        unlock_keys(tmp_path, SECRETS)
    after = unlock_keys(tmp_path, Secrets(passphrase=lambda: new))
    assert after.current(Purpose.GALLERY) == before.current(Purpose.GALLERY)


def test_every_refusal_is_an_enrollment_error_with_one_line(tmp_path):
    with pytest.raises(EnrollmentError) as missing:
        unlock_keys(tmp_path, SECRETS)
    assert "\n" not in str(missing.value) and str(tmp_path) in str(missing.value)
