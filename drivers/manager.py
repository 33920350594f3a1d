"""``DeviceManager``: from the scanner settings to a working, hot-pluggable scanner on its worker thread.

The driver is looked up by name in :mod:`drivers.registry`. ``driver = "simulator"`` starts an in-process
simulated ZFM module on a pseudo-terminal and connects the real :class:`~drivers.zfm.driver.ZfmScanner` to
it, so ``zuil kiosk --simulate`` exercises the real serial path. ``"zfm"`` opens the configured serial port;
``"libfprint"`` imports ``drivers.libfprint`` when this tree and this machine have it; ``"none"`` runs the
kiosk without biometrics.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from drivers.capture import DeviceInfo
from drivers.errors import DeviceError, DriverError, UnsupportedDeviceError
from drivers.reconnect import ReconnectingScanner
from drivers.registry import scanner_driver
from drivers.scanner import Scanner
from drivers.settings import ScannerSettings
from drivers.simulator import FaultPlan, PtySimulator, SimulatedZfm, default_source
from drivers.simulator.images import ImageSource
from drivers.worker import DeviceWorker

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SerialPort:
    device: str
    description: str
    hwid: str
    usb_id: str  # "vvvv:pppp" or ""


def serial_ports() -> list[SerialPort]:
    """The serial ports this machine has (pyserial ``list_ports``): where a ZFM scanner may be plugged in."""
    from serial.tools import list_ports

    ports = []
    for port in list_ports.comports():
        usb = f"{port.vid:04x}:{port.pid:04x}" if port.vid is not None and port.pid is not None else ""
        ports.append(SerialPort(port.device, port.description or "", port.hwid or "", usb))
    return ports


@dataclass(frozen=True)
class SelfTestCheck:
    name: str
    ok: bool
    detail: str


@dataclass(frozen=True)
class SelfTestResult:
    """What ``zuil selftest`` reports for the scanner: each check with its outcome, and the device found."""

    driver: str
    port: str
    checks: tuple[SelfTestCheck, ...]
    device: DeviceInfo | None = None

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)

    def summary(self) -> str:
        lines = [f"scanner ({self.driver}{', ' + self.port if self.port else ''}): {'ok' if self.ok else 'FAILED'}"]
        lines += [f"  [{'ok' if c.ok else 'FAIL'}] {c.name}: {c.detail}" for c in self.checks]
        return "\n".join(lines)

    def to_dict(self) -> dict:
        return {"driver": self.driver, "port": self.port, "ok": self.ok,
                "checks": [asdict(c) for c in self.checks], "device": asdict(self.device) if self.device else None}


class DeviceManager:
    """Builds the configured scanner (``settings``: a :class:`~drivers.settings.ScannerSettings`).

    For the simulator: ``source`` (default: the files in ``images``, else synthetic fingers), ``faults``,
    ``finger_after`` (no-finger polls before each press), ``realtime`` (pace at the baud rate) and
    ``link_dir`` (where its pty link goes; default: a temporary directory)."""

    def __init__(self, settings: ScannerSettings, *, images: str | None = None, faults: FaultPlan | None = None,
                 link_dir: str | Path | None = None, simulator_seed: int = 0, finger_after: int = 0,
                 realtime: bool = False, source: ImageSource | None = None) -> None:
        self.settings = settings
        self.driver = settings.driver
        self.images, self.faults, self.simulator_seed = images, faults or FaultPlan(), simulator_seed
        self.finger_after, self.realtime, self.source = finger_after, realtime, source
        self._link_dir = Path(link_dir) if link_dir else None
        self._tmp: tempfile.TemporaryDirectory | None = None
        self.simulator: PtySimulator | None = None
        self._scanner: ReconnectingScanner | None = None
        self.port = settings.port

    @classmethod
    def for_kiosk(cls, scanner: ScannerSettings, *, biometrics_enabled: bool, simulate: bool = False,
                  **options) -> DeviceManager:
        """The manager for a kiosk: ``simulate`` (``zuil kiosk --simulate``) swaps in the simulator; a site
        without biometrics (``biometrics_enabled`` false) gets the ``none`` driver. ``options`` as for the
        constructor."""
        if not biometrics_enabled:
            scanner = replace(scanner, driver="none")
        elif simulate:
            scanner = replace(scanner, driver="simulator")
        return cls(scanner, **options)

    # --- building ----------------------------------------------------------------------------------------------
    def _start_simulator(self) -> str:
        if self.simulator is None:
            if self._link_dir is None:
                self._tmp = tempfile.TemporaryDirectory(prefix="zuil-sim-")
                self._link_dir = Path(self._tmp.name)
            source = self.source or default_source(self.simulator_seed, self.images)
            device = SimulatedZfm(source, self.faults,
                                  address=self.settings.address, password=self.settings.password,
                                  baudrate=self.settings.baudrate, finger_after=self.finger_after)
            self.simulator = PtySimulator(device, self._link_dir / "ttyZFM-sim", realtime=self.realtime).start()
        return str(self.simulator.link_path)

    def _factory(self) -> Callable[[], Scanner]:
        driver = scanner_driver(self.driver)
        if driver.prepare is None:
            raise UnsupportedDeviceError(f"no scanner driver {self.driver!r} (biometrics are off with 'none')")
        if driver.simulated:
            self.port = self._start_simulator()
        return driver.prepare(self.settings, self.port)

    def scanner(self) -> ReconnectingScanner:
        """The configured scanner, hot-pluggable; not yet opened (it opens on first use)."""
        if self._scanner is None:
            self._scanner = ReconnectingScanner(self._factory(), f"{self.driver} scanner {self.port}".strip())
        return self._scanner

    def worker(self) -> DeviceWorker:
        """A worker thread that owns the configured scanner: the kiosk's one way to talk to it."""
        return DeviceWorker(self.scanner(), self.driver)

    def close(self) -> None:
        if self._scanner is not None:
            self._scanner.close()
            self._scanner = None
        if self.simulator is not None:
            self.simulator.stop()
            self.simulator.device.close()
            self.simulator = None
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def __enter__(self) -> DeviceManager:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- self-test ---------------------------------------------------------------------------------------------
    def self_test(self) -> SelfTestResult:
        """Check the configured scanner answers, step by step; never raises for a device problem."""
        checks: list[SelfTestCheck] = []
        if self.driver == "none":
            return SelfTestResult("none", "", (SelfTestCheck("configured", True, "biometrics off (driver none)"),))
        try:
            scanner = self.scanner()
            checks.append(SelfTestCheck("configured", True, f"driver {self.driver}"))
        except DriverError as exc:
            checks.append(SelfTestCheck("configured", False, exc.technician_message))
            return SelfTestResult(self.driver, self.port, tuple(checks))
        if scanner_driver(self.driver).serial:
            present = Path(self.port).exists()
            known = ", ".join(p.device for p in serial_ports()) or "none"
            checks.append(SelfTestCheck("port", present, f"{self.port} {'present' if present else 'missing'}; "
                                                         f"serial ports here: {known}"))
        device = None
        try:
            scanner.open()
            device = scanner.info()
            checks.append(SelfTestCheck("handshake", True, f"{device.vendor} {device.model}"))
            checks.append(SelfTestCheck("status", True, scanner.self_test()))
        except DeviceError as exc:
            checks.append(SelfTestCheck("handshake", False, f"{type(exc).__name__}: {exc.technician_message}"))
        return SelfTestResult(self.driver, self.port, tuple(checks), device)
