"""``zuil keys`` end to end through click's CliRunner, and the selftest's keys row."""

from __future__ import annotations

import base64
import threading

import pytest
from click.testing import CliRunner

from enrollment.keys.kek_sources import Secrets
from enrollment.keys.key_store import key_file_path, rotate_keys, unlock_keys
from enrollment.keys.keyring import Purpose
from enrollment.keys.tpm_kek import tpm2_problem
from enrollment.settings import Settings
from kiosk.cli import main
from kiosk.selftest import check_keys
from tests.enrollment.keys.conftest import PASSPHRASE
from tests.swtpm import SoftwareTpm


@pytest.fixture
def zuil(tmp_path, monkeypatch):
    for var in ("ZUIL_CONFIG", "ZUIL_DATA_DIR", "ZUIL_KEYS_PASSPHRASE", "SYSTEMD_TPM2_DEVICE"):
        monkeypatch.delenv(var, raising=False)
    data = tmp_path / "data"

    def invoke(*args: str, input: str | None = None, env: dict[str, str] | None = None):
        return CliRunner().invoke(main, ["--data-dir", str(data), "keys", *args], input=input, env=env)

    invoke.data = data  # type: ignore[attr-defined]
    return invoke


@pytest.fixture
def passphrase_file(tmp_path):
    path = tmp_path / "passphrase"
    path.write_text(PASSPHRASE + "\n")
    return path


def _materials(data) -> list[str]:  # type: ignore[no-untyped-def]
    ring = unlock_keys(data, Secrets(passphrase=lambda: PASSPHRASE))
    keys = [k.material for p in Purpose for k in ring.versions(p)]
    return [form for m in keys for form in (m.hex(), base64.b64encode(m).decode())]


def test_init_status_rotate_show_versions_and_never_key_material(zuil, passphrase_file):
    init = zuil("init", "--passphrase-file", str(passphrase_file))
    assert init.exit_code == 0, init.output
    assert "sealed by passphrase" in init.output and "not sealing with a TPM" in init.output
    assert zuil("rotate", "--data", "gallery", "--passphrase-file", str(passphrase_file)).exit_code == 0
    rotated = zuil("rotate", "--passphrase-file", str(passphrase_file))
    assert rotated.exit_code == 0, rotated.output
    assert "master key version 2" in rotated.output and "gallery v3, vnumber-hmac v2, signing v2" in rotated.output
    status = zuil("status")
    assert status.exit_code == 0, status.output
    lines = status.output.splitlines()
    assert "sealing      passphrase (Argon2id, 8 MiB, time cost 1, parallelism 2)" in lines
    assert any(line.startswith("master key   version 2, created 20") for line in lines)
    assert [line.split()[2:5] for line in lines if line.startswith("data key")] == [
        ["gallery", "version", "1,"], ["gallery", "version", "2,"], ["gallery", "version", "3,"],
        ["vnumber-hmac", "version", "1,"], ["vnumber-hmac", "version", "2,"],
        ["signing", "version", "1,"], ["signing", "version", "2,"]]
    for form in _materials(zuil.data):
        assert form not in status.output + init.output + rotated.output


def test_the_passphrase_comes_from_a_hidden_prompt_or_the_environment(zuil):
    init = zuil("init", "--seal", "passphrase", input=f"{PASSPHRASE}\n{PASSPHRASE}\n")
    assert init.exit_code == 0, init.output
    assert PASSPHRASE not in init.output  # hidden input is not echoed
    rotated = zuil("rotate", "--master", env={"ZUIL_KEYS_PASSPHRASE": PASSPHRASE})
    assert rotated.exit_code == 0 and "master key version 2" in rotated.output
    prompted = zuil("rotate", "--data", "signing", input=f"{PASSPHRASE}\n")
    assert prompted.exit_code == 0 and "signing v2" in prompted.output


def test_refusals_are_one_line_with_exit_2_and_change_nothing(zuil, passphrase_file, tmp_path):
    missing = zuil("status")
    assert missing.exit_code == 2 and missing.output.startswith("zuil: KeyFileMissing: no key file at")
    assert zuil("init", "--passphrase-file", str(passphrase_file)).exit_code == 0
    before = key_file_path(zuil.data).read_bytes()
    wrong = zuil("rotate", env={"ZUIL_KEYS_PASSPHRASE": "not the passphrase at all"})
    assert wrong.exit_code == 2 and len(wrong.output.splitlines()) == 1
    assert wrong.output.startswith("zuil: WrongPassphrase: the passphrase does not open key file")
    again = zuil("init", "--passphrase-file", str(passphrase_file))
    assert again.exit_code == 2 and "KeyFileExists" in again.output
    short = tmp_path / "short"
    short.write_text(f"{PASSPHRASE}\nshort\n")
    weak = zuil("rotate", "--new-passphrase", "--passphrase-file", str(short))
    assert weak.exit_code == 2 and "WeakPassphrase" in weak.output
    assert key_file_path(zuil.data).read_bytes() == before
    key_file_path(zuil.data).write_bytes(before[:-10])
    cut = zuil("status")
    assert cut.exit_code == 2 and cut.output.startswith("zuil: KeyFileCorrupt:") and len(cut.output.splitlines()) == 1


def test_a_passphrase_file_that_is_not_text_is_a_usage_error(zuil, tmp_path):
    binary = tmp_path / "binary"
    binary.write_bytes(b"\xff\xfe\x00passphrase")
    result = zuil("init", "--seal", "passphrase", "--passphrase-file", str(binary))
    assert result.exit_code == 2 and "is not UTF-8 text" in result.output and "Traceback" not in result.output
    assert not key_file_path(zuil.data).exists()


def test_tpm_sealing_asked_for_without_a_tpm_is_refused(zuil, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    result = zuil("init", "--seal", "tpm2")
    assert result.exit_code == 2 and "TpmUnavailable" in result.output
    assert not key_file_path(zuil.data).exists()


def test_with_a_tpm_init_seals_with_it_and_rotate_needs_no_passphrase(zuil, tmp_path):
    tpm = SoftwareTpm(tmp_path / "tpm")
    try:
        env = {"SYSTEMD_TPM2_DEVICE": tpm.device}
        init = zuil("init", env=env)
        assert init.exit_code == 0 and "sealed by tpm2" in init.output, init.output
        tpm.flush()
        rotated = zuil("rotate", env=env)
        assert rotated.exit_code == 0 and "master key version 2" in rotated.output, rotated.output
        status = zuil("status", env=env)
        assert "sealing      tpm2 (PCRs 7)" in status.output
        settings = Settings(data_dir=zuil.data)
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv("SYSTEMD_TPM2_DEVICE", tpm.device)
            assert check_keys(settings).status == "OK"
        if tpm2_problem(None):  # and without it, on a host with no TPM of its own, the row says so
            row = check_keys(settings)
            assert row.status == "FAIL" and "sealed by a TPM, but no TPM 2.0 device" in row.detail
    finally:
        tpm.stop()


def test_the_selftest_row_checks_the_key_file_without_unlocking_it(zuil, passphrase_file):
    settings = Settings(data_dir=zuil.data)
    missing = check_keys(settings)  # the record store cannot open without them
    assert missing.status == "FAIL" and "zuil keys init" in missing.detail and "record store" in missing.detail
    assert zuil("init", "--passphrase-file", str(passphrase_file)).exit_code == 0
    good = check_keys(settings)
    assert good.status == "OK" and "sealed by passphrase" in good.detail and "gallery v1" in good.detail
    path = key_file_path(zuil.data)
    path.chmod(0o644)
    assert check_keys(settings).status == "FAIL" and "chmod 600" in check_keys(settings).detail
    path.chmod(0o600)
    data = bytearray(path.read_bytes())
    data[40] ^= 0x20
    path.write_bytes(bytes(data))
    assert check_keys(settings).status == "FAIL" and "checksum" in check_keys(settings).detail


def test_a_demo_key_file_in_the_kiosk_data_folder_fails_the_selftest(zuil):
    from enrollment.keys.demo_keys import open_demo_keys

    open_demo_keys(zuil.data / "demo")
    key_file_path(zuil.data).write_bytes(key_file_path(zuil.data / "demo").read_bytes())
    key_file_path(zuil.data).chmod(0o600)
    row = check_keys(Settings(data_dir=zuil.data))
    assert row.status == "FAIL" and "demo keys" in row.detail


def test_concurrent_rotations_lose_no_version(zuil, passphrase_file):
    assert zuil("init", "--passphrase-file", str(passphrase_file)).exit_code == 0
    secrets = Secrets(passphrase=lambda: PASSPHRASE)
    errors: list[BaseException] = []

    def rotate() -> None:
        try:
            rotate_keys(zuil.data, secrets, master=False, purposes=[Purpose.GALLERY])
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=rotate) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors
    ring = unlock_keys(zuil.data, secrets)
    assert [k.version for k in ring.versions(Purpose.GALLERY)] == [1, 2, 3, 4, 5]


def test_bench_prints_the_argon2id_time(zuil):
    result = zuil("bench", "--runs", "1")
    assert result.exit_code == 0 and result.output.startswith("Argon2id: 8 MiB, time cost 1, parallelism 2")
    assert "median" in result.output
