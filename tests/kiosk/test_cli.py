import json
import os
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from enrollment.matching.parameters import IMPRESSIONS_PER_FINGER
from kiosk.cli import main


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.delenv("ZUIL_CONFIG", raising=False)
    monkeypatch.delenv("ZUIL_DATA_DIR", raising=False)

    def invoke(*args: str):
        return CliRunner().invoke(main, ["--data-dir", str(tmp_path / "data"), *args], catch_exceptions=False)

    return invoke


def test_every_command_has_help(run):
    for name, command in main.commands.items():
        result = run(name, "--help")
        assert result.exit_code == 0, name
        assert (command.help or "").split()[0] in result.output


def test_demo_runs_an_intake_through_the_real_stack_and_honours_the_data_dir(run, tmp_path):
    result = run("demo", "--gallery-persons", "40")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    for key in ("intake_id", "location", "v_number", "consent", "fingers", "identification", "outbox"):
        assert key in summary
    assert len(summary["v_number"]) == 10 and summary["consent"]["decision"] == "given"
    assert (tmp_path / "data" / "demo" / "zuil.sqlite3").exists()
    # both fingers captured through the ZFM driver and extracted, each as often as the kiosk keeps impressions
    assert [f["position"] for f in summary["fingers"]] == [2] * IMPRESSIONS_PER_FINGER + [7] * IMPRESSIONS_PER_FINGER
    assert all(f["minutiae"] >= 12 and "zfm:" in f["device"] for f in summary["fingers"])
    # the person's earlier visit at another LVV is found, and the V-number's prints confirm it
    found = summary["identification"]["search"]
    earlier = summary["identification"]["earlier_visit_enrolled_now_at"]
    assert found["decision"] == "hit" and found["candidates"][0]["locations"] == [earlier]
    assert summary["identification"]["vnumber_check"]["decision"] == "vnumber_confirmed"
    # a person never seen before: nothing found among the 40 synthetic people (the demo's earlier intakes are
    # cleared at the start of each run)
    fresh = json.loads(run("demo", "--first-time", "--seed", "7", "--gallery-persons", "40").output)
    assert fresh["identification"]["search"]["gallery_persons"] == 40
    assert fresh["identification"]["search"]["decision"] == "no_hit"
    assert fresh["identification"]["vnumber_check"] is None


def test_db_upgrade_and_selftest(run, tmp_path):
    assert "at schema" in run("db", "upgrade").output
    result = run("selftest")  # no key file: the record store cannot be opened
    assert result.exit_code == 1 and "keys      FAIL" in result.output and "zuil keys init" in result.output
    passphrase = tmp_path / "passphrase"
    passphrase.write_text("a passphrase long enough\n")
    assert run("keys", "init", "--seal", "passphrase", "--passphrase-file", str(passphrase)).exit_code == 0
    result = run("selftest")
    assert result.exit_code == 0, result.output
    assert "database  OK" in result.output and "keys      OK" in result.output


def test_selftest_fails_on_an_old_schema(run, tmp_path):
    (tmp_path / "data").mkdir(mode=0o700)
    (tmp_path / "data" / "zuil.sqlite3").write_bytes(b"")
    result = run("selftest")
    assert result.exit_code == 1 and "FAIL" in result.output and "run `zuil db upgrade`" in result.output


def test_a_bad_config_is_a_clear_error_not_a_traceback(run, tmp_path):
    cfg = tmp_path / "bad.toml"
    cfg.write_text('location = "atlantis"\n')
    result = CliRunner().invoke(main, ["--config", str(cfg), "--data-dir", str(tmp_path), "demo"])
    assert result.exit_code == 2
    assert "SettingsError" in result.output and "bad.toml" in result.output and "'location'" in result.output


def test_kiosk_without_display_says_so(run, monkeypatch):
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(var, raising=False)
    result = CliRunner().invoke(main, ["kiosk"])  # with --simulate it runs the demo (tests/kiosk/test_x11_window.py)
    assert result.exit_code != 0 and "no display" in result.output


def test_selftest_checks_the_real_scanner_driver(run, tmp_path):
    cfg = tmp_path / "zfm.toml"
    cfg.write_text('[scanner]\ndriver = "zfm"\nport = "/dev/ttyUSB-absent-9"\n')
    result = CliRunner().invoke(main, ["--config", str(cfg), "--data-dir", str(tmp_path / "d"), "selftest"])
    assert result.exit_code == 1
    assert "scanner   FAIL" in result.output and "ttyUSB-absent-9 missing" in result.output
    ok = run("selftest")
    assert "scanner   OK" in ok.output and "handshake" in ok.output


@pytest.mark.parametrize("language", ["xx", "ru"])  # ru: a language the kiosk has, not configured by default
def test_demo_refuses_a_language_not_configured_here(run, tmp_path, language):
    result = run("demo", "--language", language, "--gallery-persons", "3")
    assert result.exit_code == 2
    assert f"{language!r} is not a language configured here (nl, en, ar," in result.output
    assert not (tmp_path / "data" / "zuil.sqlite3").exists()  # nothing recorded


def test_demo_records_consent_in_the_language_shown(run):
    result = run("demo", "--language", "nl", "--gallery-persons", "3", "--first-time")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["consent"]["language"] == "nl"


def test_demo_refuses_a_negative_seed_before_starting_the_simulator(run):
    result = run("demo", "--seed", "-1")
    assert result.exit_code == 2
    assert "Invalid value for '--seed'" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("args", [["downgrade", "nonsense"], ["upgrade", "--revision", "nonsense"]])
def test_db_names_an_unknown_revision_in_one_line(run, args):
    run("db", "upgrade")
    result = run("db", *args)
    assert result.exit_code == 2
    assert "Can't locate revision identified by 'nonsense'" in result.output


def test_extract_to_a_path_under_a_regular_file_is_one_line_not_a_traceback(run, tmp_path):
    image = tmp_path / "finger.png"
    synth = run("synth", "--fingers", "1", "--impressions", "1", "--contact-sheet", str(image))
    assert synth.exit_code == 0, synth.output
    (tmp_path / "afile").write_text("a file, not a folder")
    result = CliRunner().invoke(main, ["extract", str(image), "-o", str(tmp_path / "afile" / "x.tpl")])
    assert result.exit_code == 2
    assert result.stderr == f"zuil: FileExistsError: File exists: {tmp_path / 'afile'}\n"


def test_an_unknown_setting_is_refused_with_every_known_key(tmp_path):
    cfg = tmp_path / "typo.toml"
    cfg.write_text('data_directory = "/srv/zuil"\n')
    result = CliRunner().invoke(main, ["--config", str(cfg), "--data-dir", str(tmp_path), "db", "upgrade"])
    assert result.exit_code == 2
    line = result.stderr.strip()
    assert "key 'data_directory': unknown setting; known: " in line
    known = line.split("known: ", 1)[1].split(", ")
    assert {"data_dir", "scanner", "retention", "locations", "location", "languages"} <= set(known)
    assert "source" not in known


def _where_permissions_hold() -> list[str]:
    """A command prefix under which file permissions apply: root drops the capabilities that bypass them."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: no folder is read-only to root")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]


def test_a_read_only_data_folder_is_named_as_such(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    data.chmod(0o500)
    env = {k: v for k, v in os.environ.items() if k not in ("ZUIL_CONFIG", "ZUIL_DATA_DIR")}
    result = subprocess.run([*_where_permissions_hold(), sys.executable, "-m", "kiosk", "--data-dir", str(data),
                             "db", "upgrade"], capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode == 2
    assert result.stderr == (f"zuil: StorageError: the data folder {data} is read-only: the database zuil.sqlite3 "
                             "cannot be written there\n")
