"""TPM sealing through systemd-creds, against a real software TPM (swtpm), and the refusals without a TPM."""

from __future__ import annotations

import os

import pytest

from enrollment.keys.errors import TpmRefused, TpmUnavailable
from enrollment.keys.kek_sources import Secrets
from enrollment.keys.key_store import create_keys, key_file_info, key_file_path, rotate_keys, unlock_keys
from enrollment.keys.keyring import Purpose
from enrollment.keys.passphrase_kek import PassphraseKek
from enrollment.keys.tpm_kek import TpmKek, tpm2_problem
from tests.enrollment.keys.conftest import PASSPHRASE
from tests.swtpm import SoftwareTpm


@pytest.fixture
def tpm(tmp_path, monkeypatch):
    monkeypatch.delenv("SYSTEMD_TPM2_DEVICE", raising=False)
    software = SoftwareTpm(tmp_path / "tpm-state")
    yield software
    software.stop()


def test_a_tpm_sealed_master_key_round_trips_and_rotates(tpm, tmp_path):
    folder = tmp_path / "data"
    made = create_keys(folder, TpmKek(tpm.device))
    assert made.sealing == "tpm2" and key_file_info(folder).seal_params == {"pcrs": "7"}
    tpm.flush()
    secrets = Secrets(tpm2_device=tpm.device)  # no passphrase: the TPM alone opens it
    opened = unlock_keys(folder, secrets)
    assert all(opened.current(p) == made.current(p) for p in Purpose)
    tpm.flush()
    rotated = rotate_keys(folder, secrets, master=True, purposes=[Purpose.SIGNING])
    assert rotated.master_version == 2 and rotated.sealing == "tpm2"
    tpm.flush()
    again = unlock_keys(folder, secrets)
    assert again.version(Purpose.SIGNING, 1) == made.current(Purpose.SIGNING)
    assert again.current(Purpose.SIGNING).version == 2


def test_another_tpm_does_not_open_the_key_file_and_nothing_changes(tpm, tmp_path):
    folder = tmp_path / "data"
    create_keys(folder, TpmKek(tpm.device))
    before = key_file_path(folder).read_bytes()
    other = SoftwareTpm(tmp_path / "other-tpm-state")
    try:
        with pytest.raises(TpmRefused, match="systemd-creds decrypt"):
            unlock_keys(folder, Secrets(tpm2_device=other.device))
        other.flush()
        with pytest.raises(TpmRefused):
            rotate_keys(folder, Secrets(tpm2_device=other.device), master=True)
    finally:
        other.stop()
    assert key_file_path(folder).read_bytes() == before


def test_without_systemd_creds_tpm_sealing_is_refused_and_nothing_is_written(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    with pytest.raises(TpmUnavailable, match="systemd-creds is not installed"):
        create_keys(tmp_path / "a", TpmKek())
    assert not key_file_path(tmp_path / "a").exists()


def test_a_tpm_sealed_file_without_a_tpm_is_refused_unchanged(tpm, tmp_path, monkeypatch):
    folder = tmp_path / "data"
    create_keys(folder, TpmKek(tpm.device))
    before = key_file_path(folder).read_bytes()
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    with pytest.raises(TpmUnavailable, match="sealed by a TPM, and systemd-creds is not installed"):
        unlock_keys(folder, Secrets(tpm2_device=tpm.device))
    assert key_file_path(folder).read_bytes() == before


def test_on_a_machine_without_a_tpm_the_kernel_device_is_refused(tmp_path, monkeypatch):
    monkeypatch.delenv("SYSTEMD_TPM2_DEVICE", raising=False)
    if tpm2_problem(None) is None:
        pytest.skip("this machine has a TPM 2.0: its absence cannot be tested here")
    assert "no TPM 2.0 device" in (tpm2_problem(None) or "")
    with pytest.raises(TpmUnavailable, match=r"no TPM 2\.0 device"):
        create_keys(tmp_path, TpmKek())
    assert not key_file_path(tmp_path).exists()
    create_keys(tmp_path, PassphraseKek(PASSPHRASE))
    assert os.path.exists(key_file_path(tmp_path))
