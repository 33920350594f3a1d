"""``zuil simulator`` as a separate process serving the real driver; ``zuil scanner test/capture/ports``."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from drivers.errors import DeviceRemovedError
from drivers.zfm.driver import ZfmScanner
from kiosk.cli import main

pytestmark = pytest.mark.timeout(60)
ROOT = Path(__file__).resolve().parents[2]


def test_standalone_simulator_process(tmp_path):
    link = tmp_path / "ttyZFM"
    proc = subprocess.Popen([sys.executable, "-m", "kiosk", "simulator", "--port-link", str(link), "--baud",
                             "115200", "--finger-after", "2", "--fault", "unplug:after=4",
                             "--replug-after", "0.2"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(300):
            if link.exists() or proc.poll() is not None:
                break
            time.sleep(0.05)
        assert link.exists(), proc.stderr.read() if proc.poll() is not None else "no link"
        with ZfmScanner(str(link), baudrate=115200) as scanner:
            with pytest.raises(DeviceRemovedError):
                scanner.capture(timeout=10)
            for _ in range(100):  # the simulator plugs itself back in; the driver re-opens on the next capture
                try:
                    assert scanner.capture(timeout=10).image.shape == (288, 256)
                    break
                except DeviceRemovedError:
                    time.sleep(0.05)
            else:
                raise AssertionError("the simulator did not come back")
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert "simulated ZFM scanner at" in out and "plugged back in" in out and not link.exists()


def test_simulator_refuses_a_bad_fault(tmp_path):
    result = CliRunner().invoke(main, ["simulator", "--port-link", str(tmp_path / "x"), "--fault", "melt"])
    assert result.exit_code == 2 and "unknown fault 'melt'" in result.output


def test_scanner_test_and_capture_with_the_default_simulator(tmp_path, monkeypatch, lax_umask):
    monkeypatch.delenv("ZUIL_CONFIG", raising=False)
    runner = CliRunner()
    result = runner.invoke(main, ["scanner", "test"])
    assert result.exit_code == 0, result.output
    assert "[ok] handshake" in result.output
    out = tmp_path / "finger.png"
    result = runner.invoke(main, ["scanner", "capture", "--out", str(out), "--timeout", "10"])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 1000 and "256x288 at 500 dpi" in result.output
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # a fingerprint image is personal data


def test_scanner_test_fails_for_a_missing_port(tmp_path):
    config = tmp_path / "zuil.toml"
    config.write_text(f'[scanner]\ndriver = "zfm"\nport = "{tmp_path / "ttyUSB7"}"\n')
    result = CliRunner().invoke(main, ["--config", str(config), "scanner", "test", "--json"])
    assert result.exit_code == 1 and '"ok": false' in result.output


def test_help_texts():
    for args in (["simulator", "--help"], ["scanner", "--help"], ["scanner", "ports", "--help"]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0 and "Usage" in result.output
    assert os.path.exists(ROOT / "kiosk" / "commands.py")
