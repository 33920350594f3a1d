"""``zuil simulator`` as a separate process serving the real driver; ``zuil scanner test/capture/ports``."""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from drivers.errors import DeviceRemovedError
from drivers.simulator.faults import FAULTS
from drivers.zfm.driver import ZfmScanner
from kiosk.cli import main

ROOT = Path(__file__).resolve().parents[2]


def wait_for(path: Path, proc: subprocess.Popen, seconds: float = 60.0) -> None:
    """Until ``path`` exists (the simulator's link); a hang guard only."""
    end = time.monotonic() + seconds
    while not path.exists() and proc.poll() is None and time.monotonic() < end:
        time.sleep(0.05)
    assert path.exists(), proc.stderr.read() if proc.poll() is not None else f"no {path}"


@contextlib.contextmanager
def simulator_process(link: Path, *args: str) -> Iterator[subprocess.Popen]:
    """``python -m kiosk simulator --port-link LINK ARGS`` until the block ends (then SIGTERM); its
    (stdout, stderr) are then in ``proc.outputs``."""
    proc = subprocess.Popen([sys.executable, "-m", "kiosk", "simulator", "--port-link", str(link), *args],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(link, proc)
        yield proc
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
        proc.outputs = proc.communicate(timeout=30)


def test_standalone_simulator_process(tmp_path):
    link = tmp_path / "ttyZFM"
    with (simulator_process(link, "--baud", "115200", "--finger-after", "2", "--fault", "unplug:after=4",
                            "--replug-after", "0.2") as proc,
          ZfmScanner(str(link), baudrate=115200) as scanner):
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
    out, err = proc.outputs
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
    assert "Place a finger on the scanner at" in result.output


def zfm_config(tmp_path: Path, port: Path) -> Path:
    """A settings file for the zfm driver on ``port``."""
    config = tmp_path / "zuil.toml"
    config.write_text(f'[scanner]\ndriver = "zfm"\nport = "{port}"\n')
    return config


def test_capture_on_a_port_that_is_not_there_fails_at_once_and_says_so_to_the_technician(tmp_path):
    config = zfm_config(tmp_path, tmp_path / "ttyUSB7")
    result = CliRunner().invoke(main, ["--config", str(config), "scanner", "capture", "--out",
                                       str(tmp_path / "f.png"), "--timeout", "600"])  # 600 s: no waiting
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: DeviceRemovedError:"), result.output
    assert str(tmp_path / "ttyUSB7") in lines[0] and "no such port" in lines[0] and "check" in lines[0]
    assert "staff member" not in result.output and "Place a finger" not in result.output


def test_capture_refuses_a_timeout_that_is_not_positive(tmp_path):
    for bad in ("0", "-3"):
        result = CliRunner().invoke(main, ["scanner", "capture", "--out", str(tmp_path / "f.png"),
                                           "--timeout", bad])
        assert result.exit_code == 2 and "--timeout" in result.output


def _zuil(*args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kiosk", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout)


#: fault -> (--timeout of the capture it hits, that capture's exit status); the next capture must succeed
CLI_FAULTS = {
    "no_finger:times=5": ("30", 0),
    "image_failed": ("30", 2),
    "blank": ("30", 2),
    "partial": ("30", 2),
    "messy": ("30", 2),
    "few_features": ("30", 2),
    "slow:delay=0.5": ("6", 2),
    "corrupt_checksum": ("30", 0),
    "wrong_header": ("30", 0),
    "unplug": ("30", 2),
    "garbage": ("30", 0),
    "silent": ("30", 0),
}


def test_every_fault_has_a_cli_case():
    assert {spec.split(":")[0] for spec in CLI_FAULTS} == set(FAULTS)


@pytest.mark.slow
@pytest.mark.timeout(600)
@pytest.mark.parametrize("fault", list(CLI_FAULTS))
def test_each_fault_then_a_good_capture_from_the_cli(tmp_path, fault):
    seconds, status = CLI_FAULTS[fault]
    link, out = tmp_path / "ttyZFM", tmp_path / "finger.png"
    capture = ["--config", str(zfm_config(tmp_path, link)), "scanner", "capture", "--out", str(out)]
    with simulator_process(link, "--fault", fault, "--replug-after", "0.5") as proc:
        first = _zuil(*capture, "--timeout", seconds)
        assert first.returncode == status, first.stdout + first.stderr
        assert "Traceback" not in first.stderr and "staff member" not in first.stderr
        if status:
            assert len(first.stderr.strip().splitlines()) == 2, first.stderr  # the prompt, one line of error
            assert first.stderr.strip().splitlines()[-1].startswith("Error: "), first.stderr
        wait_for(link, proc)  # after an unplug the simulator plugs itself back in
        second = _zuil(*capture, "--timeout", "30")
        assert second.returncode == 0, second.stdout + second.stderr
        assert "256x288 at 500 dpi" in second.stdout and "Place a finger" in second.stderr


@pytest.mark.slow
@pytest.mark.parametrize("fault", ["garbage", "silent"])
def test_scanner_test_survives_one_garbage_burst_or_one_silent_answer(tmp_path, fault):
    link = tmp_path / "ttyZFM"
    config = zfm_config(tmp_path, link)
    with simulator_process(link, "--fault", fault):
        result = CliRunner().invoke(main, ["--config", str(config), "scanner", "test"])
    assert result.exit_code == 0, result.output
    assert "[ok] handshake" in result.output


def test_scanner_test_fails_for_a_missing_port(tmp_path):
    config = zfm_config(tmp_path, tmp_path / "ttyUSB7")
    result = CliRunner().invoke(main, ["--config", str(config), "scanner", "test", "--json"])
    assert result.exit_code == 1 and '"ok": false' in result.output
    assert "staff member" not in result.output and "scanner.port" in result.output


def test_help_texts():
    for args in (["simulator", "--help"], ["scanner", "--help"], ["scanner", "ports", "--help"]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0 and "Usage" in result.output
    assert os.path.exists(ROOT / "kiosk" / "commands.py")
