"""DeviceManager: scanners from settings, the in-process simulator, hot-plug and the self-test."""

from __future__ import annotations

import os
import sys

import pytest

from drivers import libfprint
from drivers.errors import DeviceRemovedError
from drivers.manager import DeviceManager, serial_ports
from drivers.settings import ScannerSettings
from drivers.simulator import FaultPlan
from drivers.zfm.driver import ZfmScanner
from tests.drivers.ridge_source import RidgePatternSource


def test_simulator_driver_runs_the_real_zfm_driver_over_a_pty(tmp_path):
    settings = ScannerSettings(driver="simulator")
    with DeviceManager(settings, link_dir=tmp_path, source=RidgePatternSource(5, 2)) as manager:
        scanner = manager.scanner()
        capture = scanner.capture(timeout=5)
        assert capture.image.shape == (288, 256) and capture.device.driver == "zfm"
        assert isinstance(scanner.inner, ZfmScanner)
        assert os.path.realpath(manager.port).startswith("/dev/pts/")
        result = manager.self_test()
        assert result.ok and result.device is not None and "handshake" in result.summary()
        assert result.to_dict()["checks"][0] == {"name": "configured", "ok": True, "detail": "driver simulator"}
    assert not (tmp_path / "ttyZFM-sim").exists()


def test_hot_plug_reopens_after_the_device_comes_back(tmp_path):
    faults = FaultPlan()
    with DeviceManager(ScannerSettings(driver="simulator"), link_dir=tmp_path, faults=faults,
                       source=RidgePatternSource(5, 2)) as manager:
        scanner = manager.scanner()
        scanner.capture(timeout=5)
        faults.add("unplug:after=15")
        with pytest.raises(DeviceRemovedError):
            scanner.capture(timeout=5)
        assert scanner.inner is None
        with pytest.raises(DeviceRemovedError, match="not back"):
            scanner.capture(timeout=0.6)  # still unplugged: waits within the capture time, then says so
        manager.simulator.plug()  # plugged in again: a new pty behind the same link
        assert scanner.capture(timeout=5).image.shape == (288, 256)
        assert scanner.reconnects == 1


def test_zfm_driver_on_a_serial_port(make_sim):
    sim = make_sim(baudrate=115200)
    settings = ScannerSettings(driver="zfm", port=str(sim.link_path), baudrate=9600)
    with DeviceManager(settings) as manager:
        result = manager.self_test()
        assert result.ok, result.summary()  # the configured 9600 is wrong; autobaud finds 115200
        assert manager.scanner().inner.baudrate == 115200


def test_self_test_reports_a_missing_device_without_raising(tmp_path):
    settings = ScannerSettings(driver="zfm", port=str(tmp_path / "ttyUSB9"))
    with DeviceManager(settings) as manager:
        result = manager.self_test()
    assert not result.ok
    failed = {c.name: c.detail for c in result.checks if not c.ok}
    assert "missing" in failed["port"] and "DeviceRemovedError" in failed["handshake"]


def test_none_driver_means_biometrics_off():
    with DeviceManager(ScannerSettings(driver="none")) as manager:
        assert manager.self_test().ok


def test_a_missing_libfprint_driver_is_a_failed_configured_check(monkeypatch):
    monkeypatch.setitem(sys.modules, "drivers.libfprint", None)  # as if this tree or machine had no libfprint
    with DeviceManager(ScannerSettings(driver="libfprint")) as manager:
        result = manager.self_test()
    assert not result.ok and "not available" in result.checks[0].detail


def test_serial_ports_are_listed():
    for port in serial_ports():
        assert port.device.startswith("/dev/")


def test_for_kiosk_simulate_and_no_biometrics(tmp_path):
    scanner = ScannerSettings(driver="zfm", port="/dev/ttyUSB0")
    fingers = RidgePatternSource(5, 2)
    with DeviceManager.for_kiosk(scanner, biometrics_enabled=True, simulate=True, link_dir=tmp_path,
                                 source=fingers) as manager:
        assert manager.driver == "simulator"
        worker = manager.worker()
        try:
            assert worker.capture(timeout=5).result(10).image.shape == (288, 256)
        finally:
            worker.close()
    assert DeviceManager.for_kiosk(scanner, biometrics_enabled=False).driver == "none"
    assert DeviceManager.for_kiosk(scanner, biometrics_enabled=True).driver == "zfm"


def test_libfprint_driver_comes_from_drivers_libfprint():
    with DeviceManager(ScannerSettings(driver="libfprint")) as manager:
        assert isinstance(manager.scanner()._factory(), libfprint.LibfprintScanner)
        result = manager.self_test()
    assert result.checks[0].ok  # configured; the handshake needs a USB scanner (and libfprint) on this machine
