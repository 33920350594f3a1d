from __future__ import annotations

import shutil

import pytest

from enrollment.keys.demo_keys import open_demo_keys
from enrollment.keys.errors import DemoKeysRefused
from enrollment.keys.kek_sources import DemoKek, Secrets
from enrollment.keys.key_store import create_keys, key_file_info, key_file_path, rotate_keys, unlock_keys
from enrollment.keys.keyring import Purpose
from enrollment.keys.passphrase_kek import PassphraseKek
from tests.enrollment.keys.conftest import PASSPHRASE


def test_demo_keys_are_made_once_in_the_demo_folder_and_marked(tmp_path):
    demo = tmp_path / "data" / "demo"
    made = open_demo_keys(demo)
    again = open_demo_keys(demo)
    assert made.demo and made.sealing == "demo"
    assert again.current(Purpose.GALLERY) == made.current(Purpose.GALLERY)
    info = key_file_info(demo)
    assert info.demo and info.sealing == "demo"
    assert b'"demo":true' in key_file_path(demo).read_bytes()


def test_demo_keys_are_refused_outside_the_demo_folder(tmp_path):
    with pytest.raises(DemoKeysRefused, match="named 'demo'"):
        open_demo_keys(tmp_path / "data")
    assert not key_file_path(tmp_path / "data").exists()
    demo = tmp_path / "data" / "demo"
    open_demo_keys(demo)
    # the kiosk's own unlocking never takes demo keys, not even in the demo folder
    with pytest.raises(DemoKeysRefused, match="demo keys"):
        unlock_keys(demo, Secrets())
    # copied into the kiosk's data folder (or any other), they are refused there too
    shutil.copy(key_file_path(demo), key_file_path(tmp_path / "data"))
    before = key_file_path(tmp_path / "data").read_bytes()
    with pytest.raises(DemoKeysRefused):
        unlock_keys(tmp_path / "data", Secrets())
    with pytest.raises(DemoKeysRefused, match="outside a 'demo' data folder"):
        unlock_keys(tmp_path / "data", Secrets(), demo=True)
    with pytest.raises(DemoKeysRefused):
        rotate_keys(tmp_path / "data", Secrets(), master=True)
    assert key_file_path(tmp_path / "data").read_bytes() == before


def test_real_keys_are_never_taken_for_demo_keys_and_demo_sealing_only_for_demo_files(tmp_path):
    demo = tmp_path / "demo"
    create_keys(demo, PassphraseKek(PASSPHRASE))
    with pytest.raises(DemoKeysRefused, match="real kiosk keys"):
        open_demo_keys(demo)
    with pytest.raises(DemoKeysRefused):
        create_keys(tmp_path / "other", DemoKek())
    with pytest.raises(DemoKeysRefused):
        rotate_keys(demo, Secrets(passphrase=lambda: PASSPHRASE), master=True, new_kek=DemoKek())
    assert unlock_keys(demo, Secrets(passphrase=lambda: PASSPHRASE)).sealing == "passphrase"
