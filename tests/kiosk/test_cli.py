import json

import pytest
from click.testing import CliRunner

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
    assert (tmp_path / "data" / "zuil.sqlite3").exists()
    # both fingers captured through the ZFM driver and extracted
    assert [f["position"] for f in summary["fingers"]] == [2, 7]
    assert all(f["minutiae"] >= 12 and "zfm:" in f["device"] for f in summary["fingers"])
    # the person's earlier visit at another LVV is found, and the V-number's prints confirm it
    found = summary["identification"]["search"]
    earlier = summary["identification"]["earlier_visit_enrolled_now_at"]
    assert found["decision"] == "hit" and found["candidates"][0]["locations"] == [earlier]
    assert summary["identification"]["vnumber_check"]["decision"] == "vnumber_confirmed"
    # a person never seen before: nothing found among the 40 synthetic people, the earlier visit and the
    # intake just made (a pseudonymous person of its own until an officer decides it is the same person)
    fresh = json.loads(run("demo", "--first-time", "--seed", "7").output)
    assert fresh["identification"]["search"]["gallery_persons"] == 42
    assert fresh["identification"]["search"]["decision"] == "no_hit"
    assert fresh["identification"]["vnumber_check"] is None


def test_db_upgrade_and_selftest(run):
    assert "at schema" in run("db", "upgrade").output
    result = run("selftest")
    assert result.exit_code == 0
    assert "database" in result.output and "OK" in result.output


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
    result = CliRunner().invoke(main, ["kiosk", "--simulate"])
    assert result.exit_code != 0 and "no display" in result.output


def test_selftest_checks_the_real_scanner_driver(run, tmp_path):
    cfg = tmp_path / "zfm.toml"
    cfg.write_text('[scanner]\ndriver = "zfm"\nport = "/dev/ttyUSB-absent-9"\n')
    result = CliRunner().invoke(main, ["--config", str(cfg), "--data-dir", str(tmp_path / "d"), "selftest"])
    assert result.exit_code == 1
    assert "scanner   FAIL" in result.output and "ttyUSB-absent-9 missing" in result.output
    ok = run("selftest")
    assert "scanner   OK" in ok.output and "handshake" in ok.output
